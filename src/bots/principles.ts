import type { ListedAction, Observation, Step } from '../engine';
import { bestByLabel, type LabelRule } from './labels';
import { evidenceStrength, quadrantOf, readStakeholder, requestCounts, type MapQuadrant } from './reading';

/*
 * How the principled PO weighs a choice it has not seen before: a question in the flow of play or
 * an event's options. Each row is a Scrum or product-management principle, stated as the general
 * words that express it (positive weight) or betray its opposite (negative weight). Two kinds of
 * choice are read structurally instead: pivot-or-persevere calls (by the weight of the evidence in
 * the text) and stakeholder-grid calls (by where the person sits on the grid).
 */

export const PRINCIPLES: readonly LabelRule[] = [
  // Empiricism: decide from what people do, test before building.
  {
    phrases: ['evidence', 'analytics', 'usage data', 'data ', 'records', 'measure', 'observe', 'watch ', 'see how many', 'see who', 'repeat orders', 'count repeat'],
    weight: 2,
    why: 'What people actually do (usage, records, behaviour in a trial) is the strongest evidence.',
  },
  { phrases: ['experiment', 'trial', 'smallest', 'test ', 'tests ', 'testing', 'usability', 'for a week', 'for a month'], weight: 2, why: 'A small, cheap test checks the riskiest belief before Sprints are spent on it.' },
  { phrases: ['find out why', 'why they missed'], weight: 2, why: 'A misunderstanding is traced to its cause before the channel is changed.' },
  { phrases: ['interview', 'ask them', 'ask those', 'ask what', 'what they hope', 'what they would use', 'what they miss', 'what it is for', 'before ordering', 'find out', 'finding out', 'research'], weight: 1, why: 'Asking users what a request is for uncovers the need behind it.' },
  { phrases: ['survey'], weight: -1, why: 'A survey records what people say they would do; behaviour is stronger evidence.' },
  { phrases: ['what they think', 'why they think', 'whether they think', 'think it will work'], weight: -2, why: 'Opinions inside the organisation are not evidence about users.' },
  {
    phrases: ['build the full', 'build everything', 'full platform', 'build it all', 'then launch', 'before trying', 'before telling'],
    weight: -3,
    why: 'Building everything before learning whether it is wanted bets the product on a guess.',
  },
  // Transparency: risks, ranges and reasons in plain view.
  {
    phrases: ['risk', 'burn-up', 'burnup', 'range', 'confiden', 'assumption', 'honest', 'openly', 'explain', 'why.', ' why,', 'why they do not', 'walk him through', 'walk her through', 'walk them through', 'brief '],
    weight: 2,
    why: 'Transparency: stakeholders see what the Scrum Team sees, including the risks, the uncertainty and the reasons.',
  },
  {
    phrases: ['green', 'on track', 'only worry', 'quietly', 'keep expectations low', 'send nothing', 'tell him nothing', 'tell her nothing', 'tell them nothing', 'nothing unless', 'no contact', 'whatever the risk'],
    weight: -3,
    why: 'Hiding bad news, or choosing a status for its effect, buys calm now and costs trust later.',
  },
  // Value and the Product Goal decide, not rank or who pays.
  { phrases: ['product goal', 'value', 'outcome', 'adoption', 'satisfaction', 'used most', 'is used', 'needs'], weight: 1, why: 'Value for users and the Product Goal are the yardstick.' },
  {
    phrases: ['most senior', 'more influence', 'the boss', 'keep the peace', 'one of each', 'vote', 'committee', 'let the board decide', 'to please', 'group approval', 'approval', 'whatever the', 'prefers'],
    weight: -3,
    why: 'Seniority, votes and committees do not order the Product Backlog; one accountable PO does, listening to all.',
  },
  { phrases: ['accountable', 'one person', 'keep the ordering', 'decisions with you', 'ordering decisions with'], weight: 2, why: 'One Product Owner is accountable for the value and the order, and listens to everyone.' },
  { phrases: ['asked for it', 'bring it back', ' pays,', ' pays;', 'pays, so', 'whoever pays'], weight: -2, why: 'Who asked, or who pays, does not make a request valuable.' },
  // Collaboration with stakeholders and the Scrum Team.
  {
    phrases: ['together', 'invite', 'invitation', 'with both', 'talk it through', 'working session', 'try the increment', 'shape what comes next', 'sprint review', 'as a member', 'agree improvements', 'shared understanding', 'we all agree', 'agree, before', 'as advisers'],
    weight: 1,
    why: 'Scrum is a team sport: inspect the Increment and adapt the plan together with stakeholders.',
  },
  { phrases: ['status meeting', 'only a demo', 'more emails', 'status report'], weight: -2, why: 'Reporting at people replaces the conversation that produces feedback.' },
  { phrases: ['both', 'each by the value', 'weighed with', 'balance'], weight: 1, why: 'Buyers and users, or two stakeholders, are weighed against each other by value.' },
  { phrases: ['influence', 'interest'], weight: 1, why: 'Stakeholders differ in influence and interest, and engagement follows from both.' },
  // The Developers own the how and their forecast; the Sprint Goal is protected.
  { phrases: ['leave the how', 'leaving the how', 'the how to them', 'how to them', 'what it takes', 'whether the sprint goal'], weight: 2, why: 'The PO clarifies the what and negotiates scope; the Developers decide how and how much.' },
  {
    phrases: ['sign off', 'signs off', 'sign-off', 'approve', 'approving', 'mandatory', 'required part', 'hand out tasks', 'assign', 'yourself', 'tell them exactly', 'easiest to code', 'drop everything', 'make them', 'set a deadline', 'hard deadline', 'personally'],
    weight: -3,
    why: 'Command and control, gates, sign-offs and imposed deadlines undermine a self-managing team.',
  },
  { phrases: ['team agreement', 'agreement within', 'within the scrum team', 'scrum team agrees'], weight: 2, why: 'Working agreements such as a Definition of Ready belong to the Scrum Team; they are not gates.' },
  { phrases: ['requirements document', 'specification', 'up front for', 'upfront'], weight: -2, why: 'A big document up front replaces the conversation and cannot follow what the team learns.' },
  { phrases: ['the same as', 'another name for', 'just a ', 'is just', 'applied early', 'the vision is the', 'they are the definition', 'the unit tests'], weight: -2, why: 'Each Scrum artefact and commitment has its own purpose; conflating two of them is a misunderstanding.' },
  // Done is the quality bar.
  { phrases: ['meets our definition of done', 'meets the definition of done', 'meet the definition of done', 'meet our definition of done', 'not yet meet', 'not done', 'passes the checks', 'before it can be released', 'not part of the increment'], weight: 2, why: 'Only work that meets the Definition of Done is part of the Increment.' },
  { phrases: ['fix it later', 'fix accessibility later', 'out of the definition of done', 'works in a demo', 'worked in the demo', 'looks finished', 'did not like it'], weight: -3, why: 'Releasing undone work, or lowering the bar, hides debt.' },
  // A vision names whom the product is for and why this one; a persona is someone observed.
  { phrases: ['unlike', 'who it is for', 'for whom', 'helps decide', 'what to drop', 'which way is forward'], weight: 2, why: 'A vision says whom the product is for and why it, and helps decide what to do and what to drop.' },
  { phrases: ['back end', 'back-end', 'react native', 'database tables', 'node back'], weight: -2, why: 'Describing the technology says nothing about why anyone needs the product.' },
  { phrases: ['millennial', 'tech-savvy', 'average customer', 'average user', 'typical ', 'every engineer', 'every user', 'every customer'], weight: -2, why: 'Stereotypes, averages and "everyone" describe nobody and guide no decision.' },
  { phrases: ['hates', 'fear', 'loses', 'lost ', 'waiting', 'cannot', 'struggl', 'worr', 'afraid', ' drive', 'keep them away', 'turns out'], weight: 1, why: 'Insight names the pains and fears that drive behaviour.' },
  { phrases: ['nothing to change', 'nothing needs to change', 'get used to', 'stalling', 'impatient', 'they prefer', 'do not read', 'cannot read', 'did not read', 'blaming', 'remind them'], weight: -2, why: 'Blaming users, or declaring that nothing needs to change, leaves the cause in place.' },
  { phrases: ['which part', 'can follow later', 'what the team can', "team's velocity"], weight: 1, why: 'Release planning trades scope against date from what the team can really deliver.' },
  // Direction, not promises.
  { phrases: ['direction', 'long-term', 'long term', 'purpose', 'as we learn', 'learn next', 'now-next-later', 'now, next', 'next and later', 'goals and confidence', 'how confident'], weight: 1, why: 'A vision and a roadmap convey direction and learning, not fixed scope.' },
  { phrases: ['promise', 'dated feature', 'delivery date', 'exact week', 'goes live', 'every sprint of the year', 'date he would like', 'date she would like', 'date they would like', 'twelve months', 'given dates'], weight: -2, why: 'Dates and features promised up front cannot survive what the team learns.' },
  // Competitors and markets: lead where different, match where expected, notice shifts.
  { phrases: ['differ', 'lead on', 'lead where', 'positioning', 'swot', 'feature comparison', 'strengths', 'opportunities', 'shift', 'trend'], weight: 1, why: 'Market insight shows where to lead, where to match and what has changed.' },
  { phrases: ['match every', 'copy', 'beat them', 'as fast as possible', 'ignore', 'no need to know', "don't need to know", 'blip', 'carry on as planned', 'count the features'], weight: -2, why: 'Copying competitors, or ignoring the market, gives up the product\u2019s own difference.' },
  // Output is not value; debt and quality compete for the same capacity.
  { phrases: ['keep building features', 'number of features', 'as many features', 'more features', 'add more', 'velocity keeps', 'higher velocity means', 'stop all feature work'], weight: -2, why: 'Output and velocity are not value, and stopping all value for debt is no better.' },
  // Avoiding the decision.
  { phrases: ['think about it', 'next week', 'wait until', 'wait for', 'next quarter', 'refuse', 'skip ', 'were slow', 'moods', 'do both at full speed', 'stop working on'], weight: -2, why: 'Delaying, refusing or avoiding the decision leaves the problem where it is.' },
  // Absolutes are rarely true of products and people.
  { phrases: ['only the ', 'only for ', 'only this', 'only one', 'by postcode only', 'always', 'never', 'nothing', 'everything', 'one app fits', 'one group', 'pick one'], weight: -1, why: 'Absolutes ("only", "always", "one size") are rarely true of markets and people.' },
];

// ---------------------------------------------------------------------------------------------
// Structural readings.

const PIVOT = /\b(pivot|change the product goal|switch the product goal|a new product goal)\b/;
const PERSIST = /\b(persist|persevere|keep (the|our) (product )?goal|stay the course)\b/;

/**
 * For a pivot-or-persevere choice: the option that matches what the evidence in `text` supports.
 * When the evidence calls for a change and several options change course, the principles choose
 * among those (undefined here).
 */
export function pivotChoice<T extends { label: string }>(options: readonly T[], text: string): T | undefined {
  const pivots = options.filter((o) => PIVOT.test(o.label.toLowerCase()));
  const persists = options.filter((o) => PERSIST.test(o.label.toLowerCase()) && !pivots.includes(o));
  if (pivots.length === 0 || persists.length !== 1) return undefined;
  if (evidenceStrength(text) <= 0) return persists[0];
  return pivots.length === 1 ? pivots[0] : undefined;
}

/** How a label names a place on the influence/interest grid. */
const GRID: readonly { readonly quadrant: MapQuadrant; readonly pattern: RegExp }[] = [
  { quadrant: 'manageClosely', pattern: /\bmanage (him |her |them )?closely\b/ },
  { quadrant: 'keepSatisfied', pattern: /\bkeep (him |her |them )?satisfied\b/ },
  { quadrant: 'keepInformed', pattern: /\bkeep (him |her |them )?informed\b/ },
  { quadrant: 'monitor', pattern: /\bmonitor\b/ },
];

function gridOf(label: string): MapQuadrant | null {
  const t = label.toLowerCase();
  return GRID.find((g) => g.pattern.test(t))?.quadrant ?? null;
}

/** What the text says about someone's influence and interest, when it says it in so many words. */
export function gridFromText(text: string): { influence: number | null; interest: number | null } {
  const t = text.toLowerCase();
  const influence = /\b(high|great|a lot of|real) influence\b|\bcan (stop|block|veto|delay)\b/.test(t) ? 1 : /\b(low|little|no) influence\b/.test(t) ? 0 : null;
  const interest = /\b(high|keen|great|strong|close|deep) interest\b|\bfollows every\b|\bevery day\b|\bdaily\b/.test(t)
    ? 1
    : /\b(low|little|no|passing|only a passing) interest\b|\brarely (comes|attends|asks|takes)\b|\bonly cares about\b/.test(t)
      ? 0
      : null;
  return { influence, interest };
}

/** A stakeholder as the grid reading needs them: who they are and how many items they asked for. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly requests: number;
}

export function peopleOf(obs: Observation): Person[] {
  const requests = requestCounts(obs);
  return obs.stakeholders.map((s) => ({ id: s.id, name: s.name, role: s.role, requests: requests.get(s.id) ?? 0 }));
}

/**
 * For a stakeholder-grid choice: the option that names where the person sits, read from what the
 * text says of them, else from their role and requests as seen on the board.
 */
export function gridChoice<T extends { label: string }>(options: readonly T[], text: string, people: readonly Person[], whoId: string | null): T | undefined {
  const named = options.filter((o) => gridOf(o.label) !== null);
  if (named.length < 2) return undefined;
  const said = gridFromText(text);
  const who = people.find((s) => s.id === whoId) ?? people.find((s) => mentions(text, s.name));
  const read = who ? readStakeholder(who.role, who.requests) : null;
  const influence = said.influence ?? read?.influence ?? null;
  const interest = said.interest ?? read?.interest ?? null;
  if (influence === null || interest === null) return undefined;
  const quadrant = quadrantOf(influence, interest);
  return named.find((o) => gridOf(o.label) === quadrant);
}

/** Whether `text` names the person: any part of their name, as a whole word. */
function mentions(text: string, name: string): boolean {
  const words = new Set(text.toLowerCase().match(/[\p{L}'-]+/gu) ?? []);
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((part) => part.length > 2 && words.has(part));
}

/** The principled answer to an open question or event, or null when none is pending. */
export function principledPick(step: Step, specific: readonly LabelRule[], type: 'answerQuestion' | 'resolveEvent'): { id: string } | null {
  const options: ListedAction[] = step.actions.filter((a) => a.type === type);
  if (options.length === 0) return null;
  const obs = step.observation;
  const text = type === 'answerQuestion' ? (obs.pendingQuestion?.text ?? '') : (obs.pendingEvent ? `${obs.pendingEvent.title}. ${obs.pendingEvent.text}` : '');
  const whoId = type === 'resolveEvent' ? (obs.pendingEvent?.from ?? null) : null;
  const structural = pivotChoice(options, text) ?? gridChoice(options, text, peopleOf(obs), whoId);
  if (structural) return { id: structural.id };
  return { id: bestByLabel(options, [...specific, ...PRINCIPLES])!.id };
}
