import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { FORM_ROWS } from '../../src/bots/principled';
import { createSession, FORMS, formOf, type Action, type Evidence, type Session } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';

/*
 * Less clicking, same decisions: a principled Product Owner plays the Corner Café's three Sprints
 * taking only actions the game lists (as a player does), in far fewer actions than the 122 it
 * took before, and is still judged on every kind of decision it was judged on then.
 */

/**
 * The most actions a principled run of the café may take. Issue 15 aims at 60; this is where the
 * principled player stands now: 74 on seed 42, 70-79 on the other seeds here (86-96 before the
 * stakeholder map, feedback, the Sprint Review and the Retrospective's findings became forms and
 * the run stopped at a pull only when the next items need refining; 122 before the days could run
 * to the next event and Review practices carried over; 112-118 before the board's forms). A
 * change that adds clicks fails here.
 */
const MAX_ACTIONS = 80;
const SEEDS = ['42', '1', '2', '3', '7'];

/**
 * A decision's kind: its decision id without the Sprint it happened in and without the item,
 * stakeholder, event card or deadline it was about. Three criteria on three items, or a Review
 * format judged in each of three Sprints, are one kind: the judgement is the same lesson.
 */
export function decisionKind(decisionId: string): string {
  const kind = decisionId.replace(/-s\d+$/, '');
  const general = /^(criteria|invest|map|split|vision|deadline|event|cancel|mvp|request|empathy)-/.exec(kind);
  return general ? general[1]! : kind;
}

/**
 * Decisions the game puts to the player rather than the player choosing to make them: knowledge
 * checks (which the scenario asks, and may skip once a player has shown the answer in play) and
 * event cards (which chance draws). Those are checked on their own: every one asked is judged.
 */
const askedByTheGame = (pair: string) => / (question-|event$)/.test(pair);

/** Every judged goal with the kind of decision that judged it: "goal kind". */
function judged(evidence: readonly Evidence[]): string[] {
  return [...new Set(evidence.map((e) => `${e.goalId} ${decisionKind(e.decisionId)}`))].sort();
}

/*
 * The reference: captured from the principled bot's 122-action play of corner-cafe, seed 42,
 * before "run to the next event", criteria and tags on any item, and Review practices that carry
 * over (engine 0.4.0). Every seed in SEEDS gave this same set then. Each entry is "goal kind".
 */
const REFERENCE = [
  'D1.1.1 event', 'D1.1.2 question-po-job', 'D1.1.2 sprintGoal', 'D1.1.3 event', 'D1.1.4 event', 'D1.2.1 outcome-value', 'D1.2.1 question-value-first',
  'D1.2.2 deadline', 'D1.2.2 order', 'D1.2.3 retro', 'D1.3.1 question-events-for-po', 'D1.3.1 review-format', 'D1.3.2 event', 'D1.3.2 forecast',
  'D1.3.3 review-format', 'D2.1.3 vision', 'D2.2.1 productGoal', 'D2.2.1 productGoal-final', 'D2.2.2 productGoal', 'D2.3.1 roadmap', 'D2.3.2 roadmap',
  'D2.3.3 reflect-roadmap', 'D3.1.1 split', 'D3.1.2 criteria', 'D3.1.3 invest', 'D3.1.4 split', 'D3.2.1 order', 'D3.2.1 question-frameworks',
  'D3.2.2 release-moscow', 'D3.2.3 order', 'D3.2.4 order', 'D3.3.1 question-refinement-what', 'D3.3.1 refinement', 'D3.3.2 refinement',
  'D3.3.3 reflect-refinement', 'D4.2.1 feedback-analytics', 'D4.2.1 feedback-interviews', 'D4.3.1 event', 'D5.1.1 stakeholder-kinds', 'D5.1.2 map',
  'D5.1.3 event', 'D5.2.1 forecast-answer', 'D5.2.2 share', 'D5.2.3 review-format', 'D5.2.4 reflect-stakeholders', 'D6.1.1 release-plan',
  'D6.1.2 forecast-answer', 'D6.1.3 forecast-answer', 'D6.1.3 forecast-calibration', 'D6.2.1 question-dod-meaning', 'D6.2.2 undone', 'D6.2.3 retro',
  'D6.3.1 feedback-analytics', 'D6.3.1 question-metrics-what', 'D6.3.1 reflect-metrics', 'D6.3.2 reflect-metrics', 'D6.3.2 release', 'D6.3.2 usage-order',
  'D6.3.3 outcome-metrics', 'D7.1.1 question-dor-meaning', 'D7.1.1 readiness-agreement', 'D7.1.2 ready', 'D7.1.3 ready', 'D7.2.1 sprintGoal',
  'D7.2.2 event', 'D7.2.2 sprintGoal', 'D7.2.3 reflect-sprintGoals', 'D7.3.1 criteria', 'D7.3.1 question-ac-meaning', 'D7.3.2 criteria', 'D7.3.3 criteria',
];

/**
 * Plays like a person: ids of listed actions, or a batch of listed actions of one kind as the
 * board's forms send them (criteria and reworks of one item, items to refine, MoSCoW tags of the
 * top items), never a hand-built action.
 */
function playThroughListedActions(session: Session, seed: string): { batches: number } {
  const policy = POLICIES.principled!(seed);
  let batches = 0;
  for (let guard = 0; guard < 500 && !session.done; guard++) {
    const step = session.observe();
    const choice = policy.choose(step);
    const isListed = (a: unknown) => step.actions.some((x) => JSON.stringify(x.action) === JSON.stringify(a));
    let sent: unknown = null;
    if ('id' in choice && !('type' in choice)) sent = step.actions.some((a) => a.id === choice.id) ? choice : null;
    else if ((choice as Action).type === 'batch') {
      batches++;
      const parts = (choice as Extract<Action, { type: 'batch' }>).actions;
      const items = new Set(parts.map((p) => ('itemId' in p ? p.itemId : '')));
      const oneItemForm = parts[0]!.type === 'addCriterion' || parts[0]!.type === 'fixFlaw';
      const form = formOf(parts.map((p) => p.type));
      // A form's own button closes it (the Review's "Close the Sprint Review"): that part is the
      // form's, listed or not yet; every other part is an option the screen lists.
      const closes = 'form' in form ? FORMS[form.form]!.closes : undefined;
      const shown = parts.filter((p, i) => !(i === parts.length - 1 && p.type === closes));
      const fits = 'form' in form && shown.every(isListed) && shown.length <= FORM_ROWS && (!oneItemForm || items.size === 1);
      sent = fits ? choice : null;
    } else if (isListed(choice)) sent = choice;
    // What the PO wrote goes with the id of a listed action that takes text, as the game's writing fields send it.
    else if ('text' in choice && typeof choice.text === 'string') {
      const { text, ...rest } = choice;
      const entry = step.actions.find((x) => x.input && JSON.stringify({ ...x.action, text: undefined }) === JSON.stringify({ ...rest, text: undefined }));
      sent = entry ? { id: entry.id, text } : null;
    }
    // orderBacklog is listed once and sent with the PO's own order, as the listing says.
    else if ((choice as Action).type === 'orderBacklog' && step.actions.some((a) => a.type === 'orderBacklog')) sent = choice;
    expect(sent, `seed ${seed}: the bot chose something the game does not offer: ${JSON.stringify(choice)}`).not.toBeNull();
    expect(session.dispatch(sent).ok).toBe(true);
  }
  return { batches };
}

describe('the Corner Café, played by a principled PO', () => {
  const { scenario, hash } = shippedScenario('corner-cafe.yaml');

  it.each(SEEDS)(`takes at most ${MAX_ACTIONS} actions and keeps every judged decision kind (seed %s)`, (seed) => {
    const session = createSession(scenario, seed, hash);
    const { batches } = playThroughListedActions(session, seed);
    expect(batches).toBeGreaterThan(0);
    expect(session.done).toBe(true);
    expect(session.report().outcomes.sprintsPlayed).toBe(3);
    expect(session.step, `seed ${seed}: ${session.step} actions`).toBeLessThanOrEqual(MAX_ACTIONS);
    const pairs = judged(session.state.evidence);
    // None lost; writing may add kinds (a story rewritten, a Sprint Goal in the PO's words).
    const lost = REFERENCE.filter((p) => !askedByTheGame(p) && !pairs.includes(p));
    expect(lost, `seed ${seed}: kinds no longer judged`).toEqual([]);
    expect(pairs.filter((p) => p.endsWith(' story') || p.endsWith(' sprintGoal-text')), 'the PO wrote and was judged on it').not.toEqual([]);
    // Every knowledge check asked and every event card raised was answered, and judged.
    const state = session.state;
    for (const id of state.askedQuestions) expect(state.evidence.some((e) => e.decisionId === `question-${id}`), id).toBe(true);
    for (const id of state.firedEvents) expect(state.evidence.some((e) => e.decisionId === `event-${id}`), id).toBe(true);
    expect(state.firedEvents.length).toBeGreaterThan(0);
  });

  it('names decision kinds without the Sprint or the item they were about', () => {
    expect(decisionKind('review-format-s2')).toBe('review-format');
    expect(decisionKind('criteria-pay-in-app')).toBe('criteria');
    expect(decisionKind('invest-loyalty-stamps-testable')).toBe('invest');
    expect(decisionKind('question-dod-meaning')).toBe('question-dod-meaning');
  });
});
