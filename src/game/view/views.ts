import type { Scenario, Step } from '../../engine';
import { SceneKey } from '../scenes/keys';

/** The views a run opens beside its phase screens. */
export type ViewKey = typeof SceneKey.Backlog | typeof SceneKey.StakeholderMap | typeof SceneKey.Customers | typeof SceneKey.Market;

export const VIEW_KEYS: readonly ViewKey[] = [SceneKey.Backlog, SceneKey.StakeholderMap, SceneKey.Customers, SceneKey.Market];

/**
 * Work on the Product Backlog, laid out by its board. Refinement is ongoing (before Sprint 1, in
 * Sprint Planning and during the Sprint's days), so the board is a view, not a step of the Sprint.
 */
export const BACKLOG_TYPES: readonly string[] = [
  'setRefinementShare',
  'refineItem',
  'setReadiness',
  'splitItem',
  'fixFlaw',
  'addCriterion',
  'tagMoscow',
  'flagOffVision',
  'moveItem',
  'orderBacklog',
  'testAssumption',
  'classifyRequest',
  'writeStory',
  'writeCriteria',
];

/** Writing a story or criteria is open for the top items whenever refinement is: not a decision waiting. */
const ALWAYS_OPEN = new Set(['writeStory', 'writeCriteria']);

/** Listed action types that a view lays out itself: phase screens link to the view instead. */
export const VIEW_OF_TYPE: Readonly<Record<string, ViewKey>> = {
  ...Object.fromEntries(BACKLOG_TYPES.map((t) => [t, SceneKey.Backlog])),
  mapStakeholder: SceneKey.StakeholderMap,
  addPersonaTrait: SceneKey.Customers,
  sortEmpathyNote: SceneKey.Customers,
  gatherFeedback: SceneKey.Customers,
  analyseMarket: SceneKey.Market,
};

export interface ViewSummary {
  key: ViewKey;
  title: string;
  /** What the view shows now, in a short line (counts in words). */
  status: string;
  /** Decisions the engine lists for this view right now; 0 means read-only. */
  open: number;
  /** What can be done there now, in words, when a count of decisions would mislead. */
  openText?: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How many listed actions of `types` there are, counted once per subject (a stakeholder, a note). */
function openDecisions(step: Step, types: readonly string[]): number {
  const subjects = new Set<string>();
  for (const a of step.actions) {
    if (!types.includes(a.type)) continue;
    const p = a.params as Record<string, unknown>;
    // Each research method and market technique is a decision of its own.
    subjects.add(`${a.type}:${String(p.stakeholderId ?? p.noteId ?? p.snippetId ?? p.technique ?? p.method ?? '')}`);
  }
  return subjects.size;
}

/** Each view's title and state, read from the observation and the listed actions only. */
export function viewSummaries(step: Step): ViewSummary[] {
  const o = step.observation;
  const mapped = o.stakeholders.filter((s) => s.mappedAs !== null).length;
  const sorted = o.empathyNotes.filter((n) => n.sortedAs !== null).length;
  const items = [...o.backlog, ...o.sprintBacklog, ...o.increment];
  const placed = new Set(items.filter((i) => i.market !== null).map((i) => i.id)).size;

  const customerParts = [
    o.segments.length ? plural(o.segments.length, 'segment') : null,
    o.personaSnippets.length ? `${plural(o.persona.length, 'persona trait')}` : null,
    o.empathyNotes.length ? `${sorted} of ${plural(o.empathyNotes.length, 'note')} sorted` : null,
  ].filter((x): x is string => x !== null);

  return [
    backlogSummary(step),
    {
      key: SceneKey.StakeholderMap,
      title: 'Stakeholder map',
      status: `${mapped} of ${plural(o.stakeholders.length, 'stakeholder')} on your map`,
      open: openDecisions(step, ['mapStakeholder', 'shareProgress', 'chooseRoadmap']),
    },
    {
      key: SceneKey.Customers,
      title: 'Customers and users',
      status: customerParts.length ? customerParts.join(' · ') : o.insights.length ? `${plural(o.insights.length, 'finding')} so far` : 'No segments, persona or empathy map in this scenario',
      open: openDecisions(step, ['addPersonaTrait', 'sortEmpathyNote', 'gatherFeedback']),
    },
    {
      key: SceneKey.Market,
      title: 'Market and competitors',
      status: placed ? `${plural(placed, 'item')} placed against the competition` : 'Nothing known about the competition yet',
      open: openDecisions(step, ['analyseMarket']),
    },
  ];
}

/** The Product Backlog board: how ready the backlog is, and what can be done to it now. */
function backlogSummary(step: Step): ViewSummary {
  const o = step.observation;
  const refined = o.backlog.filter((i) => i.refined).length;
  const work = new Set<string>();
  let reorder = false;
  let other = 0;
  for (const a of step.actions) {
    if (!BACKLOG_TYPES.includes(a.type) || ALWAYS_OPEN.has(a.type)) continue;
    if (a.type === 'moveItem' || a.type === 'orderBacklog') {
      reorder = true;
      continue;
    }
    const item = (a.params as Record<string, unknown>).itemId;
    if (typeof item === 'string') work.add(item);
    else other++;
  }
  const open = work.size + (reorder ? 1 : 0) + (other ? 1 : 0);
  const openText =
    work.size > 0
      ? `${plural(work.size, 'item')} to refine or rework now`
      : reorder
        ? 'You can order it now'
        : other
          ? 'Refinement settings open now'
          : undefined;
  return {
    key: SceneKey.Backlog,
    title: 'Product Backlog',
    status: `${plural(o.backlog.length, 'item')}, ${refined} refined`,
    open,
    ...(openText ? { openText } : {}),
  };
}

/**
 * The views a run offers. A product with no competitors to compare (the café) has no market
 * view: it would be a table of unknowns that no analysis can ever fill. Whether there are
 * competitors is the scenario's setting, not hidden truth; what they offer stays unknown.
 */
export function shownViews(step: Step, scenario?: Scenario): ViewSummary[] {
  const items = [...step.observation.backlog, ...step.observation.sprintBacklog, ...step.observation.increment];
  const market =
    (scenario?.backlog.some((i) => i.market) ?? true) || items.some((i) => i.market !== null) || step.actions.some((a) => a.type === 'analyseMarket');
  return viewSummaries(step).filter((v) => v.key !== SceneKey.Market || market);
}

export function viewSummary(step: Step, key: ViewKey): ViewSummary {
  return viewSummaries(step).find((v) => v.key === key)!;
}
