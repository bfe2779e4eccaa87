import type { Scenario } from '../../engine';

/**
 * Lock-step pacing works on stages: the briefing, each Sprint's parts, the end of the scenario
 * (release what is Done and finish) and the debrief, for every scenario of the class in order.
 * The facilitator releases stages one at a time; a learner may act anywhere up to the released
 * stage and is refused an action that would carry them past it.
 */
export type StagePart = 'briefing' | 'planning' | 'execution' | 'review' | 'retrospective' | 'release' | 'debrief';

export interface Stage {
  index: number;
  run: number;
  scenarioId: string;
  part: StagePart;
  /** Sprint number for Sprint stages, else null. */
  sprint: number | null;
  label: string;
}

const SPRINT_PARTS = ['planning', 'execution', 'review', 'retrospective'] as const;
const PART_LABEL: Record<StagePart, string> = {
  briefing: 'Briefing',
  planning: 'Sprint Planning',
  execution: 'Sprint execution',
  review: 'Sprint Review',
  retrospective: 'Retrospective',
  release: 'Release and finish',
  debrief: 'Debrief',
};

/** Every stage of a class, in play order. */
export function stagesOf(scenarios: readonly Scenario[]): Stage[] {
  const out: Stage[] = [];
  scenarios.forEach((s, run) => {
    const prefix = scenarios.length > 1 ? `${s.title}: ` : '';
    const push = (part: StagePart, sprint: number | null) =>
      out.push({ index: out.length, run, scenarioId: s.id, part, sprint, label: `${prefix}${sprint === null ? '' : `Sprint ${sprint} · `}${PART_LABEL[part]}` });
    push('briefing', null);
    for (let n = 1; n <= s.sprints; n++) for (const part of SPRINT_PARTS) push(part, n);
    push('release', null);
    push('debrief', null);
  });
  return out;
}

/** The stage part of a lifecycle phase ("sprint.planning.negotiating" → planning). */
export function partOf(phase: string): StagePart {
  if (phase.startsWith('briefing')) return 'briefing';
  if (phase === 'release') return 'release';
  if (phase === 'debrief') return 'debrief';
  const part = phase.split('.')[1];
  if (part === 'planning' || part === 'execution' || part === 'review' || part === 'retrospective') return part;
  throw new Error(`no lock-step stage for phase "${phase}"`);
}

/** Index of the stage a run of a class is in. */
export function stageIndex(stages: readonly Stage[], run: number, phase: string, sprint: number): number {
  const part = partOf(phase);
  const isSprint = part !== 'briefing' && part !== 'release' && part !== 'debrief';
  const found = stages.find((s) => s.run === run && s.part === part && (!isSprint || s.sprint === sprint));
  if (!found) throw new Error(`no lock-step stage for run ${run}, phase "${phase}", Sprint ${sprint}`);
  return found.index;
}
