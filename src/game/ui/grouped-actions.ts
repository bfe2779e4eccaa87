import type { ListedAction, Observation, Step } from '../../engine';
import { el } from '../dom/el';
import { actionButton, costNote, paramOf, type Dispatch } from './actions';
import { titleOf } from './items';
import { viewLinkGroup } from './view-links';
import { VIEW_OF_TYPE, viewSummary, type ViewKey } from '../view/views';

/** What a view link says in place of the decisions it holds. */
const VIEW_HINTS: Record<ViewKey, string> = {
  Backlog: 'Refinement is ongoing: order the items, refine them with the Developers, split them and add acceptance criteria on the board.',
  StakeholderMap: 'Place each stakeholder by influence and interest, as their behaviour shows it.',
  Customers: 'Build the persona from research and sort interview notes into the empathy map.',
  Market: 'See where the product stands against its competitors, and run an analysis.',
};

/**
 * Headings for action types the screens do not lay out by hand. A type missing here still gets
 * a heading made from its name: new engine actions are playable the day they appear.
 */
const TYPE_TITLES: Record<string, { title: string; hint?: string }> = {
  chooseVisionTechnique: { title: 'How will you shape the vision?', hint: 'Pick the technique you use with the stakeholders.' },
  addVisionFragment: { title: 'What goes into the vision?', hint: 'Add the fragments that say why the product exists and for whom.' },
  chooseRoadmap: { title: 'Roadmap format', hint: 'How you will show stakeholders where the product is going.' },
  addPersonaTrait: { title: 'Build the persona', hint: 'Add what you know about the people the product serves.' },
  mapStakeholder: { title: 'Stakeholder map', hint: 'Place each stakeholder by influence and interest, as their behaviour shows it.' },
  flagOffVision: { title: 'Work that does not serve the vision' },
  gatherFeedback: { title: 'Learn from customers and users', hint: 'Each method costs some of your time this Sprint.' },
  testAssumption: { title: 'Test an assumption before building' },
  sortEmpathyNote: { title: 'Empathy map', hint: 'Sort what you heard: what do they say, think, do, feel?' },
  classifyRequest: { title: 'What is behind each request?' },
  analyseMarket: { title: 'Look at the market' },
  shareProgress: { title: 'How do you share progress?' },
  decidePivot: { title: 'Pivot or persist?' },
  planRelease: { title: 'Release planning', hint: 'Which part of the Product Backlog ships by which date.' },
  releaseIncrement: { title: 'Release Done work' },
  finishScenario: { title: 'Finish' },
  cancelSprint: { title: 'Cancel the Sprint?', hint: 'Only the Product Owner can cancel a Sprint, and only when its Sprint Goal becomes obsolete.' },
};

/** Parameters that name what an action is about; options for one subject form one row. */
const SUBJECT_PARAMS = ['itemId', 'stakeholderId', 'noteId'] as const;

export function humanize(value: string): string {
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function subjectName(o: Observation, param: string, id: string): string {
  if (param === 'itemId') return titleOf(o, id);
  if (param === 'stakeholderId') {
    const s = o.stakeholders.find((x) => x.id === id);
    return s ? `${s.name} (${s.role})` : id;
  }
  if (param === 'noteId') return `“${o.empathyNotes?.find((n) => n.id === id)?.text ?? id}”`;
  return id;
}

function subjectOf(actions: readonly ListedAction[]): (typeof SUBJECT_PARAMS)[number] | null {
  for (const p of SUBJECT_PARAMS) if (actions.every((a) => typeof paramOf(a, p) === 'string')) return p;
  return null;
}

/** The parameter that tells a subject's options apart (the quadrant, the kind...). */
function optionParam(action: ListedAction, subject: string): string | null {
  const keys = Object.keys(action.params).filter((k) => k !== subject);
  return keys.length === 1 && typeof paramOf(action, keys[0]!) === 'string' ? keys[0]! : null;
}

function group(type: string, actions: ListedAction[], o: Observation, dispatch: Dispatch): HTMLElement {
  const info = TYPE_TITLES[type] ?? { title: humanize(type) };
  const id = `group-${type}`;
  const subject = subjectOf(actions);
  let body: HTMLElement;
  if (subject && actions.every((a) => optionParam(a, subject))) {
    const subjects = [...new Set(actions.map((a) => String(paramOf(a, subject))))];
    body = el(
      'div',
      { class: 'option-rows' },
      ...subjects.map((s) => {
        const mine = actions.filter((a) => paramOf(a, subject) === s);
        const costs = [...new Set(mine.map((a) => a.cost ?? ''))];
        const rowId = `${id}-${s}`;
        return el(
          'div',
          { class: 'option-row', role: 'group', 'aria-labelledby': rowId },
          el('p', { class: 'option-row__subject', id: rowId }, subjectName(o, subject, s)),
          el(
            'div',
            { class: 'chips' },
            ...mine.map((a) => actionButton(a, dispatch, { variant: 'quiet', text: humanize(String(paramOf(a, optionParam(a, subject)!))), hideCost: true })),
          ),
          costs.length === 1 && costs[0] ? el('p', { class: 'block__hint' }, costNote(costs[0])) : null,
        );
      }),
    );
  } else {
    body = el('div', { class: 'choice-list' }, ...actions.map((a) => actionButton(a, dispatch, { variant: 'choice' })));
  }
  return el(
    'section',
    { class: 'action-group', 'aria-labelledby': id },
    el('h3', { class: 'action-group__title', id }, info.title),
    info.hint ? el('p', { class: 'block__hint' }, info.hint) : null,
    body,
  );
}

/**
 * Every listed action a screen does not lay out itself, grouped by type under a heading, with
 * the options for one item, stakeholder or note on one row. Types with a view of their own are
 * one link to that view, except on the view `here`. Returns null when there are none.
 */
export function groupedActions(
  step: Step,
  handled: ReadonlySet<string>,
  dispatch: Dispatch,
  options: { heading?: string; filter?: (a: ListedAction) => boolean; id?: string; here?: ViewKey } = {},
): HTMLElement | null {
  // An action that needs the learner's words is laid out by its screen with a field: a button would send the starter unfinished.
  const rest = step.actions.filter((a) => !handled.has(a.type) && a.type !== 'answerQuestion' && !(a.input && !a.input.optional) && (options.filter?.(a) ?? true));
  if (rest.length === 0) return null;
  const byType = new Map<string, ListedAction[]>();
  for (const a of rest) {
    const list = byType.get(a.type);
    if (list) list.push(a);
    else byType.set(a.type, [a]);
  }
  const headingId = options.id ?? 'more-actions-title';
  // Decisions with a view of their own are taken there: one link per view, where the first was.
  const linked = new Set<ViewKey>();
  const groups = [...byType].flatMap(([type, actions]) => {
    const view = VIEW_OF_TYPE[type];
    if (!view || view === options.here) return [group(type, actions, step.observation, dispatch)];
    if (linked.has(view)) return [];
    linked.add(view);
    return [viewLinkGroup(viewSummary(step, view), VIEW_HINTS[view])];
  });
  return el(
    'section',
    { class: 'block other-actions', 'aria-labelledby': headingId },
    el('h2', { class: 'block__title', id: headingId }, options.heading ?? 'More to decide'),
    ...groups,
  );
}
