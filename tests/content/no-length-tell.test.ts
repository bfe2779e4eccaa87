import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import { formatProblem } from '../../src/scenario';
import { DEFAULT_SCENARIO_DIR, loadScenarioDir } from '../../src/scenario/fs';

/*
 * No length tell. A learner who always picks the longest option must not score well: the right
 * answer is sometimes the short, plain one, and the wrong ones are specific, tempting
 * misconceptions written as long as it is. Checked on every list of options with one best
 * choice that a scenario file writes: knowledge checks, event choices and the Product Goal
 * options. The reverse tell (always pick the shortest) is held to the same limits, so fixing one
 * does not plant the other. Where the learner picks several options (acceptance criteria, vision
 * fragments, persona snippets), the poor ones must not simply be the short ones.
 *
 * SPRINTWISE_TELL_DIR points the check at another directory of scenario files (for example the
 * files of an older commit, to see the check fail on them).
 */

const DIR = process.env.SPRINTWISE_TELL_DIR || DEFAULT_SCENARIO_DIR;

/** Most lists, over all shipped scenarios, whose best option is strictly the longest (or shortest). */
const OVERALL_LIMIT = 0.4;
/** The same, within one scenario. */
const SCENARIO_LIMIT = 0.6;

interface Option {
  readonly label: string;
  readonly best: boolean;
}
interface OptionList {
  readonly scenarioId: string;
  readonly id: string;
  readonly options: readonly Option[];
}

/** The one option strictly longer (or shorter) than every other, if there is one. */
function extreme(options: readonly Option[], pick: 'longest' | 'shortest'): Option | undefined {
  const lengths = options.map((o) => o.label.length);
  const target = pick === 'longest' ? Math.max(...lengths) : Math.min(...lengths);
  const at = options.filter((o) => o.label.length === target);
  return at.length === 1 ? at[0] : undefined;
}

/** Lists whose best option is strictly the longest (or shortest) label. */
function telling(lists: readonly OptionList[], pick: 'longest' | 'shortest'): OptionList[] {
  return lists.filter((l) => extreme(l.options, pick)?.best === true);
}

function questions(s: Scenario): OptionList[] {
  return (s.questions ?? []).map((q) => {
    const top = Math.max(...q.answers.map((a) => a.score));
    return { scenarioId: s.id, id: q.id, options: q.answers.map((a) => ({ label: a.label, best: a.score === top })) };
  });
}

/** Event cards with a choice to make; the best choice has the highest mean evidence score. */
function events(s: Scenario): OptionList[] {
  return s.events
    .filter((e) => e.choices.length > 1)
    .map((e) => {
      const mean = e.choices.map((c) => c.evidence.reduce((sum, x) => sum + x.score, 0) / Math.max(1, c.evidence.length));
      const top = Math.max(...mean);
      return { scenarioId: s.id, id: e.id, options: e.choices.map((c, i) => ({ label: c.label, best: mean[i] === top })) };
    });
}

/** The Product Goal options; the best is measurable and serves the vision. */
function productGoals(s: Scenario): OptionList[] {
  return [{ scenarioId: s.id, id: 'productGoals', options: s.productGoals.map((g) => ({ label: g.text, best: g.truth.measurable && g.truth.servesVision })) }];
}

/** What exceeds the limits, as readable lines (empty when the lists pass). */
function tellReport(lists: readonly OptionList[], perScenario: boolean): string[] {
  const out: string[] = [];
  for (const pick of ['longest', 'shortest'] as const) {
    const hits = telling(lists, pick);
    if (hits.length > OVERALL_LIMIT * lists.length)
      out.push(`best option is strictly the ${pick} in ${hits.length} of ${lists.length} lists (limit ${OVERALL_LIMIT * 100}%)`);
    if (!perScenario) continue;
    for (const scenarioId of new Set(lists.map((l) => l.scenarioId))) {
      const own = lists.filter((l) => l.scenarioId === scenarioId);
      const ownHits = hits.filter((l) => l.scenarioId === scenarioId);
      if (ownHits.length > SCENARIO_LIMIT * own.length)
        out.push(`${scenarioId}: best option is strictly the ${pick} in ${ownHits.length} of ${own.length} (limit ${SCENARIO_LIMIT * 100}%): ${ownHits.map((l) => l.id).join(', ')}`);
    }
  }
  return out;
}

/** Lists to pick several from: each option is good or poor. */
function criteria(s: Scenario): OptionList[] {
  return s.backlog
    .filter((i) => i.criteria?.length)
    .map((i) => ({ scenarioId: s.id, id: i.id, options: i.criteria!.map((c) => ({ label: c.text, best: !['vague', 'implementation'].includes(c.kind) })) }));
}
function visionFragments(s: Scenario): OptionList[] {
  const good = ['targetCustomer', 'need', 'differentiator'];
  return [{ scenarioId: s.id, id: 'visionFragments', options: (s.visionFragments ?? []).map((f) => ({ label: f.text, best: good.includes(f.kind) })) }];
}
function personaSnippets(s: Scenario): OptionList[] {
  return [{ scenarioId: s.id, id: 'personaSnippets', options: (s.personaSnippets ?? []).map((f) => ({ label: f.text, best: !['stereotype', 'assumption'].includes(f.kind) })) }];
}

/** Pick-several lists with good and poor options where every poor option is shorter than every good one. */
function splitByLength(lists: readonly OptionList[]): { lists: number; split: string[] } {
  const mixed = lists.filter((l) => l.options.some((o) => o.best) && l.options.some((o) => !o.best));
  const split = mixed.filter((l) => {
    const good = l.options.filter((o) => o.best).map((o) => o.label.length);
    const poor = l.options.filter((o) => !o.best).map((o) => o.label.length);
    return Math.max(...poor) < Math.min(...good);
  });
  return { lists: mixed.length, split: split.map((l) => `${l.scenarioId}/${l.id}`) };
}

let scenarios: Scenario[];
beforeAll(async () => {
  const all = await loadScenarioDir(DIR);
  if (all.problems.length) throw new Error(all.problems.map(formatProblem).join('\n'));
  scenarios = all.scenarios.map((s) => s.scenario);
});

describe('the length of an option does not give the answer away', () => {
  it('in the knowledge checks', () => {
    const lists = scenarios.flatMap(questions);
    expect(lists.length).toBeGreaterThan(0);
    expect(tellReport(lists, true)).toEqual([]);
  });

  it('in the event choices', () => {
    const lists = scenarios.flatMap(events);
    expect(lists.length).toBeGreaterThan(0);
    expect(tellReport(lists, true)).toEqual([]);
  });

  it('in the Product Goal options (one list a scenario, so judged over all scenarios)', () => {
    expect(tellReport(scenarios.flatMap(productGoals), false)).toEqual([]);
  });

  it.each([
    ['acceptance criteria', criteria],
    ['vision fragments', visionFragments],
    ['persona snippets', personaSnippets],
  ] as const)('in the %s to pick from: the poor ones are not simply the short ones', (_, of) => {
    const { lists, split } = splitByLength(scenarios.flatMap(of));
    expect(lists).toBeGreaterThan(0);
    expect(split.length, `every poor option is shorter than every good one in: ${split.join(', ')}`).toBeLessThanOrEqual(OVERALL_LIMIT * lists);
  });

  it('flags a set where the best option is always the longest, and passes a mixed one', () => {
    const list = (id: string, labels: string[], best: number): OptionList => ({ scenarioId: 's', id, options: labels.map((label, i) => ({ label, best: i === best })) });
    const tell = [
      list('a', ['It lists the features', 'It says whom the product is for and why, so every choice can be checked', 'It is the Sprint target'], 1),
      list('b', ['Looks finished', 'It meets the Definition of Done that every Increment must meet', 'The PO says so'], 1),
    ];
    expect(telling(tell, 'longest').map((l) => l.id)).toEqual(['a', 'b']);
    expect(tellReport(tell, true)).toEqual([
      'best option is strictly the longest in 2 of 2 lists (limit 40%)',
      's: best option is strictly the longest in 2 of 2 (limit 60%): a, b',
    ]);
    const mixed = [
      tell[0]!,
      list('c', ['Yes', 'No, and here is a long, tempting reason why not', 'Maybe, if a senior stakeholder agrees'], 0),
      list('d', ['The Product Owner', 'The Developers, since they do the work', 'A committee of managers'], 2),
      list('e', ['Tie one', 'Tie two', 'Short'], 0),
    ];
    expect(telling(mixed, 'longest').map((l) => l.id)).toEqual(['a']);
    expect(telling(mixed, 'shortest').map((l) => l.id)).toEqual(['c']);
    expect(tellReport(mixed, true)).toEqual([]);
  });
});
