import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { DB_FILE } from '../../src/server/store/db';
import { api, createClass, joinClass, Learner, startTestServer, tempDir } from './helpers';

describe('a damaged row in the database', () => {
  it('stops only its learner (or its class), names class, learner and step, and every other class runs', async () => {
    const dataDir = tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const a = await createClass(first.url, { title: 'Class A' });
      const b = await createClass(first.url, { title: 'Class B' });
      const c = await createClass(first.url, { title: 'Class C' });
      const tokens: Record<string, string> = {};
      for (const [cls, name] of [[a, 'Dana'], [a, 'Eli'], [b, 'Fay'], [c, 'Gus']] as const) {
        const j = await joinClass(first.url, cls.code, name);
        tokens[name] = j.token;
        const l = await new Learner(first.url, j.token).connect();
        await l.play(POLICIES.first!(name), { stopAfter: 4 });
        l.close();
      }
      await first.close();

      // Dana's third action and class C's scenario list are cut short, as a torn write would leave them.
      const db = new Database(join(dataDir, DB_FILE));
      const dana = db.prepare("SELECT id FROM learners WHERE name = 'Dana'").get() as { id: string };
      db.prepare("UPDATE actions SET action = '{\"type\":\"cho' WHERE learner_id = ? AND step = 2").run(dana.id);
      db.prepare("UPDATE classes SET scenarios = '[{\"id\":\"corner' WHERE title = 'Class C'").run();
      db.close();

      const second = await startTestServer({ dataDir });
      try {
        // Class A opens: Dana is damaged, named with her class and step; Eli plays on.
        const dashA = await api(second.url, 'GET', `/api/classes/${a.id}`, { key: a.key });
        expect(dashA.status).toBe(200);
        const rows = Object.fromEntries((dashA.json.learners as { name: string }[]).map((l) => [l.name, l])) as Record<string, Record<string, unknown>>;
        expect(rows.Dana).toMatchObject({ damaged: true, steps: 2 });
        expect(rows.Dana!.problem).toMatch(/damaged.*step 2.*Dana.*Class A/);
        expect(rows.Eli).toMatchObject({ damaged: false, problem: null, steps: 4 });
        const eli = await new Learner(second.url, tokens.Eli!).connect();
        expect((await eli.act(POLICIES.first!('Eli').choose(eli.step()) as never)).type).toBe('ack');
        const danaSocket = await new Learner(second.url, tokens.Dana!).connect();
        expect((await danaSocket.act({ id: 'anything' })).code).toBe('internal');
        // Class B is untouched.
        const fay = await new Learner(second.url, tokens.Fay!).connect();
        expect((await fay.act(POLICIES.first!('Fay').choose(fay.step()) as never)).type).toBe('ack');
        // Class C cannot open, and says why.
        const dashC = await api(second.url, 'GET', `/api/classes/${c.id}`, { key: c.key });
        expect(dashC.status).toBe(409);
        expect(dashC.json.error.message).toMatch(/Class C.*damaged/);
        expect(second.logger.lines.some((l) => l.event === 'learnerDamaged' && l.fields.step === 2)).toBe(true);
        for (const l of [eli, danaSocket, fay]) l.close();
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
