/**
 * What a strong Product Owner weighs at each kind of decision, in one or two sentences: the short
 * form the debrief's lessons show beside a costly decision. The long worked example per goal
 * (STRONG_PO_WEIGHS) stays in the full list. Checked against the 2020 Scrum Guide; practices that
 * are not in the Guide (MoSCoW, personas, INVEST, readiness checks) are named as practices.
 */
import { strongPoWeighs } from './debrief';

/** Decision kinds by the decision id the rules emit; the first match wins. */
const BY_KIND: readonly (readonly [RegExp, string])[] = [
  [/^productGoal$/, 'A Product Goal is one future state of the product that can be measured and that moves it toward its vision; an outcome for users, not a list of features or a slogan.'],
  [/^productGoal-s\d+$/, 'Each Sprint Goal should be a step toward the Product Goal: work that serves nobody in the vision spends a Sprint on something nobody set out to reach.'],
  [/^productGoal-final$/, 'The Product Goal is what every Sprint plans against: keep the Sprint Goals pointed at it and release the work that moves it, so progress can be seen.'],
  [/^split-/, 'Split large items into thin slices that each give users something (a workflow step, a rule, a kind of data), not into technical layers that deliver nothing alone.'],
  [/^invest-/, 'Answer each question the Developers raise about an item in refinement (rework it, split it or set it aside) before it enters a Sprint.'],
  [/^criteria-/, 'Give every item near the top acceptance criteria that can be tested, covering the edge cases, errors and quality needs, so the Developers do not guess mid-Sprint.'],
  [/^ready-s\d+$/, 'Take into a Sprint only items the Developers understand and have sized, with criteria and no open dependency; unclear work turns into stops and rework.'],
  [/^review-format-s\d+$/, 'Run the Sprint Review as a working session: stakeholders use the Increment, and what they say changes the Product Backlog the same day.'],
  [/^release-s\d+$/, 'Done work earns nothing until users have it: release it when it is valuable, so the Sprint Review can learn from real use.'],
  [/^release-plan$/, 'Plan a release from the velocity you have seen and the Sprints left: fix the date, let the scope follow the order, and promise only what the numbers support.'],
  [/^release-final$/, 'Work that is Done but never released gives users nothing; plan the last Sprints so the most valuable Done work reaches them.'],
  [/^release-moscow$/, 'Keep the Must-haves to what the release cannot go without and within what the team can deliver; label the rest Should, Could or Won\u2019t.'],
  [/^outcome-value$/, 'Value realised is the scoreboard: order by value for the effort, release early, and spend the team\u2019s time where it earns most.'],
  [/^outcome-metrics$/, 'Let what users actually do decide what comes next: build and improve the features they use most before the ones nobody touches.'],
  [/^usage-order-s\d+$/, 'Once the product is in use, let usage data move the Product Backlog: what users rely on goes up, what they ignore goes down.'],
  [/^reflect-/, 'Read the Sprint history honestly before choosing what to change: look at what the numbers say over several Sprints, not at the last one alone.'],
  [/^refinement-s\d+$/, 'Refine the items the next Sprint is most likely to take, with the Developers, so they arrive at Sprint Planning understood and sized.'],
  [/^order-s\d+$/, 'Order by value for the effort and by what waiting costs; put what others depend on first and bring risky items early enough to learn from them.'],
  [/^market-order-s\d+$/, 'Let competitor insight shape the order: match what customers expect, lead where the product is different, and do not copy feature for feature.'],
  [/^segments-s\d+$/, 'When buyers and users are different people, keep work for both near the top: either of them can end the product.'],
  [/^sprintGoal-s\d+$/, 'Propose why the Sprint matters and craft the Sprint Goal with the Developers; take their smaller version when they say a goal is too big.'],
  [/^forecast-s\d+$/, 'How much to take on is the Developers\u2019 call, read from their velocity; pushing them past it does not make them faster.'],
  [/^forecast-answer-s\d+$/, 'Answer "when?" with a range from the velocity seen so far, not a single hopeful date that the team will then miss.'],
  [/^forecast-calibration$/, 'A forecast is useful when it holds as often as it claims: give ranges that are honest about how much velocity varies.'],
  [/^undone-s\d+$/, 'Tell stakeholders plainly what is not Done: undone work is not part of the Increment, and hiding it costs trust later.'],
  [/^deadline-/, 'Move fixed-date work up while its date can still be met; cost of delay is highest just before a deadline.'],
  [/^cancel-s\d+$/, 'Cancel a Sprint only when its Sprint Goal has become obsolete; never to escape a hard Sprint.'],
  [/^retro-s\d+$/, 'Choose the improvement that addresses what actually went wrong in the Sprint, such as what failed the Definition of Done and why.'],
  [/^vision$/, 'A vision says whom the product serves, what it changes for them and why it matters; features and slogans make it longer, not clearer.'],
  [/^vision-/, 'Walk the backlog against the vision: work that serves nobody in it goes down or out, and whoever asked for it hears why.'],
  [/^persona(-segments)?$/, 'Build a persona from research: one specific person with goals, pains and context, not a stereotype or an average customer.'],
  [/^roadmap$/, 'Share a roadmap of goals and outcomes (now, next, later) rather than dated features; it is a forecast that changes as the team learns.'],
  [/^map-/, 'Place stakeholders by what they do, not only by their title: manage closely those with both influence and interest, and revisit the map when they change.'],
  [/^stakeholder-kinds$/, 'Stakeholders include sponsors, buyers, users, internal teams and regulators; each has its own interest and influence.'],
  [/^share-s\d+$/, 'Show progress as it is, with the forecast range and the known risks; "all on track" buys calm now and costs trust later.'],
  [/^pivot$/, 'Change the Product Goal only when evidence from many users says so; when the evidence is thin, persevere and say what would change your mind.'],
  [/^feedback-/, 'Pick the feedback method that answers the question: interviews for needs, usability tests for struggles, analytics only once something is released.'],
  [/^mvp-/, 'Before building on a belief, test it with the smallest Increment real users can try; a false belief found early saves Sprints.'],
  [/^empathy-/, 'Sort what people say, think, feel and do; the gaps between them are where the insight is.'],
  [/^request-/, 'A request is a proposed solution: find the need behind it before putting it in the Product Backlog.'],
  [/^market-/, 'Use a feature comparison, a SWOT or a positioning map to see each item in its market, then decide where to lead and where to match.'],
  [/^skipped-feedback$/, 'A run with no feedback from users orders the backlog on guesses; find out what users need before deciding for them.'],
  [/^skipped-empathy$/, 'Interview notes left unsorted teach nothing; sort them to see what users say, think, feel and do.'],
  [/^skipped-requests$/, 'Requests taken at face value fill the backlog with solutions; read each for the need it reflects.'],
  [/^skipped-market$/, 'A product built without a look at its market can copy what is there or miss what customers expect.'],
];

/** The first sentence of a longer text. */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1]! : text;
}

/** What a strong PO weighs at decision `decisionId` (on goal `goalId` when the kind has no text of its own). */
export function lessonWeighs(decisionId: string, goalId: string): string {
  for (const [pattern, text] of BY_KIND) if (pattern.test(decisionId)) return text;
  // Knowledge checks and events bear on many goals: the goal's own worked example, cut to its core.
  return firstSentence(strongPoWeighs(goalId));
}
