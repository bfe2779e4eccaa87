import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { api, createClass, joinClass, Learner, startTestServer, type TestServer } from './helpers';
import { parseCsv } from './csv';

describe('the CSV export', () => {
  let server: TestServer;
  let t = Date.parse('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    // Each reading of the clock is a second later: every timestamp is distinct and predictable in order.
    server = await startTestServer({ clock: () => new Date((t += 1000)) });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('has the class title, when each learner joined, last acted and finished, and one column per goal seen', async () => {
    const cls = await createClass(server.url, { title: '=HYPERLINK("x") Tuesday, CSPO' });
    const ada = await joinClass(server.url, cls.code, 'Ada');
    await joinClass(server.url, cls.code, 'Grace');
    const l = await new Learner(server.url, ada.token).connect();
    await l.play(POLICIES.first!('csv'));
    l.close();

    const csv = await api(server.url, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    expect(csv.status).toBe(200);
    const [header, ...rows] = parseCsv(csv.text);
    const col = (row: string[], name: string) => {
      const i = header!.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return row[i]!;
    };
    const adaRow = rows.find((r) => col(r, 'name') === 'Ada')!;
    const graceRow = rows.find((r) => col(r, 'name') === 'Grace')!;

    // The title is one cell, its formula start defused as every other cell's is.
    expect(col(adaRow, 'class_title')).toBe(`'=HYPERLINK("x") Tuesday, CSPO`);

    // Timestamps: joined before the last action; a finished run has finished_at = its last action.
    const joined = Date.parse(col(adaRow, 'joined_at'));
    const last = Date.parse(col(adaRow, 'last_action_at'));
    expect(last).toBeGreaterThan(joined);
    expect(col(adaRow, 'done')).toBe('true');
    expect(col(adaRow, 'finished_at')).toBe(col(adaRow, 'last_action_at'));
    expect(Date.parse(col(graceRow, 'joined_at'))).toBeGreaterThan(joined);
    expect([col(graceRow, 'last_action_at'), col(graceRow, 'finished_at')]).toEqual(['', '']);

    // Goal columns: only goals someone showed evidence on, in catalogue order, holding a status.
    const goals = header!.filter((h) => h.startsWith('goal_'));
    expect(goals.length).toBeGreaterThan(3);
    expect(goals.length).toBeLessThan(65);
    for (const g of goals) expect(g).toMatch(/^goal_D\d\.\d\.\d+$/);
    const statuses = goals.map((g) => col(adaRow, g));
    for (const s of statuses) expect(['shown', 'partly', 'missed', '']).toContain(s);
    expect(statuses.filter((s) => s !== '').length).toBe(goals.length);
    // Grace played nothing: every goal cell of her row is empty.
    expect(goals.map((g) => col(graceRow, g)).every((s) => s === '')).toBe(true);
    // Every row has as many cells as the header.
    for (const r of rows) expect(r.length).toBe(header!.length);
  });
});
