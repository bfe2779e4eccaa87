/**
 * The debrief of one run: what the learner achieved, every judged decision with the goals it bears
 * on and what a strong Product Owner would have weighed, mastery per goal and domain, and the goals
 * to work on next. Pure: a report (and optionally the scenario's targets) in, plain JSON out.
 */
import type { Evidence } from '../engine/model/state';
import type { Report } from '../engine/report';
import type { Scenario } from '../engine/model/scenario';
import { decisionTitle } from './decision-titles';
import { goalById, goalIndex, type DomainNumber, type GoalLevel, type TopicNumber } from './catalogue';
import { SHOWN_THRESHOLD, assessEvidence, type MasteryStatus } from './mastery';
import { rollupDomains, type StatusCounts } from './rollup';
import { checkEvidence, type RejectionReason } from './tally';

export { decisionTitle } from './decision-titles';

/** Worked examples: what a strong PO weighs, for every goal in the catalogue (all of them can be judged by the rules, an event or a question). */
export const STRONG_PO_WEIGHS: Readonly<Record<string, string>> = {
  'D1.1.1':
    'The Product Owner alone is accountable for the value the product delivers and for the order of the Product Backlog. Everyone else influences that order by convincing the PO, not by rank, and the Developers own the Sprint Backlog, not the Product Backlog.',
  'D1.1.2':
    'The PO develops and communicates the Product Goal, creates and orders Product Backlog items and keeps the backlog transparent and understood. Assigning tasks or setting estimates belongs to the Developers.',
  'D1.1.3':
    'One person, not a committee, orders the Product Backlog. A strong PO invites department heads to refinement and the Sprint Review so they are heard, and keeps the decision and the accountability for it.',
  'D1.1.4':
    'When someone goes around the PO to the Developers, a strong PO first talks with them, explains how requests reach the Product Backlog and offers a real channel (refinement, the Sprint Review). Letting it go teaches everyone to bypass the PO; escalating first damages the relationship.',
  'D1.2.1':
    'Every decision is judged by the value it lets the product deliver to customers and the business, not by how much was built or how many people were pleased. Realised value is the scoreboard.',
  'D1.2.2':
    'Weigh what each item is worth against what it costs to wait: urgent or deadline-bound value goes before work that can wait, and the effort it takes decides how soon that value arrives (cost of delay divided by size).',
  'D1.2.3':
    'New features, technical debt and quality compete for the same capacity. Read what the Sprint showed: when work keeps falling short of the Definition of Done, strengthen it; when the debt is slowing the team and enough Sprints are left to win the time back, pay it down; when neither shows, keep delivering value.',
  'D1.3.1':
    'Each Scrum event serves the PO: Sprint Planning to propose why the Sprint matters and craft the Sprint Goal with the Developers, the Sprint Review to inspect the Increment with stakeholders and adapt the Product Backlog, the Retrospective to improve how value is delivered. Refinement is not an event: it goes on throughout the Sprint.',
  'D1.3.2':
    'In Sprint Planning the PO brings the why and the what and answers questions at once, and leaves how much to take on and how to build it to the Developers. Overruling their forecast or dictating the design takes away the ownership that makes them effective.',
  'D1.3.3':
    'Make the Sprint Review a working session where stakeholders use the Increment: what they say then is the best evidence of value, and it should change the Product Backlog the same day.',
  'D2.1.1':
    'A product vision describes the lasting purpose of the product: whom it serves, what it changes for them and why that matters. It lists no features and sets no Sprint\u2019s target; Product Goals and Sprint Goals are the nearer steps towards it, and every backlog decision can be checked against it.',
  'D2.1.2':
    'Shape the vision with the people who will use it, in a format that forces the essentials: an elevator pitch (for whom, which need, what it is, unlike what), a vision board (target group, needs, product, business goals) or a product box. Keep what names the customer, their need and the difference; feature lists and slogans make a vision longer, not clearer.',
  'D2.1.3':
    'Walk the Product Backlog against the vision and the Product Goal: for each item ask whose need it meets and whether that is someone the vision is for. Work that serves nobody in the vision goes to the bottom or out, and whoever asked for it hears why, openly, with the chance to make their case at the Sprint Review.',
  'D2.2.1':
    'The Product Goal is the Scrum Team\u2019s long-term objective: one future state of the product, made measurable so the team can tell it is getting closer, that moves the product towards its vision. "Half of weekday morning orders through the app within three months" can be checked Sprint by Sprint; "the best app in town" cannot, and "twelve features" measures output, not value.',
  'D2.2.2':
    'Choose a goal that names an outcome for users, with a number and a time frame, and that clearly serves the vision. Then every Sprint Goal and every ordering decision can be tested against it.',
  'D2.2.3':
    'Treat the Product Goal as a hypothesis and weigh the evidence, not the noise: data from many users, consistent across sources and over time, can justify changing it; a handful of remarks cannot. When the evidence says change, pivot promptly and explain why; when it is thin, persevere and say what evidence would change your mind. Low numbers among people who never tried the product point to reach, not to a wrong goal. The same holds inside a Sprint: when evidence makes the Sprint Goal obsolete, only the PO can cancel the Sprint; cancel then, and never to escape a hard Sprint.',
  'D2.3.1':
    'A product roadmap shows where the product is heading: the Product Goal, the outcomes planned next and how confident the team is about them. It is a forecast that changes as the Scrum Team learns, not a contract of features and dates; Sprints are still planned one at a time, at Sprint Planning.',
  'D2.3.2':
    'Share a roadmap of horizons (Now, Next, Later) or of goals and outcomes, without delivery dates for features. It gives stakeholders the direction they need and leaves room for what the team learns; a dated feature list turns a forecast into promises that empirical work will break.',
  'D2.3.3':
    'Judge a roadmap by what stakeholders take from it. If they are surprised that something is "late", they read it as a promise: show goals and confidence instead of dates, and go through it with them regularly. Blaming the readers, or giving up on roadmaps, leaves the misunderstanding where it is.',
  'D3.1.1':
    'Keep detail where it is needed: items for the next Sprint or two are small stories; later work can stay as epics until it comes near the top. An epic at the top cannot be taken into a Sprint.',
  'D3.1.2':
    'A good story names who needs it, what they need and why, and comes with conditions that say when it is done. Without them the Developers guess, and the guesses surface mid-Sprint.',
  'D3.1.3':
    'Check each story against INVEST (Independent, Negotiable, Valuable, Estimable, Small, Testable) with the Developers: their questions in refinement show which quality a story lacks. Answer each one (rework it, split it or set the item aside) before the story enters a Sprint.',
  'D3.1.4':
    'Split large items into thin vertical slices (by workflow step, business rule, data variation or interface) that each give users something. Splitting by technical layer gives pieces that deliver nothing alone.',
  'D3.2.1':
    'Use MoSCoW to agree a release\u2019s scope, WSJF when the cost of delay differs between items, and Kano to see which features delight and which are merely expected. No single framework fits every decision.',
  'D3.2.2':
    'Must-haves are what the release cannot go without (a legal deadline, the core of the Product Goal) and should leave room in what the team can deliver; label the rest Should or Could, and say Won\u2019t to the low-value work.',
  'D3.2.3':
    'Compare value per point of effort: a small item with solid value usually beats a big one with a little more. Ask where a stated value comes from before trusting it, and move fixed-date work up while its date can still be met.',
  'D3.2.4':
    'Value per point is a starting order, not the last word: what others depend on comes first, risky or uncertain items come early enough to learn from, and nothing near the top should wait on work below it.',
  'D3.3.1':
    'Refinement is ongoing work, not a phase: throughout the Sprint the PO and the Developers split items, add detail, size and order them, within the time the Developers agree to give it. The Scrum Guide sets no share, and none is right for every team: enough refinement shows in the next Sprint\u2019s items arriving understood and estimated; too little shows in mid-Sprint surprises and clarification stops; too much in delivery starved of capacity.',
  'D3.3.2':
    'Before the next Sprint Planning, make sure the items the Developers will most likely take are refined: understood, sized and small enough. Use the refinement time during the Sprint on the top of the Product Backlog; refining far-off items instead leaves the next Sprint unclear.',
  'D3.3.3':
    'Judge refinement by its effects: short Sprint Planning, estimates the Developers trust, and few mid-Sprint clarification stops. Many stops mean too little refinement; a starved delivery means too much.',
  'D4.1.1':
    'Customers can be grouped by who they are (demographics), by what they do (behaviour) and by what they need. Behavioural and needs-based segments usually say most about what to build; treating everyone as one group hides the groups whose needs differ.',
  'D4.1.2':
    'Build a persona from research: one specific person with goals, pains, habits and the context they act in, so the whole team pictures the same user. Leave out stereotypes (age bands, generations, "all young people") and untested guesses about what they would pay for; an average customer describes nobody.',
  'D4.1.3':
    'When the people who pay are not the people who use the product, both decide its fate: a buyer who never signs and users who give up both end the product. Keep work for each of them near the top of the Product Backlog, ordered by the value it brings to them.',
  'D4.2.1':
    'Each feedback method answers its own question: interviews reveal needs and the reasons behind requests; surveys reach many people but record what they say; usability tests show where people struggle; analytics show what real users do, once something has been released for them to use. Pick the method that fits the question and the time it costs.',
  'D4.2.2':
    'Before building something whose value rests on a belief ("members will pay for delivery"), find the smallest Increment that tests it with real users: one route, one café, one payment method, released to a few people and measured. It costs days instead of Sprints, and a false belief found early saves everything that would have been built on it. A paper trial can test the belief even sooner; the MVP is the least Done, usable work that still shows real behaviour.',
  'D4.2.3':
    'Sort what research found into what people say, think, feel and do: quotations are what they say, beliefs and doubts what they think, emotions what they feel, observed actions what they do. The gaps between the four are the insight, such as a user who says all is well but is anxious, or thinks the product is not meant for them.',
  'D4.2.4':
    'A feature request is a proposed solution; find the need behind it. Ask what the requester hopes it will give them and look for evidence of use. "The competitor has it" and "we always did it this way" are reasons to dig, not to build: a genuine need holds up when users describe the problem in their own words.',
  'D4.3.1':
    'A feature comparison shows where the product matches or lags its competitors; a SWOT sets its strengths and weaknesses against the opportunities and threats in the market; a positioning map shows where it stands apart on what customers care about. Together they put each backlog item in its market context.',
  'D4.3.2':
    'Use competitor insight to choose where to lead, where to match and where to differ: match what customers simply expect, lead where the product is different, and do not copy competitors feature for feature. The top of the backlog should build on the product\u2019s difference, or close a gap that is costing customers.',
  'D4.3.3':
    'Watch for shifts in the market (how and where people work, what competitors offer, prices, regulation) and ask what each does to the Product Goal and the order of the backlog. A trend that changes customers\u2019 behaviour calls for new priorities or a new goal, decided openly and early.',
  'D5.1.1':
    'Stakeholders include sponsors and investors, customers who buy, users, internal teams, partners and regulators. Each has their own interest in the product and their own influence over it; knowing both tells the Product Owner whom to involve, how often and how.',
  'D5.1.2':
    'Place each stakeholder on an influence/interest grid from what they do, not only from their title: manage closely those with high influence and high interest, keep satisfied those with high influence and little interest, keep informed those with much interest and little influence, and monitor the rest. Revisit the map when their behaviour changes.',
  'D5.1.3':
    'When a stakeholder pushes a request, weigh it against the Product Goal and everything else in the Product Backlog, not by who asked or how loudly. Protect the running Sprint Goal and tell the stakeholder honestly when the item could come.',
  'D5.2.1':
    'Set expectations honestly: share what the velocity history says, including how much it varies, so stakeholders can plan around a realistic range instead of a hopeful date that the team then misses.',
  'D5.2.2':
    'Show progress as it is: a burn-up towards the Product Goal, the forecast range, what comes next and the risks known today, in a form anyone can read at a glance. Telling stakeholders that everything is on track buys calm now and costs trust when the risks arrive.',
  'D5.2.3':
    'Run the Sprint Review as a working session: stakeholders try the Increment, the Scrum Team and stakeholders discuss what to do next, and the Product Backlog changes. A demo informs; a status report replaces the conversation.',
  'D5.2.4':
    'When a stakeholder is surprised or loses trust, trace it to its cause before acting: a Review that showed good news the next Sprint contradicted, a channel that never reached them, or engagement that did not fit their influence and interest. Then fix that channel or cadence, rather than sending more of the same.',
  'D6.1.1':
    'Release planning decides which part of the Product Backlog ships by a date. Read it from what you can see: the velocity of Done work so far, the Sprints left and the size of what is still in the Product Backlog. Fix the date and let the scope follow the order, so the most valuable Done work ships by then and the rest can wait. Promising every item by the date makes a promise the velocity may break; promising the whole scope with no date gives stakeholders nothing to plan by.',
  'D6.1.2':
    'Forecast from evidence: resample the velocity of past Sprints and give a range with confidence (for example 50% and 95%), then update it every Sprint as the history grows. A single date from the best Sprint hides the spread.',
  'D6.1.3':
    'A forecast rests on assumptions (a stable team, the order as it is today, dependencies on time). Say them out loud with the range, so stakeholders know when to expect the forecast to change.',
  'D6.2.1':
    'The Definition of Done is the quality every Increment must have to be releasable. Looking finished in a demo, or the PO\u2019s say-so, is not Done.',
  'D6.2.2':
    'Recognise work that is not Done: when it falls short of the Definition of Done it is not part of the Increment, however finished it looks. Do not release it, do not count it toward velocity or the Sprint Goal, and do not present it as progress. Tell stakeholders plainly what is not Done and why, and order it again in the Product Backlog against everything else. Work that meets the Definition of Done needs nobody\u2019s approval: it is part of the Increment the moment it is Done.',
  'D6.2.3':
    'Strengthening the Definition of Done costs some speed for a Sprint and then makes quality and delivery more predictable. It pays off when the evidence shows quality problems, such as work that keeps falling short of the Definition of Done; when the Sprint shows none, the slower Sprint buys less.',
  'D6.3.1':
    'Value shows in product metrics (adoption, satisfaction, revenue and how much each feature is used), not in velocity or the number of features shipped.',
  'D6.3.2':
    'Report what users do with each release (adoption, satisfaction, how much each item is used) and let it reorder the Product Backlog: move up the work that builds on what users use most, and question the work behind features nobody uses. Only released work brings these figures back, so release Done work when it makes sense; an order that never changes with usage is not guided by value.',
  'D6.3.3':
    'Compare what was delivered first with what users actually use most. If the most-used features came late, the ordering was not tracking value and should change.',
  'D7.1.1':
    'A Definition of Ready is an optional working agreement about when an item is clear enough to take into a Sprint. It helps the team; it is not a gate and not part of the Scrum Guide.',
  'D7.1.2':
    'Before an item enters a Sprint, check it is understood, sized, has acceptance criteria and no open dependency. Items that fail these checks cause rework and clarification stops.',
  'D7.1.3':
    'A light readiness agreement keeps items clear without starving the Sprint; a strict gate holds back work that was clear enough to start; no agreement lets unclear items in and causes mid-Sprint renegotiation.',
  'D7.2.1':
    'In Sprint Planning the PO brings why the Sprint matters: one objective toward the Product Goal, resting on the items with the most value now. The Developers answer from their forecast, the dependencies they know and how well they understand the items, and the Scrum Team crafts the Sprint Goal from both. A goal they helped shape is one they can commit to; a goal imposed on them is not theirs.',
  'D7.2.2':
    'Balance urgency with capacity by negotiating: when the Developers say a goal is too big, take their smaller version and keep what matters most in it; when they name a dependency, put it first; when they ask what an item means, clarify it before the Sprint starts. Overruling their forecast does not make them faster, and new requests stay out of a running Sprint unless they fit without endangering the Sprint Goal.',
  'D7.2.3':
    'Read the Sprint history honestly: goals missed half the time are too ambitious; goals always met with room to spare are too cautious. Adjust what the Sprint Goal reaches for accordingly.',
  'D7.3.1':
    'Acceptance criteria are the conditions a specific item must satisfy to be complete, on top of the Definition of Done that applies to every item. They give the PO and the Developers one shared understanding; they are neither a task list nor optional extras.',
  'D7.3.2':
    'Write each criterion as Given a situation, When an action happens, Then an observable result. Vague wishes (\u201cquick and easy\u201d) cannot be tested, and criteria that prescribe the solution take the how away from the Developers.',
  'D7.3.3':
    'Cover more than the happy path: the edge cases, the error handling and the quality conditions (speed, security, readability). What the criteria leave unsaid surfaces mid-Sprint as rework.',
};

/** What a strong PO would weigh for `goalId`: the worked example, or one built from the goal's title. */
export function strongPoWeighs(goalId: string): string {
  const written = STRONG_PO_WEIGHS[goalId];
  if (written) return written;
  const goal = goalById(goalId);
  const title = goal ? goal.title : goalId;
  return `A strong Product Owner would test this decision against "${title}": what the 2020 Scrum Guide expects of the PO here, what the choice costs the Developers and the stakeholders now, and what it does for the value the product delivers later.`;
}

/** Outcome figures of the run, as the learner sees them at the end. */
export interface DebriefOutcomes {
  readonly valuePercent: number;
  readonly valueRealised: number;
  readonly valueAvailable: number;
  readonly sprintGoalsMet: number;
  readonly sprintsPlayed: number;
  /** 0..1, or null when no forecast was judged. */
  readonly forecastAccuracy: number | null;
  readonly forecastsJudged: number;
  readonly forecastsHit: number;
  readonly stakeholderTrust: number;
  readonly teamHealth: number;
  readonly techDebt: number;
  readonly released: boolean | null;
}

/** One goal a decision bears on. */
export interface DecisionGoal {
  readonly goalId: string;
  readonly title: string;
  readonly domain: DomainNumber;
  readonly topic: TopicNumber;
  readonly level: GoalLevel;
  readonly score: number;
  readonly weight: number;
  /** What happened, in the engine's words. */
  readonly rationale: string;
  readonly strongPoWeighs: string;
}

/** One judged decision (all evidence sharing a decisionId). */
export interface DebriefDecision {
  readonly decisionId: string;
  /** A readable name for the decision ("Sprint 2: Sprint Goal"). */
  readonly title: string;
  readonly sprint: number | null;
  /** Weighted mean of the decision's evidence scores, 0..1. */
  readonly score: number;
  /** What happened: the distinct rationales, in the order they were recorded. */
  readonly happened: readonly string[];
  /** Never empty: a decision is listed only through evidence on a catalogue goal. */
  readonly goals: readonly DecisionGoal[];
}

/** Mastery of one goal in this run. */
export interface DebriefGoal {
  readonly goalId: string;
  readonly title: string;
  readonly domain: DomainNumber;
  readonly topic: TopicNumber;
  readonly level: GoalLevel;
  readonly status: MasteryStatus;
  /** Posterior mean and 90% credible interval, null when not seen. */
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly evidenceCount: number;
  readonly targeted: boolean;
}

export interface DebriefDomain {
  readonly domainId: string;
  readonly title: string;
  readonly status: MasteryStatus;
  readonly mean: number | null;
  readonly counts: StatusCounts;
  readonly evidenceCount: number;
}

/** A goal to work on: missed or partly shown after a decision below the "shown" bar, with that moment and the worked example. */
export interface WorkOnGoal {
  readonly goalId: string;
  readonly title: string;
  readonly status: 'missed' | 'partly';
  readonly mean: number;
  /** The lowest-scoring decision on this goal and what happened there. */
  readonly weakestDecisionId: string;
  readonly weakestRationale: string;
  readonly strongPoWeighs: string;
}

export interface Debrief {
  readonly scenarioId: string;
  readonly seed: string;
  readonly finished: boolean;
  readonly outcomes: DebriefOutcomes;
  readonly decisions: readonly DebriefDecision[];
  /** Every catalogue goal the run judged or the scenario targets, in catalogue order. */
  readonly goals: readonly DebriefGoal[];
  readonly domains: readonly DebriefDomain[];
  /** Missed and partly shown goals with at least one unsound decision, weakest first. */
  readonly workOn: readonly WorkOnGoal[];
  /**
   * Missed or partly shown goals on which every decision was sound: the posterior is held back by
   * thin evidence (one perfect decision gives a mean of 2/3), not by a mistake. Weakest first.
   */
  readonly toConfirm: readonly { readonly goalId: string; readonly title: string; readonly mean: number; readonly evidenceCount: number }[];
  /** Targeted goals this run never judged: "not yet seen", never a zero. */
  readonly notYetSeen: readonly { readonly goalId: string; readonly title: string }[];
  /** Evidence the assessment could not use (an engine or scenario bug, kept visible). */
  readonly rejected: readonly { readonly decisionId: string; readonly goalId: string; readonly reason: RejectionReason }[];
}

function decisionSprint(decisionId: string): number | null {
  const m = /-s(\d+)$/.exec(decisionId);
  return m ? Number(m[1]) : null;
}

/** The weighted mean score of judged decisions (the plain mean when every weight is zero). */
export function weightedMean(records: readonly Evidence[]): number {
  let w = 0;
  let ws = 0;
  for (const e of records) {
    w += e.weight;
    ws += e.weight * e.score;
  }
  return w > 0 ? ws / w : records.reduce((a, e) => a + e.score, 0) / Math.max(1, records.length);
}

function decisions(evidence: readonly Evidence[], scenario: Scenario | undefined): DebriefDecision[] {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) {
    if (checkEvidence(e) !== null) continue;
    const group = groups.get(e.decisionId);
    if (group) group.push(e);
    else groups.set(e.decisionId, [e]);
  }
  return [...groups].map(([decisionId, records]) => ({
    decisionId,
    title: decisionTitle(decisionId, scenario),
    sprint: decisionSprint(decisionId),
    score: weightedMean(records),
    happened: [...new Set(records.map((e) => e.rationale))],
    goals: records.map((e) => {
      const goal = goalById(e.goalId)!;
      return {
        goalId: goal.id,
        title: goal.title,
        domain: goal.domain,
        topic: goal.topic,
        level: goal.level,
        score: e.score,
        weight: e.weight,
        rationale: e.rationale,
        strongPoWeighs: strongPoWeighs(goal.id),
      };
    }),
  }));
}

/**
 * Builds the debrief of a run. `scenarioTargets` (the scenario's `targets`) marks targeted goals
 * and lists the targeted goals the run never judged as not yet seen. `scenario` names the items,
 * stakeholders and cards decisions are about; without it, titles stay in general words.
 */
export function buildDebrief(report: Report, scenarioTargets: readonly string[] = [], scenario?: Scenario): Debrief {
  const targets = new Set(scenarioTargets);
  const mastery = assessEvidence(report.evidence);
  const valid = report.evidence.filter((e) => checkEvidence(e) === null);
  const judged = decisions(valid, scenario);

  const goals: DebriefGoal[] = [];
  for (const m of mastery.goals) {
    if (m.status === 'notSeen' && !targets.has(m.goalId)) continue;
    const g = goalById(m.goalId)!;
    goals.push({
      goalId: g.id,
      title: g.title,
      domain: g.domain,
      topic: g.topic,
      level: g.level,
      status: m.status,
      mean: m.estimate?.mean ?? null,
      lower: m.estimate?.lower ?? null,
      upper: m.estimate?.upper ?? null,
      evidenceCount: m.evidenceCount,
      targeted: targets.has(g.id),
    });
  }

  const workOn: WorkOnGoal[] = [];
  const toConfirm: { goalId: string; title: string; mean: number; evidenceCount: number }[] = [];
  for (const m of mastery.goals) {
    if ((m.status !== 'missed' && m.status !== 'partly') || m.estimate === null) continue;
    let weakest: Evidence | null = null;
    for (const e of valid) if (e.goalId === m.goalId && e.weight > 0 && (weakest === null || e.score < weakest.score)) weakest = e;
    if (weakest === null || weakest.score >= SHOWN_THRESHOLD) {
      toConfirm.push({ goalId: m.goalId, title: goalById(m.goalId)!.title, mean: m.estimate.mean, evidenceCount: m.evidenceCount });
      continue;
    }
    workOn.push({
      goalId: m.goalId,
      title: goalById(m.goalId)!.title,
      status: m.status,
      mean: m.estimate.mean,
      weakestDecisionId: weakest?.decisionId ?? '',
      weakestRationale: weakest?.rationale ?? '',
      strongPoWeighs: strongPoWeighs(m.goalId),
    });
  }
  const weakestFirst = (a: { mean: number; goalId: string }, b: { mean: number; goalId: string }) => a.mean - b.mean || goalIndex(a.goalId) - goalIndex(b.goalId);
  workOn.sort(weakestFirst);
  toConfirm.sort(weakestFirst);

  const o = report.outcomes;
  return {
    scenarioId: report.scenarioId,
    seed: report.seed,
    finished: report.done,
    outcomes: {
      valuePercent: o.valuePercent,
      valueRealised: o.valueRealised,
      valueAvailable: o.valueAvailable,
      sprintGoalsMet: o.sprintGoalsMet,
      sprintsPlayed: o.sprintsPlayed,
      forecastAccuracy: o.forecastAccuracy,
      forecastsJudged: o.forecastsJudged,
      forecastsHit: o.forecastsHit,
      stakeholderTrust: o.stakeholderTrust,
      teamHealth: o.teamHealth,
      techDebt: o.techDebt,
      released: o.released,
    },
    decisions: judged,
    goals,
    domains: rollupDomains(mastery.goals).map((d) => ({
      domainId: d.domainId,
      title: d.title,
      status: d.status,
      mean: d.mean,
      counts: d.counts,
      evidenceCount: d.evidenceCount,
    })),
    workOn,
    toConfirm,
    notYetSeen: mastery.goals.filter((m) => m.status === 'notSeen' && targets.has(m.goalId)).map((m) => ({ goalId: m.goalId, title: goalById(m.goalId)!.title })),
    rejected: mastery.rejected.map((r) => ({ decisionId: r.evidence.decisionId, goalId: r.evidence.goalId, reason: r.reason })),
  };
}
