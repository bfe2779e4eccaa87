import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashValue } from '../../src/engine/hash';
import { DEFAULT_SCENARIO_DIR, findScenario, loadScenarioDir, loadScenarioFile } from '../../src/scenario/fs';
import { formatProblem, loadFileText, loadScenarioText } from '../../src/scenario/load';
import { fixtureBytes, fixturePath, fixtureText } from './helpers';

describe('a valid minimal scenario', () => {
  const result = loadScenarioText(fixtureBytes('valid/minimal.yaml'), 'minimal.yaml');

  it('loads, as the engine type, without the file-only keys', () => {
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.scenario.id).toBe('minimal');
    expect(result.scenario.backlog[0]?.truth.effort).toBe(3);
    expect('kind' in result.scenario).toBe(false);
  });

  it('is hashed as sha256 of the canonical JSON of its content', () => {
    if (!result.ok) throw new Error('did not load');
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.hash).toBe(hashValue(result.scenario));
  });

  it('is frozen, so the hash stays true and no session can change another one', () => {
    if (!result.ok) throw new Error('did not load');
    expect(Object.isFrozen(result.scenario)).toBe(true);
    expect(Object.isFrozen(result.scenario.backlog[0]?.truth)).toBe(true);
  });

  it('gives the same scenario and hash from text and from bytes, with or without a byte order mark or CRLF', () => {
    if (!result.ok) throw new Error('did not load');
    const text = fixtureText('valid/minimal.yaml');
    const variants = [text, `\uFEFF${text}`, text.replace(/\n/g, '\r\n'), new TextEncoder().encode(`\uFEFF${text}`)];
    for (const v of variants) {
      const again = loadScenarioText(v, 'minimal.yaml');
      expect(again.ok && again.hash).toBe(result.hash);
    }
  });

  it('has the same content as its JSON twin (JSON is parsed by the same loader)', () => {
    const json = loadScenarioText(fixtureBytes('valid/minimal.json'), 'minimal.json');
    if (!result.ok || !json.ok) throw new Error('did not load');
    expect({ ...json.scenario, id: 'minimal' }).toEqual(result.scenario);
  });
});

describe('a scenario using every optional part', () => {
  const result = loadScenarioText(fixtureBytes('valid/full.yaml'), 'full.yaml');

  it('loads, with aliases expanded into separate objects', () => {
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const [first, second] = result.scenario.events.map((e) => e.choices[0]?.evidence[0]);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(result.scenario.backlog[0]?.splits?.[0]?.children).toHaveLength(2);
    expect(result.scenario.questions?.[0]?.answers).toHaveLength(2);
  });

  it('keeps every key of the file (the schema strips nothing but kind and $schema)', () => {
    if (!result.ok) throw new Error('did not load');
    const { kind: _kind, ...raw } = parse(fixtureText('valid/full.yaml')) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(raw);
  });
});

describe('loading by kind', () => {
  it('loadScenarioText refuses a campaign, pointing at its kind', () => {
    const result = loadScenarioText(fixtureBytes('valid/basics.campaign.yaml'), 'basics.campaign.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatProblem(result.problems[0]!)).toBe('basics.campaign.yaml:2:7 kind: expected "scenario", found "campaign": this file is a campaign, not a scenario');
  });

  it('loadFileText loads a campaign', () => {
    const result = loadFileText(fixtureBytes('valid/basics.campaign.yaml'), 'basics.campaign.yaml');
    expect(result.ok && result.loaded.kind === 'campaign' && result.loaded.campaign.scenarios).toEqual(['minimal', 'minimal-json', 'full']);
  });
});

describe('the Node loader', () => {
  it('loads a directory: every scenario and campaign, no problems', async () => {
    const all = await loadScenarioDir(fixturePath('valid'));
    expect(all.problems.map(formatProblem)).toEqual([]);
    expect(all.scenarios.map((s) => s.scenario.id)).toEqual(['full', 'minimal-json', 'minimal']);
    expect(all.campaigns.map((c) => c.campaign.id)).toEqual(['basics']);
  });

  it('loads one file by path, naming it in problems', async () => {
    expect((await loadScenarioFile(fixturePath('valid/minimal.yaml'))).ok).toBe(true);
    const broken = await loadScenarioFile(fixturePath('broken/range-negative-effort.yaml'));
    expect(!broken.ok && broken.problems[0]?.file).toBe(fixturePath('broken/range-negative-effort.yaml'));
  });

  it('finds a scenario by id, and says which ids exist when it cannot', async () => {
    const found = await findScenario('minimal', fixturePath('valid'));
    expect(found.ok && found.file).toBe(fixturePath('valid/minimal.yaml'));
    const missing = await findScenario('nope', fixturePath('valid'));
    expect(!missing.ok && missing.problems[0]?.message).toBe('expected the id of a scenario ("full", "minimal-json", "minimal"), found "nope"');
  });

  it('turns missing files and directories into problems, not rejections', async () => {
    const file = await loadScenarioFile(fixturePath('valid/does-not-exist.yaml'));
    expect(!file.ok && file.problems[0]?.message).toBe('cannot read the file: no such file');
    const dir = await loadScenarioDir(fixturePath('does-not-exist'));
    expect(dir.problems[0]?.message).toBe('cannot read the directory: no such file');
    const notAFile = await loadScenarioFile(fixturePath('valid'));
    expect(!notAFile.ok && notAFile.problems[0]?.message).toContain('expected a regular file');
  });
});

describe("the repository's own scenarios/", () => {
  it('load without a single problem', async () => {
    const all = await loadScenarioDir(DEFAULT_SCENARIO_DIR);
    expect(all.problems.map(formatProblem)).toEqual([]);
    expect(all.scenarios.length).toBeGreaterThan(0);
  });
});
