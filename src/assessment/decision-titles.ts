/**
 * Readable names for the decision ids the rules emit ("split-order-ahead" → 'Splitting "Order
 * ahead"'). Ids name scenario content, so the scenario, when given, supplies the titles and
 * names; without it the title stays in general words and never shows an id.
 */
import type { Scenario } from '../engine/model/scenario';

/** Looks up what a scenario calls the things decision ids point at. */
interface Names {
  item(id: string): string | null;
  stakeholder(id: string): string | null;
  question(id: string): string | null;
  event(id: string): string | null;
  note(id: string): string | null;
}

const NO_NAMES: Names = { item: () => null, stakeholder: () => null, question: () => null, event: () => null, note: () => null };

/** What a long text is about, in a few words: its first sentence, cut at a word near `max` characters. */
export function gist(text: string, max = 70): string {
  const sentence = text.split(/(?<=[.?!])\s/)[0]!.trim();
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:]$/, '')}…`;
}

function namesOf(scenario: Scenario): Names {
  const items = new Map<string, string>();
  for (const i of scenario.backlog) {
    items.set(i.id, i.title);
    for (const o of i.splits ?? []) for (const c of o.children) items.set(c.id, c.title);
  }
  const find = <T extends { id: string }>(list: readonly T[] | undefined, id: string) => list?.find((x) => x.id === id);
  return {
    item: (id) => items.get(id) ?? null,
    stakeholder: (id) => find(scenario.stakeholders, id)?.name ?? null,
    question: (id) => {
      const q = find(scenario.questions, id);
      return q ? gist(q.text) : null;
    },
    event: (id) => find(scenario.events, id)?.title ?? null,
    note: (id) => {
      const n = find(scenario.empathyNotes, id);
      return n ? gist(n.text, 50) : null;
    },
  };
}

const NAMES = new WeakMap<Scenario, Names>();
function cachedNames(scenario: Scenario): Names {
  let n = NAMES.get(scenario);
  if (!n) NAMES.set(scenario, (n = namesOf(scenario)));
  return n;
}

const REFLECTION_TOPIC: Readonly<Record<string, string>> = {
  sprintGoals: 'Sprint Goals',
  refinement: 'refinement',
  metrics: 'what users used most',
  roadmap: 'the roadmap',
  stakeholders: 'stakeholders',
};
const FEEDBACK_METHOD: Readonly<Record<string, string>> = {
  interviews: 'user interviews',
  survey: 'a survey',
  usabilityTest: 'a usability test',
  analytics: 'usage analytics',
};
const MARKET_TECHNIQUE: Readonly<Record<string, string>> = {
  featureComparison: 'feature comparison',
  swot: 'SWOT analysis',
  positioning: 'positioning map',
};

const quoted = (name: string | null, otherwise: string) => (name ? `"${name}"` : otherwise);

type Title = (m: RegExpExecArray, n: Names) => string;

/** Decision id patterns and their titles; the first match wins. */
const TITLES: readonly (readonly [RegExp, Title])[] = [
  [/^productGoal$/, () => 'Choosing the Product Goal'],
  [/^productGoal-final$/, () => 'The end: progress toward the Product Goal'],
  [/^productGoal-s(\d+)$/, (m) => `Sprint ${m[1]}: keeping the Product Goal in view`],
  [/^question-(.+)$/, (m, n) => (n.question(m[1]!) ? `Knowledge check: ${n.question(m[1]!)}` : 'A knowledge check')],
  [/^split-(.+)$/, (m, n) => `Splitting ${quoted(n.item(m[1]!), 'a large item')}`],
  [/^invest-(.+)-(independent|negotiable|valuable|estimable|small|testable)$/, (m, n) => `Reworking ${quoted(n.item(m[1]!), 'an item')} to be ${m[2]}`],
  [/^criteria-(.+)$/, (m, n) => `Acceptance criteria of ${quoted(n.item(m[1]!), 'an item')}`],
  [/^ready-s(\d+)$/, (m) => `Sprint ${m[1]}: readiness of the items taken`],
  [/^readiness-agreement-s(\d+)$/, (m) => `Sprint ${m[1]}: agreeing a Definition of Ready`],
  [/^review-format-s(\d+)$/, (m) => `Sprint ${m[1]} Review: how it was run`],
  [/^release-s(\d+)$/, (m) => `Sprint ${m[1]}: releasing Done work`],
  [/^release-plan$/, () => 'Release plan'],
  [/^release-final$/, () => 'The end: Done work never released'],
  [/^release-moscow$/, () => 'MoSCoW for the release'],
  [/^outcome-value$/, () => 'Outcome: value realised'],
  [/^outcome-metrics$/, () => 'Outcome: were the most-used features delivered first?'],
  [/^reflect-(.+)-s(\d+)$/, (m) => `Sprint ${m[2]} Retrospective: reading the history of ${REFLECTION_TOPIC[m[1]!] ?? 'the Sprints'}`],
  [/^refinement-s(\d+)$/, (m) => `Sprint ${m[1]}: refinement before Sprint Planning`],
  [/^order-s(\d+)$/, (m) => `Sprint ${m[1]}: Product Backlog order at planning`],
  [/^usage-order-s(\d+)$/, (m) => `Sprint ${m[1]}: ordering by what users used`],
  [/^sprintGoal-s(\d+)$/, (m) => `Sprint ${m[1]}: Sprint Goal`],
  [/^forecast-s(\d+)$/, (m) => `Sprint ${m[1]}: how much work to take on`],
  [/^forecast-answer-s(\d+)$/, (m) => `Sprint ${m[1]} Review: answering "when?"`],
  [/^forecast-calibration$/, () => 'Forecasts over the run: did they hold as often as they claimed?'],
  [/^undone-s(\d+)$/, (m) => `Sprint ${m[1]} Review: telling stakeholders what is not Done`],
  [/^deadline-(.+)$/, (m, n) => `Fixed date of ${quoted(n.item(m[1]!), 'an item')}`],
  [/^cancel-s(\d+)$/, (m) => `Sprint ${m[1]}: cancelling the Sprint`],
  [/^retro-s(\d+)$/, (m) => `Sprint ${m[1]} Retrospective: improvement`],
  [/^vision$/, () => 'Shaping the product vision'],
  [/^vision-(.+)$/, (m, n) => `Setting ${quoted(n.item(m[1]!), 'an item')} aside as off-vision`],
  [/^persona$/, () => 'Building the persona'],
  [/^persona-segments$/, () => 'The persona: buyers and users'],
  [/^stakeholder-kinds$/, () => 'Telling the kinds of stakeholders apart'],
  [/^roadmap$/, () => 'Sharing the roadmap'],
  [/^map-(.+)$/, (m, n) => `Placing ${n.stakeholder(m[1]!) ?? 'a stakeholder'} on the stakeholder map`],
  [/^share-s(\d+)$/, (m) => `Sprint ${m[1]} Review: sharing progress`],
  [/^pivot$/, () => 'Pivot or persevere'],
  [/^feedback-(\w+)-s(\d+)$/, (m) => `Sprint ${m[2]}: gathering feedback through ${FEEDBACK_METHOD[m[1]!] ?? 'users'}`],
  [/^mvp-(.+)$/, (m, n) => `Testing the assumption behind ${quoted(n.item(m[1]!), 'an item')}`],
  [/^empathy-(.+)$/, (m, n) => `Empathy map: sorting ${quoted(n.note(m[1]!), 'an interview note')}`],
  [/^request-(.+)$/, (m, n) => `Reading the request ${quoted(n.item(m[1]!), 'for what it reflects')}`],
  [/^market-order-s(\d+)$/, (m) => `Sprint ${m[1]}: competitor insight in the order`],
  [/^market-(.+)$/, (m) => `Market analysis: ${MARKET_TECHNIQUE[m[1]!] ?? 'the competition'}`],
  [/^segments-s(\d+)$/, (m) => `Sprint ${m[1]}: buyers and users in the next work`],
  [/^skipped-feedback$/, () => 'The whole run: no feedback from users'],
  [/^skipped-empathy$/, () => 'The whole run: interview notes never sorted'],
  [/^skipped-requests$/, () => 'The whole run: no request read for what it reflects'],
  [/^skipped-market$/, () => 'The whole run: no look at the competition'],
  [/^event-(.+)$/, (m, n) => (n.event(m[1]!) ? `Event: ${n.event(m[1]!)}` : 'An event')],
];

/** A decision's title for people; `scenario` names the items, stakeholders and cards it is about. */
export function decisionTitle(decisionId: string, scenario?: Scenario): string {
  const names = scenario ? cachedNames(scenario) : NO_NAMES;
  for (const [pattern, title] of TITLES) {
    const m = pattern.exec(decisionId);
    if (m) return title(m, names);
  }
  const sprint = /-s(\d+)$/.exec(decisionId);
  return sprint ? `A decision in Sprint ${sprint[1]}` : 'A decision';
}
