import { describe, expect, it } from 'vitest';
import { isScenarioFileName, loadCollection, type SourceFile } from '../../src/scenario/collection';
import { loadScenarioDir } from '../../src/scenario/fs';
import { formatProblem } from '../../src/scenario/load';
import { fixtureText, fixturePath } from './helpers';

describe('a directory with cross-file faults', () => {
  it('reports each fault where it is and returns only what is fully valid', async () => {
    const dir = fixturePath('collection-broken');
    const all = await loadScenarioDir(dir);
    const lines = all.problems.map((p) => formatProblem({ ...p, file: p.file.slice(dir.length + 1) }));
    expect(lines).toEqual([
      'c-first-again.yaml:2:5 id: expected a scenario id not used by another file, found "first", already used in ' + `${dir}/b-first.yaml`,
      'a-campaign.yaml:5:20 scenarios[1]: expected a scenario id (one of "first", "orphan"), found "missing"',
      'd-orphan.yaml:4:11 campaign: expected a campaign id (one of "basics"), found "advanced"',
    ]);
    expect(all.scenarios.map((s) => s.scenario.id)).toEqual(['first']);
    expect(all.campaigns).toEqual([]);
  });
});

describe('loadCollection', () => {
  const files: SourceFile[] = [
    { fileName: 'scenarios/minimal.yaml', source: fixtureText('valid/minimal.yaml') },
    { fileName: 'scenarios/minimal.json', source: fixtureText('valid/minimal.json') },
    { fileName: 'scenarios/full.yaml', source: fixtureText('valid/full.yaml') },
    { fileName: 'scenarios/basics.campaign.yaml', source: fixtureText('valid/basics.campaign.yaml') },
  ];

  it('gives the same result whatever order the files come in (bundlers do not promise one)', () => {
    const forward = loadCollection(files);
    const backward = loadCollection([...files].reverse());
    expect(backward).toEqual(forward);
    expect(forward.problems).toEqual([]);
  });

  it('flags a campaign that lists a scenario of another campaign', () => {
    const other = { fileName: 'scenarios/other.yaml', source: 'kind: campaign\nid: other\ntitle: Other\ndescription: Another.\nscenarios: [full]\n' };
    const result = loadCollection([...files, other]);
    expect(result.problems.map(formatProblem)).toEqual(['scenarios/other.yaml:5:13 scenarios[0]: expected a scenario of this campaign, found "full", which belongs to campaign "basics"']);
    expect(result.campaigns.map((c) => c.campaign.id)).toEqual(['basics']);
  });

  it('flags a scenario whose campaign does not list it', () => {
    const campaign = { fileName: 'scenarios/basics.campaign.yaml', source: fixtureText('valid/basics.campaign.yaml').replace(', full]', ']') };
    const result = loadCollection([files[0]!, files[1]!, files[2]!, campaign]);
    expect(result.problems.map(formatProblem)).toEqual(['scenarios/full.yaml:7:11 campaign: expected a campaign that lists this scenario, found "basics", whose scenarios do not include "full"']);
  });
});

describe('isScenarioFileName', () => {
  it.each([
    ['scenarios/corner-cafe.yaml', true],
    ['a.yml', true],
    ['b.JSON', true],
    ['scenarios/schema.json', false],
    ['.hidden.yaml', false],
    ['notes.txt', false],
    ['yaml', false],
  ])('%s → %s', (name, expected) => {
    expect(isScenarioFileName(name)).toBe(expected);
  });
});
