import type { Draft } from 'immer';
import type { Scenario, Stakeholder } from '../model/scenario';
import type { GameState, MapQuadrant, SprintRecord } from '../model/state';
import type { Rule } from './context';
import { forgetJudgement, judge, quotedTitles, say, titleOf, unknownId } from './context';
import { judgeRoadmapMeaning } from './goals-in-the-world';
import { adjustEveryonesTrust, adjustTrust } from './effects';
import { round2 } from './formulas';
import { currentSprint } from './planning';
import { listOf } from '../model/words';

export const chooseVisionTechnique: Rule<'chooseVisionTechnique'> = {
  apply(draft, a) {
    draft.vision.technique = a.technique;
    say(draft, `You will shape the vision as ${a.technique === 'elevatorPitch' ? 'an elevator pitch' : a.technique === 'visionBoard' ? 'a vision board' : 'a product box'}.`);
  },
};

export const addVisionFragment: Rule<'addVisionFragment'> = {
  check(s, a, scenario) {
    if (!s.vision.technique) return { code: 'notAllowedNow', message: 'choose a vision technique first' };
    if (!scenario.visionFragments?.some((f) => f.id === a.fragmentId)) return unknownId('vision fragment', a.fragmentId);
    return s.vision.fragments.includes(a.fragmentId) ? { code: 'invalidParams', message: 'that fragment is already in the vision' } : null;
  },
  apply(draft, a, ctx) {
    draft.vision.fragments.push(a.fragmentId);
    say(draft, `Vision: ${ctx.scenario.visionFragments!.find((f) => f.id === a.fragmentId)!.text}`);
  },
};

/** A vision guides when it names who it is for, what they need and why this product; features and slogans do not. */
export function visionQuality(state: GameState, scenario: Scenario): number {
  const kinds = new Set<string>();
  let poor = 0;
  for (const id of state.vision.fragments) {
    const f = scenario.visionFragments?.find((x) => x.id === id);
    if (!f) continue;
    if (f.kind === 'feature' || f.kind === 'vague') poor++;
    else kinds.add(f.kind);
  }
  return round2(Math.max(0, kinds.size / 3 - 0.2 * poor));
}

export const chooseRoadmap: Rule<'chooseRoadmap'> = {
  apply(draft, a, ctx) {
    draft.roadmap.format = a.format;
    if (a.format === 'datedFeatures') {
      const ids = (ctx.scenario.roadmapPromises ?? ctx.base.backlogOrder.slice(0, 3)).slice(0, ctx.scenario.sprints);
      draft.roadmap.promises = ids.map((itemId, i) => ({ itemId, sprint: i + 1 }));
      say(draft, `You shared a dated feature list as the roadmap, promising ${listOf(ids.map((id, i) => `"${titleOf(ctx.base, ctx.scenario, id)}" by Sprint ${i + 1}`))}.`);
    } else {
      draft.roadmap.promises = [];
      say(draft, `You shared ${a.format === 'nowNextLater' ? 'a Now, Next, Later roadmap' : 'a goal-oriented roadmap'}: direction without fixed dates.`);
    }
    forgetJudgement(draft, 'roadmap');
    const good = a.format !== 'datedFeatures';
    judge(draft, {
      goalId: 'D2.3.2',
      score: good ? 1 : 0.2,
      decisionId: 'roadmap',
      rationale: good
        ? `With ${ctx.scenario.sprints} Sprints ahead and no velocity history yet, ${a.format === 'nowNextLater' ? 'Now, Next, Later' : 'a goal-oriented roadmap'} shows stakeholders the direction while keeping room to learn.`
        : `With no velocity history yet, promising ${draft.roadmap.promises.map((p) => `"${titleOf(ctx.base, ctx.scenario, p.itemId)}"`).join(', ')} by fixed Sprints turns a guess into promises that empirical work cannot keep.`,
    });
    judgeRoadmapMeaning(draft, a.format, ctx.scenario);
  },
};

export const addPersonaTrait: Rule<'addPersonaTrait'> = {
  check(s, a, scenario) {
    if (!scenario.personaSnippets?.some((p) => p.id === a.snippetId)) return unknownId('research snippet', a.snippetId);
    return s.persona.includes(a.snippetId) ? { code: 'invalidParams', message: 'that snippet is already in the persona' } : null;
  },
  apply(draft, a, ctx) {
    draft.persona.push(a.snippetId);
    say(draft, `Persona: ${ctx.scenario.personaSnippets!.find((p) => p.id === a.snippetId)!.text}`);
  },
};

/** Personas help when built from goals, pains, behaviour and context seen in research, not stereotypes or guesses. */
export function personaQuality(state: GameState, scenario: Scenario): number {
  const kinds = new Set<string>();
  let poor = 0;
  for (const id of state.persona) {
    const p = scenario.personaSnippets?.find((x) => x.id === id);
    if (!p) continue;
    if (p.kind === 'stereotype' || p.kind === 'assumption') poor++;
    else kinds.add(p.kind);
  }
  return round2(Math.max(0, kinds.size / 4 - 0.25 * poor));
}

/** The grid quadrant a stakeholder's hidden influence and interest put them in. */
export function trueQuadrant(influence: number, interest: number): MapQuadrant {
  if (influence >= 0.5) return interest >= 0.5 ? 'manageClosely' : 'keepSatisfied';
  return interest >= 0.5 ? 'keepInformed' : 'monitor';
}

/**
 * Within this distance of the grid's line (0.5) a reading of either side is defensible: what a
 * stakeholder says and does cannot tell 0.45 from 0.55.
 */
export const MAP_MARGIN = 0.15;

const HIGH_INFLUENCE = new Set<MapQuadrant>(['manageClosely', 'keepSatisfied']);
const HIGH_INTEREST = new Set<MapQuadrant>(['manageClosely', 'keepInformed']);

function axisFits(truth: number, placedHigh: boolean): boolean {
  if (truth >= 0.5 - MAP_MARGIN && truth <= 0.5 + MAP_MARGIN) return true;
  return placedHigh === truth >= 0.5;
}

/** Which of the two readings a placement gets right, each with the margin around the line. */
export function placementFit(who: Stakeholder, quadrant: MapQuadrant): { influence: boolean; interest: boolean } {
  return { influence: axisFits(who.influence, HIGH_INFLUENCE.has(quadrant)), interest: axisFits(who.interest, HIGH_INTEREST.has(quadrant)) };
}

/** What the player could see of a stakeholder: their role, what they asked for, what they raised and asked. */
export function stakeholderCues(state: GameState, scenario: Scenario, id: string): string[] {
  const who = scenario.stakeholders.find((s) => s.id === id)!;
  const asked = Object.values(state.items).filter((i) => i.requestedBy === id && i.parentId === null);
  const cues = [`Role: ${who.role}.`];
  cues.push(
    asked.length === 0
      ? 'Has asked for nothing in the Product Backlog.'
      : `Asked for ${asked.length} ${asked.length === 1 ? 'item' : 'items'}: ${quotedTitles(state, asked.map((i) => i.id))}.`,
  );
  for (const card of scenario.events) if (card.from === id && state.firedEvents.includes(card.id)) cues.push(`Raised: ${card.text}`);
  for (const q of scenario.questions ?? []) if (q.asker === id && state.askedQuestions.includes(q.id)) cues.push(`Asked you: ${q.text}`);
  return cues;
}

function level(truth: number, what: string): string {
  if (truth >= 0.5 - MAP_MARGIN && truth <= 0.5 + MAP_MARGIN) return `${what} that could be read either way`;
  return `${truth >= 0.5 ? 'high' : 'low'} ${what}`;
}

export const mapStakeholder: Rule<'mapStakeholder'> = {
  check: (_s, a, scenario) => (scenario.stakeholders.some((x) => x.id === a.stakeholderId) ? null : unknownId('stakeholder', a.stakeholderId)),
  apply(draft, a, ctx) {
    const who = ctx.scenario.stakeholders.find((x) => x.id === a.stakeholderId)!;
    draft.stakeholderMap[who.id] = a.quadrant;
    const fit = placementFit(who, a.quadrant);
    const right = fit.influence && fit.interest;
    // Half right: the influence or the interest was read correctly.
    const half = fit.influence !== fit.interest;
    const seen = stakeholderCues(ctx.base, ctx.scenario, who.id).join(' ');
    const reading = `${level(who.influence, 'influence')} and ${level(who.interest, 'interest')}`;
    forgetJudgement(draft, `map-${who.id}`);
    judge(draft, {
      goalId: 'D5.1.2',
      score: right ? 1 : half ? 0.4 : 0,
      decisionId: `map-${who.id}`,
      rationale: right
        ? `What you could see of ${who.name} (${seen}) points to ${reading}: that place on the grid, and the engagement it implies, fit them.`
        : `What you could see of ${who.name} (${seen}) points to ${reading}: you read ${half ? (fit.influence ? 'their influence right but not their interest' : 'their interest right but not their influence') : 'neither their influence nor their interest'}, so the engagement you planned will not fit them.`,
    });
  },
};

/** Each Sprint, engagement that fits a stakeholder's real place on the grid builds trust; a wrong fit erodes it. */
export function tendStakeholders(draft: Draft<GameState>, scenario: Scenario): void {
  for (const who of scenario.stakeholders) {
    const planned = draft.stakeholderMap[who.id];
    if (!planned) continue;
    const fit = placementFit(who, planned);
    const fits = fit.influence && fit.interest;
    adjustTrust(draft, who.id, fits ? 2 : who.influence >= 0.5 ? -4 : -1, fits ? 'The way you engage them suits them' : 'The way you engage them does not suit them');
  }
}

export const shareProgress: Rule<'shareProgress'> = {
  check: (s) => (s.sprints[s.sprints.length - 1]?.progressSharing ? { code: 'notAllowedNow', message: 'you already shared progress at this Review' } : null),
  apply(draft, a) {
    currentSprint(draft).progressSharing = a.style;
    const transparent = a.style === 'transparent';
    const seen = sprintFacts(currentSprint(draft));
    // Good news lifts the mood a little; seeing the real picture, risks included, builds more.
    adjustEveryonesTrust(draft, transparent ? 3 : 2, transparent ? 'You showed the burn-up, the forecast range and the open risks' : 'You told stakeholders everything is on track');
    judge(draft, {
      goalId: 'D5.2.2',
      score: transparent ? 1 : 0,
      decisionId: `share-s${draft.sprint}`,
      rationale: transparent
        ? `${seen} A burn-up with the forecast range and the known risks let stakeholders see the same picture as the team.`
        : `${seen} Presenting only good news buys trust now and loses more of it when the risks arrive.`,
    });
    const sprint = currentSprint(draft);
    if (sprint.notDone.length)
      judge(draft, {
        goalId: 'D6.2.2',
        score: transparent ? 1 : 0,
        decisionId: `undone-s${draft.sprint}`,
        rationale: transparent
          ? `You told stakeholders that ${quotedTitles(draft, sprint.notDone)} did not meet the Definition of Done: it is not part of the Increment and is back in the Product Backlog.`
          : `${quotedTitles(draft, sprint.notDone)} did not meet the Definition of Done, yet stakeholders heard that everything is on track: undone work was presented as progress.`,
      });
    say(
      draft,
      transparent
        ? `You shared the burn-up, the forecast range and the open risks${sprint.notDone.length ? `, and said plainly what is not Done` : ''}.`
        : 'You told stakeholders everything is on track.',
    );
  },
};

/** What the Review showed about the Sprint, in one sentence: the evidence behind how progress was shared. */
export function sprintFacts(sprint: Pick<SprintRecord, 'number' | 'velocity' | 'forecast' | 'goalMet' | 'notDone'>): string {
  const goal = sprint.goalMet === null ? '' : sprint.goalMet ? ', its Sprint Goal met' : ', its Sprint Goal missed';
  const undone = sprint.notDone.length ? `, ${sprint.notDone.length} ${sprint.notDone.length === 1 ? 'item' : 'items'} not Done` : '';
  return `Sprint ${sprint.number} finished ${sprint.velocity} of ${sprint.forecast} forecast ${sprint.forecast === 1 ? 'point' : 'points'}${goal}${undone}.`;
}

/**
 * "All on track" is contradicted by any setback the next Sprint shows: a missed Sprint Goal,
 * less done than forecast, clarification stops or work that failed the Definition of Done.
 * Optimism that reality contradicts costs more trust than it earned.
 */
export function settleProgressClaims(draft: Draft<GameState>): void {
  const sprint = currentSprint(draft);
  const previous = draft.sprints[draft.sprints.length - 2];
  if (previous?.progressSharing !== 'optimistic') return;
  const returned = sprint.notDone.length > 0;
  const setback = sprint.goalMet === false || sprint.velocity < sprint.forecast || sprint.clarifications > 0 || returned;
  if (!setback) return;
  adjustEveryonesTrust(draft, -8, 'The last Review said all was on track, and this Sprint showed otherwise');
  say(draft, 'Stakeholders feel misled: the last Review said all was on track, and this Sprint showed otherwise.');
}

/** Dated promises fall due: each miss is an expectation the roadmap set and delivery broke. */
export function settleRoadmap(draft: Draft<GameState>, scenario: Scenario): void {
  for (const p of draft.roadmap.promises) {
    if (p.sprint !== draft.sprint) continue;
    if (draft.items[p.itemId]?.status === 'done') continue;
    draft.roadmap.misses += 1;
    adjustEveryonesTrust(draft, -6, `The roadmap promised "${titleOf(draft, scenario, p.itemId)}" by Sprint ${p.sprint}, and it is not Done`);
    say(draft, `The roadmap promised "${titleOf(draft, scenario, p.itemId)}" by Sprint ${p.sprint}; it is not Done, and stakeholders noticed.`);
  }
}

export const decidePivot: Rule<'decidePivot'> = {
  check(s, _a, scenario) {
    if (!scenario.pivot || scenario.pivot.sprint !== s.sprint) return { code: 'notAllowedNow', message: 'no market evidence calls the Product Goal into question now' };
    return s.pivot ? { code: 'notAllowedNow', message: 'you already decided to pivot or persist' } : null;
  },
  apply(draft, a, ctx) {
    const pivot = ctx.scenario.pivot!;
    const right = a.decision === pivot.right;
    draft.pivot = a.decision;
    draft.valueFactor = right ? 1 : 0.7;
    judge(draft, {
      goalId: 'D2.2.3',
      score: right ? 1 : 0,
      decisionId: 'pivot',
      // Written for any scenario: it quotes what this one showed at the Review rather than describing it.
      rationale: `At the Review: "${pivot.signal}" ${
        right
          ? pivot.right === 'pivot'
            ? 'The evidence behind it was strong and consistent: changing the Product Goal saved the rest of the effort.'
            : 'The evidence behind it did not show the Product Goal was wrong, so holding it kept the team\u2019s progress instead of chasing the signal.'
          : pivot.right === 'pivot'
            ? 'The evidence behind it said the Product Goal no longer held; persisting spent Sprints on value that will not come.'
            : 'The evidence behind it did not show the Product Goal was wrong; the pivot threw away progress.'
      }`,
    });
    say(draft, a.decision === 'pivot' ? 'You pivoted: the Product Goal changes in light of the market evidence.' : 'You persisted with the Product Goal.');
  },
};
