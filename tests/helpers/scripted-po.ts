import type { Action, Observation, Step, VisibleItem } from '../../src/engine';
import type { Policy } from '../../src/bots';

/**
 * A test-only Product Owner whose every habit is a parameter, so a consequence test can vary
 * one decision and hold the rest. Like the bots, it sees only observations.
 */
export interface PoHabits {
  ordering: 'valuePerEffort' | 'loudest' | 'asGiven';
  refinementShare: 0 | 5 | 10 | 20 | 30;
  improvement: 'strengthenDoD' | 'payDownDebt' | 'keepAsIs';
  forecast: 'date' | 'range' | 'rangeWithAssumptions' | 'none';
  releaseEachSprint: boolean;
  progress: 'transparent' | 'optimistic' | 'none';
  testAssumptions: boolean;
  pivot: 'pivot' | 'persist';
  /** Test instrument only: where to map each stakeholder (bots never see this). */
  stakeholderMap: Record<string, string> | null;
}

export const GOOD_HABITS: PoHabits = {
  ordering: 'valuePerEffort',
  refinementShare: 10,
  improvement: 'keepAsIs',
  forecast: 'range',
  releaseEachSprint: true,
  progress: 'none',
  testAssumptions: false,
  pivot: 'persist',
  stakeholderMap: null,
};

const DELAY: Record<string, number> = { urgent: 2, fixedDate: 2, intangible: 0.8, standard: 1 };

export function orderBy(habit: PoHabits['ordering'], obs: Observation): string[] {
  const items = obs.backlog;
  const id = (a: VisibleItem, b: VisibleItem) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (habit === 'asGiven') return items.map((i) => i.id);
  if (habit === 'loudest') {
    // The loudest request first: whatever someone claims is worth most, whatever it costs.
    return [...items].sort((a, b) => (b.requestedBy ? 1 : 0) - (a.requestedBy ? 1 : 0) || b.statedValue - a.statedValue || id(a, b)).map((i) => i.id);
  }
  const score = (i: VisibleItem) => (i.statedValue * (DELAY[i.costOfDelay ?? 'standard'] ?? 1)) / Math.max(1, i.estimate);
  // Dependencies first: an item never goes above what it waits on.
  const sorted = [...items].filter((i) => i.type !== 'epic').sort((a, b) => score(b) - score(a) || id(a, b));
  const epics = items.filter((i) => i.type === 'epic');
  const out: string[] = [];
  const place = (i: VisibleItem, seen: Set<string>) => {
    if (out.includes(i.id) || seen.has(i.id)) return;
    seen.add(i.id);
    for (const d of i.dependsOn ?? []) {
      const dep = items.find((x) => x.id === d);
      if (dep) place(dep, seen);
    }
    out.push(i.id);
  };
  for (const i of sorted) place(i, new Set());
  for (const e of epics) out.push(e.id);
  return out;
}

/** The largest listed Sprint Goal proposal that fits the Developers' forecast (one item at least). */
function proposal(step: Step): string {
  const obs = step.observation;
  const points = (ids: readonly string[]) => ids.reduce((a, id) => a + (obs.backlog.find((i) => i.id === id)?.estimate ?? 0), 0);
  const options = step.actions.flatMap((a) => (a.action.type === 'proposeSprintGoal' ? [{ id: a.id, ids: a.action.itemIds }] : [])).sort((a, b) => a.ids.length - b.ids.length);
  const fitting = options.filter((o) => o.ids.length <= 1 || points(o.ids) <= obs.team.developersForecast);
  return (fitting[fitting.length - 1] ?? options[0]!).id;
}

export function scriptedPo(habits: PoHabits): Policy {
  const pick = (step: Step, id: string): { id: string } | null => (step.actions.some((a) => a.id === id) ? { id } : null);
  const first = (step: Step, type: string) => step.actions.find((a) => a.type === type);
  return {
    name: 'scripted',
    description: 'test-only PO with parameterised habits',
    choose(step: Step): { id: string } | Action {
      const obs = step.observation;
      const of = (type: string) => first(step, type);
      if (of('answerQuestion')) return { id: of('answerQuestion')!.id };
      if (of('resolveEvent')) return { id: of('resolveEvent')!.id };
      const mapping = habits.stakeholderMap;
      if (mapping && step.phase.startsWith('briefing')) {
        const next = obs.stakeholders.find((s) => mapping[s.id] && s.mappedAs !== mapping[s.id]);
        if (next) return { type: 'mapStakeholder', stakeholderId: next.id, quadrant: mapping[next.id] as 'monitor' };
      }
      switch (step.phase) {
        case 'briefing.choosingGoal':
          return { id: step.actions.find((a) => a.id === 'chooseProductGoal:morning-orders')?.id ?? of('chooseProductGoal')!.id };
        case 'briefing.ready':
        case 'sprint.planning.proposing': {
          // Refinement is ongoing: before the first Sprint and at each Sprint Planning.
          if (obs.refinement.share !== habits.refinementShare) return { id: `setRefinementShare:${habits.refinementShare}` };
          const ready = pick(step, 'setReadiness:light');
          if (obs.refinement.readiness !== 'light' && ready) return ready;
          const order = orderBy(habits.ordering, obs);
          if (order.join() !== obs.backlog.map((i) => i.id).join()) return { type: 'orderBacklog', itemIds: order };
          if (habits.testAssumptions) {
            const test = of('testAssumption');
            if (test) return { id: test.id };
          }
          const refine = step.actions.find((a) => a.type === 'refineItem' && obs.backlog.slice(0, 4).some((i) => a.id === `refineItem:${i.id}`));
          if (refine) return { id: refine.id };
          if (step.phase === 'briefing.ready') return { id: 'startSprints' };
          return { id: proposal(step) };
        }
        case 'sprint.planning.negotiating':
          return pick(step, 'commitSprint:agreed') ?? { id: 'commitSprint:insist' };
        case 'sprint.execution.working':
          return { id: 'nextDay' };
        case 'sprint.review': {
          if (of('setReviewFormat')) return { id: 'setReviewFormat:workingSession' };
          if (of('decidePivot')) return { id: `decidePivot:${habits.pivot}` };
          if (habits.progress !== 'none' && of('shareProgress')) return { id: `shareProgress:${habits.progress}` };
          if (habits.forecast !== 'none' && of('answerForecast')) return { id: `answerForecast:${habits.forecast}` };
          if (habits.releaseEachSprint && of('releaseIncrement')) return { id: 'releaseIncrement' };
          // After a release the Review asks what users did with it before it closes.
          if (of('reflect')) return { id: of('reflect')!.id };
          return { id: of('endReview')!.id };
        }
        case 'sprint.retrospective':
          if (of('reflect')) return { id: of('reflect')!.id };
          if (!step.actions.some((a) => a.id === `chooseImprovement:${habits.improvement}`)) return { id: of('chooseImprovement')!.id };
          return { id: `chooseImprovement:${habits.improvement}` };
        case 'release':
          return pick(step, 'releaseIncrement') ?? { id: 'finishScenario' };
        default:
          return { id: step.actions[0]!.id };
      }
    },
  };
}
