import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { verifyReplay } from '../../src/engine';
import { findScenario } from '../../src/scenario/fs';
import { api, createClass, Dashboard, joinClass, Learner, startTestServer, tempDir, type Json, type TestServer } from './helpers';

/** A two-scenario campaign built from the starter scenario, so the test does not depend on content in progress. */
function writeCampaign(dir: string): void {
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'corner-cafe.yaml'), 'utf8');
  for (const [id, title] of [['cafe-one', 'Café one'], ['cafe-two', 'Café two']] as const)
    writeFileSync(
      join(dir, `${id}.yaml`),
      source.replace(/^id: .*$/m, `id: ${id}`).replace(/^campaign: .*$/m, 'campaign: two-cafes').replace(/^title: .*$/m, `title: "${title}"`),
    );
  writeFileSync(join(dir, 'two-cafes.campaign.yaml'), 'kind: campaign\nid: two-cafes\ntitle: Two cafés\ndescription: Two runs in a row.\nscenarios: [cafe-one, cafe-two]\n');
}

describe('a campaign class', () => {
  let server: TestServer;
  const scenarios = tempDir();
  beforeAll(async () => {
    writeCampaign(scenarios);
    server = await startTestServer({ scenarioDir: scenarios });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(scenarios, { recursive: true, force: true });
  });

  it('plays its scenarios one after another, each with its own seed and replay', async () => {
    const base = server.url;
    const cls = await createClass(base, { content: { kind: 'campaign', id: 'two-cafes' } });
    expect(cls.info.scenarios.map((s: Json) => s.id)).toEqual(['cafe-one', 'cafe-two']);
    const dash = await new Dashboard(base, cls.id, cls.key).connect();
    const l = await new Learner(base, (await joinClass(base, cls.code, 'Camper')).token).connect();
    const { accepted } = await l.play(POLICIES.first!('c'));
    const finished = l.socket.received.filter((m) => m.type === 'finished');
    expect(finished.map((m) => [m.run, m.scenarioId])).toEqual([
      [0, 'cafe-one'],
      [1, 'cafe-two'],
    ]);
    await dash.until((m) => [...m.values()].some((s) => s.done && s.run === 1 && s.steps === accepted.length));

    await api(base, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
    const results = [await l.socket.next((m) => m.type === 'result'), await l.socket.next((m) => m.type === 'result')];
    expect(results.map((r) => r.run)).toEqual([0, 1]);
    expect(results[0]!.replay.seed).not.toBe(results[1]!.replay.seed);
    expect(results[0]!.replay.actions.length + results[1]!.replay.actions.length).toBe(accepted.length);
    for (const r of results) {
      const found = await findScenario(r.replay.scenarioId, scenarios);
      if (!found.ok) throw new Error('scenario missing');
      expect(verifyReplay(r.replay, found.scenario, found.hash).ok).toBe(true);
    }
    const csv = await api(base, 'GET', `/api/classes/${cls.id}/export.csv`, { key: cls.key });
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    l.close();
    dash.close();
  });
});
