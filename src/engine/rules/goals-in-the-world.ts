import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState, Item, Readiness, ReviewFormat, RoadmapFormat } from '../model/state';
import type { RuleContext } from './context';
import { forgetJudgement, judge, quotedTitles, titleOf } from './context';
import { criteriaCoverage, scenarioItem, setAside } from './story';
import { percentOf100 } from '../model/words';

/*
 * Goals that used to be tested only by questions, judged where the player acts on them. Each
 * judgement rides on a decision the world already answers (the roadmap's promises fall due, the
 * Developers pass over items a gate holds back, a skipped Review changes nothing in the backlog),
 * reads only what the player could see, and speaks about its own goal.
 */

const quote = (texts: readonly string[]) => texts.map((t) => `"${t}"`).join(', ');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------------
// Briefing: vision, persona, stakeholder map, roadmap.

/** D2.3.1: a dated feature list treats the roadmap as fixed scope and dates; horizons or goals convey direction. */
export function judgeRoadmapMeaning(draft: Draft<GameState>, format: RoadmapFormat, scenario: Scenario): void {
  const promises = draft.roadmap.promises.map((p) => `"${titleOf(draft, scenario, p.itemId)}" by Sprint ${p.sprint}`);
  const dated = format === 'datedFeatures';
  judge(draft, {
    goalId: 'D2.3.1',
    score: dated ? 0.2 : 1,
    decisionId: 'roadmap',
    rationale: dated
      ? `Your roadmap promised ${promises.join(', ')}, before a single Sprint had shown what the team delivers: a roadmap conveys direction (the Product Goal and the outcomes planned next), a forecast that changes as the team learns, not a contract of features and dates.`
      : `Your roadmap shows ${format === 'nowNextLater' ? 'what comes now, next and later' : 'the outcomes planned per horizon'}, with none of the ${draft.backlogOrder.length} Product Backlog items tied to a date: it conveys where the product is heading and leaves each Sprint to be planned at its own Sprint Planning.`,
  });
}

/** D2.1.1: a vision states whom the product serves and why; features and slogans are not a vision. */
function judgeVisionPurpose(draft: Draft<GameState>, base: GameState, scenario: Scenario): void {
  const chosen = base.vision.fragments.map((id) => scenario.visionFragments!.find((f) => f.id === id)).filter((f) => f !== undefined);
  const purpose = chosen.filter((f) => f.kind === 'targetCustomer' || f.kind === 'need' || f.kind === 'differentiator');
  const features = chosen.filter((f) => f.kind === 'feature').map((f) => f.text);
  const slogans = chosen.filter((f) => f.kind === 'vague').map((f) => f.text);
  const score = purpose.length === 0 ? 0.1 : features.length + slogans.length > 0 ? 0.5 : 1;
  const flaws = [
    features.length ? `${quote(features)} ${features.length === 1 ? 'is a feature' : 'are features'}, which belong in the Product Backlog` : '',
    slogans.length ? `${quote(slogans)} ${slogans.length === 1 ? 'is a slogan' : 'are slogans'} that point nowhere` : '',
  ].filter(Boolean);
  judge(draft, {
    goalId: 'D2.1.1',
    score,
    decisionId: 'vision',
    rationale:
      purpose.length === 0
        ? `Your vision said nothing about whom the product serves or why${chosen.length ? ` (it held ${quote(chosen.map((f) => f.text))})` : ` (it held none of the ${scenario.visionFragments?.length ?? 0} fragments on offer)`}: a vision states the product's lasting purpose, the direction every Product Goal steps toward.`
        : flaws.length
          ? `Your vision names a purpose (${quote(purpose.map((f) => f.text))}), but ${flaws.join(', and ')}: a vision states the lasting purpose and direction, not what to build next.`
          : `Your vision says whom the product serves, what it changes for them and why (${quote(purpose.map((f) => f.text))}), and lists no features: a lasting direction that Product Goals and Sprints step toward.`,
  });
}

/** D4.1.1: an age-band stereotype in the persona groups customers by who they are, where behaviour and needs say what to build. */
function judgeSegmentation(draft: Draft<GameState>, base: GameState, scenario: Scenario): void {
  const chosen = base.persona.map((id) => scenario.personaSnippets!.find((p) => p.id === id)).filter((p) => p !== undefined);
  if (chosen.length === 0) return;
  const stereotypes = chosen.filter((p) => p.kind === 'stereotype').map((p) => p.text);
  const observed = chosen.filter((p) => p.kind === 'behaviour' || p.kind === 'goal' || p.kind === 'painPoint' || p.kind === 'context').map((p) => p.text);
  const groups = (scenario.segments ?? []).map((s) => s.name);
  const research = groups.length ? ` The research groups customers by what they do and need: ${quote(groups)}.` : '';
  judge(draft, {
    goalId: 'D4.1.1',
    score: stereotypes.length ? 0.2 : observed.length ? 1 : 0.5,
    decisionId: 'persona-segments',
    rationale: stereotypes.length
      ? `Your persona leans on ${quote(stereotypes)}: a demographic generalisation that treats a whole age group as one, though people in it need different things.${research}`
      : observed.length
        ? `Your persona rests on what people do and need (${quote(observed)}), not on an age band: behaviour and needs separate the groups worth building for.${research}`
        : `Your persona holds only guesses, nothing of what people were seen to do or need: behaviour and needs, not guesses, separate the groups worth building for.${research}`,
  });
}

const PLACE: Record<string, string> = { manageClosely: 'manage closely', keepSatisfied: 'keep satisfied', keepInformed: 'keep informed', monitor: 'monitor' };

/** D5.1.1: stakeholders differ in interest and influence; a PO who places none, or puts all alike, has not seen how. */
function judgeStakeholderKinds(draft: Draft<GameState>, base: GameState, scenario: Scenario): void {
  const all = scenario.stakeholders;
  if (all.length < 2) return;
  const placed = all.filter((s) => base.stakeholderMap[s.id]);
  const places = new Set(placed.map((s) => base.stakeholderMap[s.id]!));
  const who = (list: typeof all) => list.map((s) => `${s.name} (${s.role})`).join(', ');
  const alike = placed.length >= 3 && places.size === 1;
  const score = alike ? 0.3 : Math.round((100 * placed.length) / all.length) / 100;
  const missing = all.filter((s) => !base.stakeholderMap[s.id]);
  judge(draft, {
    goalId: 'D5.1.1',
    score,
    decisionId: 'stakeholder-kinds',
    rationale:
      placed.length === 0
        ? `Nobody was placed on the stakeholder map before the first Sprint: ${who(all)} each have their own interest in the product and their own influence over it, and nothing said whom to involve, how often or how.`
        : alike
          ? `You placed everyone, ${who(placed)}, as "${PLACE[[...places][0]!]}": people in such different roles want different things from the product and sway it differently, so one kind of engagement cannot fit them all.`
          : missing.length
            ? `You placed ${placed.length} of ${all.length} stakeholders; ${who(missing)} had no planned engagement, though their interest and influence matter as much as anyone's.`
            : `Every stakeholder, from ${who(all.slice(0, 1))} to ${who(all.slice(-1))}, got a place of their own by interest and influence: the map says whom to involve, how often and how.`,
  });
}

/** Judged as the first Sprint starts: what the PO prepared in the briefing. */
export function judgeBriefingGoals(draft: Draft<GameState>, ctx: RuleContext): void {
  if (ctx.scenario.visionFragments?.length) judgeVisionPurpose(draft, ctx.base, ctx.scenario);
  if (ctx.scenario.personaSnippets?.length) judgeSegmentation(draft, ctx.base, ctx.scenario);
  judgeStakeholderKinds(draft, ctx.base, ctx.scenario);
}

// ---------------------------------------------------------------------------------------------
// Refinement: the Definition of Ready.

/** D7.1.1: a Definition of Ready is an optional working agreement, not a gate. */
export function judgeReadinessAgreement(draft: Draft<GameState>, level: Readiness): void {
  // The last Sprint that ended: what the Developers' clarification stops showed so far.
  const last = [...(draft.sprints as GameState['sprints'])].reverse().find((x) => x.goalMet !== null);
  const seen = last ? ` (in Sprint ${last.number} the Developers stopped ${plural(last.clarifications, 'time')} to ask what an item meant)` : ' (before Sprint 1, with no clarification stops seen yet)';
  const rationale: Record<Readiness, string> = {
    strict: `You made the Definition of Ready a gate: only refined items with acceptance criteria and no open dependency may enter a Sprint, so work the Developers understand well enough to start waits${seen}. It is an optional working agreement that helps the team, not a gate, and not part of the Scrum Guide.`,
    light: `You agreed a light Definition of Ready with the Developers: a working agreement about when an item is clear enough to start${seen}, which helps the team without becoming a gate. It is optional, and not part of the Scrum Guide.`,
    none: `The Scrum Guide asks for no Definition of Ready, so going without one is allowed; but the Developers now have no shared agreement on when an item is clear enough to start${seen}, which is what such an agreement is for.`,
  };
  // Changed again within the same Sprint: the agreement the team works with is the last one.
  const decisionId = `readiness-agreement-s${draft.sprint}`;
  forgetJudgement(draft, decisionId);
  judge(draft, {
    goalId: 'D7.1.1',
    score: level === 'light' ? 1 : level === 'none' ? 0.7 : 0.3,
    decisionId,
    rationale: rationale[level],
  });
}

// ---------------------------------------------------------------------------------------------
// Sprint Planning: the PO's duties, acceptance criteria, choosing how to order.

/** D1.1.2: the PO makes items clear and orders them; how much the Developers take on is theirs. */
function judgePoDuties(draft: Draft<GameState>, base: GameState, scope: 'agreed' | 'insist'): void {
  const n = base.sprints[base.sprints.length - 1]!.negotiation!;
  const unclear = n.answer === 'unclear' ? n.proposed.find((id) => !base.items[id]!.refined) : undefined;
  const insisted = scope === 'insist';
  judge(draft, {
    goalId: 'D1.1.2',
    score: insisted ? 0.2 : unclear ? 0.3 : 1,
    decisionId: `sprintGoal-s${base.sprint}`,
    rationale: insisted
      ? `The Developers said: "${n.message}" You pushed more work on them anyway. The PO's duties are the Product Goal, clear Product Backlog items and their order; how much work fits a Sprint is the Developers' call.`
      : unclear
        ? `The Developers asked what "${base.items[unclear]!.title}" needs, and the Sprint started without an answer: making Product Backlog items clear and understood is one of the PO's own duties.`
        : `The Developers said: "${n.message}" You settled the goal with their answer: clear items in a considered order are the PO's duties, how much fits the Sprint is the Developers' call.`,
  });
}

/** D7.3.1: acceptance criteria are the conditions this item must meet to be complete, not a task list. */
function judgeItemConditions(draft: Draft<GameState>, base: GameState, scenario: Scenario, selected: readonly string[]): void {
  for (const id of selected) {
    const source = scenarioItem(scenario, id);
    if (!source?.criteria?.length) continue;
    const item = base.items[id]!;
    const chosen = item.criteria.map((c) => source.criteria!.find((x) => x.id === c)).filter((c) => c !== undefined);
    const tasks = chosen.filter((c) => c.kind === 'implementation').map((c) => c.text);
    const conditions = chosen.filter((c) => c.kind !== 'implementation' && c.kind !== 'vague').map((c) => c.text);
    const covered = criteriaCoverage(item, source).covered;
    const score = covered === 0 ? (tasks.length ? 0.2 : 0) : tasks.length ? 0.5 : 1;
    judge(draft, {
      goalId: 'D7.3.1',
      score,
      decisionId: `criteria-${id}`,
      rationale:
        covered === 0 && chosen.length === 0
          ? `"${item.title}" entered the Sprint with no acceptance criteria: nothing beyond the Definition of Done said what this item must do to be complete, so the Developers had to ask or guess.`
          : tasks.length
            ? `"${item.title}" carried ${quote(tasks)}, which tells the Developers how to build it rather than what the item must do to be complete: acceptance criteria are conditions shared with the Developers, not a task list.`
            : covered === 0
              ? `"${item.title}" carried only ${quote(chosen.map((c) => c.text))}, which no one can check: its acceptance criteria named no condition the item must meet to be complete.`
              : `"${item.title}" entered the Sprint with conditions of its own (${quote(conditions.slice(0, 2))}${conditions.length > 2 ? ' and more' : ''}): on top of the Definition of Done, the PO and the Developers shared one understanding of when it is complete.`,
    });
  }
}

/** How pressing an item's visible cost of delay is now: urgent, or a fixed date due this Sprint or the next. */
function pressing(item: Item, sprint: number): string | null {
  if (item.deadlineMissed) return null;
  if (item.visibleCostOfDelay === 'urgent') return `"${item.title}" was marked urgent`;
  if (item.visibleCostOfDelay === 'fixedDate' && item.truth.deadlineSprint !== undefined && item.truth.deadlineSprint - sprint <= 1)
    return `"${item.title}" must be Done by Sprint ${item.truth.deadlineSprint}`;
  return null;
}

/**
 * D3.2.1: knowing when each technique fits. When the visible cost of delay differs between items
 * (an urgent one, a date about to pass), weighing it, as WSJF does, fits better than value per
 * point alone; the order shows whether the PO used it. An item counts as ordered for when it, or
 * a prerequisite the Developers named, is among the first three.
 */
function judgeTechniqueFit(draft: Draft<GameState>, base: GameState): void {
  const open = base.backlogOrder.filter((id) => base.items[id]!.type !== 'epic' && !setAside(base.items[id]!));
  const urgentIds = open.filter((id) => pressing(base.items[id]!, base.sprint));
  if (urgentIds.length === 0 || urgentIds.length === open.length) return;
  const top = base.backlogOrder.slice(0, 3);
  const orderedFor = (id: string) => {
    const item = base.items[id]!;
    const before = item.dependenciesKnown ? (item.truth.dependsOn ?? []).filter((d) => base.items[d] && base.items[d]!.status !== 'done') : [];
    return top.includes(id) || before.some((d) => top.includes(d));
  };
  // The top holds three: that many pressing items (or their prerequisites) should be in it.
  const needed = Math.min(3, urgentIds.length);
  const served = urgentIds.filter(orderedFor);
  const got = Math.min(needed, served.length);
  const late = urgentIds.filter((id) => !orderedFor(id));
  const ahead = top.filter((id) => !urgentIds.includes(id) && !urgentIds.some((u) => base.items[u]!.dependenciesKnown && base.items[u]!.truth.dependsOn?.includes(id)));
  const reasons = (ids: readonly string[]) => ids.map((id) => pressing(base.items[id]!, base.sprint)).join('; ');
  judge(draft, {
    goalId: 'D3.2.1',
    score: got === needed ? 1 : got === 0 ? 0.2 : Math.round((100 * got) / needed) / 100,
    decisionId: `order-s${base.sprint}`,
    rationale:
      got < needed
        ? `${reasons(late)}, yet ${late.length === 1 ? 'it' : 'they'} waited behind ${quotedTitles(base, ahead)}: when the cost of delay differs between items, weighing it (as WSJF does) fits better than value per point alone, and MoSCoW settles a release's scope, not the next Sprint's order.`
        : `${reasons(served.slice(0, needed))}: the cost of delay differed between items, and you weighed it, as WSJF does, rather than ordering by value per point alone.`,
  });
}

/** Judged as the Sprint Goal is settled and the Developers take their items. */
export function judgePlanningGoals(draft: Draft<GameState>, ctx: RuleContext, scope: 'agreed' | 'insist', selected: readonly string[]): void {
  judgePoDuties(draft, ctx.base, scope);
  judgeItemConditions(draft, ctx.base, ctx.scenario, selected);
  judgeTechniqueFit(draft, ctx.base);
}

// ---------------------------------------------------------------------------------------------
// Sprint Review and product metrics.

/** D1.3.1: the Sprint Review is where the Increment is inspected with stakeholders and the Product Backlog adapted. */
export function judgeReviewPurpose(draft: Draft<GameState>, format: ReviewFormat): void {
  const sprint = draft.sprints[draft.sprints.length - 1]!;
  const increment = sprint.done.length ? `this Sprint's Increment (${quotedTitles(draft, sprint.done)})` : `the Increment, with nothing new Done in Sprint ${sprint.number}`;
  judge(draft, {
    goalId: 'D1.3.1',
    score: format === 'workingSession' ? 1 : format === 'demo' ? 0.5 : 0,
    decisionId: `review-format-s${sprint.number}`,
    rationale:
      format === 'workingSession'
        ? `You used the Sprint Review for what it is for: stakeholders worked with ${increment}, and what they said went into the Product Backlog.`
        : format === 'demo'
          ? `A demo showed ${increment}, but the Sprint Review exists to inspect it together and adapt the Product Backlog; an audience that watches gives less to adapt from.`
          : `A status report replaced the Sprint Review, the event where the PO and stakeholders inspect ${increment} and adapt the Product Backlog: nobody inspected anything, so nothing in the backlog changed from it.`,
  });
}

/** D6.3.1: value shows in what users do with released work; before any release there is nothing to read. */
export function judgeUsageAsValue(draft: Draft<GameState>, base: GameState): void {
  const released = base.releases.filter((r) => r.itemIds.length > 0);
  const last = released[released.length - 1];
  judge(draft, {
    goalId: 'D6.3.1',
    score: last ? 1 : 0.2,
    decisionId: `feedback-analytics-s${base.sprint}`,
    rationale: last
      ? `You studied how users use what was released (adoption ${percentOf100(last.adoption)}, satisfaction ${last.satisfaction} out of 100): use, not velocity or the number of items shipped, is where value shows.`
      : `Nothing had been released yet, so no user had used the product and there was no adoption or usage to study; the only figures so far were velocity, which measures output, not value.`,
  });
}

/** D6.3.1: reading which released item users used most, from the usage figures rather than from its size. */
export function judgeMetricsReading(draft: Draft<GameState>, base: GameState, finding: string, truth: string): void {
  const release = [...base.releases].reverse().find((r) => r.itemIds.length > 0);
  if (!release || !truth) return;
  const use = (id: string) => percentOf100(release.featureUse[id] ?? 0);
  const title = (id: string) => `"${base.items[id]?.title ?? id}"`;
  const biggest = [...release.itemIds].sort((a, b) => base.items[b]!.estimate - base.items[a]!.estimate || (a < b ? -1 : 1))[0];
  // Items used equally often are equally right answers.
  const right = (release.featureUse[finding] ?? 0) >= (release.featureUse[truth] ?? 0);
  const bySize = !right && finding === biggest && base.items[finding]!.estimate > base.items[truth]!.estimate;
  judge(draft, {
    goalId: 'D6.3.1',
    score: right ? 1 : bySize ? 0 : 0.2,
    decisionId: `reflect-metrics-s${base.sprint}`,
    rationale:
      right
        ? `${title(finding)} was used by ${use(finding)} of active users, the most of the release: you read its value from what users did.`
        : bySize
          ? `${title(finding)} was the biggest piece of work (${plural(base.items[finding]!.estimate, 'point')}), but ${use(finding)} of users used it against ${use(truth)} for ${title(truth)}: value shows in use, not in the effort delivered.`
          : `The usage figures show ${title(truth)} used most (${use(truth)}), not ${title(finding)} (${use(finding)}).`,
  });
}
