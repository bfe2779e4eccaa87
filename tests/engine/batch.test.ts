import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/bots';
import { createSession, formOf, verifyReplay, type Action, type Session } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';

/*
 * A batch: several decisions from one form (criteria ticked for an item, the whole stakeholder
 * map, MoSCoW tags, ways of gathering feedback, the Sprint Review's choices), sent as one step. Each part is checked and judged exactly as if
 * it were sent alone, and a refused part leaves everything as it was.
 */

const { scenario, hash } = shippedScenario('corner-cafe.yaml');

/** Two identical sessions, played by the principled bot until `ready` holds for the listing. */
function twinsAt(ready: (s: Session) => boolean): [Session, Session] {
  const a = createSession(scenario, 'batch', hash);
  const b = createSession(scenario, 'batch', hash);
  const policy = POLICIES.principled!('batch');
  for (let guard = 0; guard < 300 && !ready(a); guard++) {
    const choice = policy.choose(a.observe());
    expect(a.dispatch(choice).ok).toBe(true);
    expect(b.dispatch(choice).ok).toBe(true);
  }
  expect(ready(a)).toBe(true);
  return [a, b];
}

/** The listed actions of a type, as full action objects. */
const listed = (s: Session, type: string): Action[] => s.observe().actions.filter((x) => x.type === type).map((x) => x.action);

describe('a batch of decisions', () => {
  it('reaches the very state, judgements and messages the same decisions reach one by one, in one step', () => {
    const [a, b] = twinsAt((s) => listed(s, 'mapStakeholder').length > 0);
    const whom = [...new Set(listed(a, 'mapStakeholder').map((x) => (x.type === 'mapStakeholder' ? x.stakeholderId : '')))];
    const parts = whom.map((id) => listed(a, 'mapStakeholder').find((x) => x.type === 'mapStakeholder' && x.stakeholderId === id)!);
    expect(parts.length).toBeGreaterThan(1);

    const stepsBefore = a.step;
    const together = a.dispatch({ type: 'batch', actions: parts });
    const singles = parts.map((p) => b.dispatch(p));
    expect(together.ok && singles.every((r) => r.ok)).toBe(true);
    if (!together.ok) return;
    expect(a.step).toBe(stepsBefore + 1);
    expect(a.stateHash()).toBe(b.stateHash());
    const judged = singles.flatMap((r) => (r.ok ? r.changes.evidence : []));
    expect(together.changes.evidence).toEqual(judged);
    expect(together.changes.evidence.map((e) => e.decisionId)).toEqual(whom.map((id) => `map-${id}`));
    expect(together.changes.messages).toEqual(singles.flatMap((r) => (r.ok ? r.changes.messages : [])));
  });

  it('is all or nothing: a refused part changes nothing and the error says which part and why', () => {
    const [a] = twinsAt((s) => listed(s, 'addCriterion').length > 1);
    const [first, second] = listed(a, 'addCriterion') as [Action, Action];
    const before = a.stateHash();
    // The same criterion twice: the second is refused once the first is on the item.
    const r = a.dispatch({ type: 'batch', actions: [first, second, first] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalidParams');
    expect(r.error.message).toMatch(/^decision 3 of 3 in the batch: that criterion is already on the item; nothing in the batch was applied$/);
    expect(a.stateHash()).toBe(before);
    expect(a.replayLog().actions.at(-1)?.type).not.toBe('batch');
  });

  it('holds the decisions of one form, only kinds a form can gather, and is never listed itself', () => {
    const [a] = twinsAt((s) => listed(s, 'addCriterion').length > 0 && listed(s, 'tagMoscow').length > 0);
    const mixed = a.dispatch({ type: 'batch', actions: [listed(a, 'addCriterion')[0], listed(a, 'tagMoscow')[0]] });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'malformed', message: 'a batch holds the decisions of one form, found addCriterion, tagMoscow' } });
    const start = a.dispatch({ type: 'batch', actions: [{ type: 'startSprints' }] });
    expect(start).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(a.dispatch({ type: 'batch', actions: [] })).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(a.observe().actions.some((x) => x.type === 'batch')).toBe(false);
  });

  it('closes a form only with its last decision', () => {
    expect(formOf(['setReviewFormat', 'answerForecast', 'endReview'])).toEqual({ form: 'sprintReview' });
    expect(formOf(['reflect', 'reflect', 'chooseImprovement'])).toEqual({ form: 'retrospective' });
    expect(formOf(['endReview', 'answerForecast'])).toEqual({ problem: '"endReview" closes the form, so it can only be the batch\'s last decision' });
    // The Review and the Retrospective are two events: no batch spans both.
    expect(formOf(['answerForecast', 'endReview', 'chooseImprovement'])).toHaveProperty('problem');
    // Releasing is a step of its own: what users did with it is read after it, on the form.
    expect(formOf(['releaseIncrement', 'endReview'])).toHaveProperty('problem');
  });

  it('sends the Sprint Review as one form: each choice judged as if sent alone, then the Review closed', () => {
    const atReview = (s: Session) => s.state.phase === 'sprint.review' && !s.observe().observation.pendingQuestion && listed(s, 'releaseIncrement').length === 0;
    const [a, b] = twinsAt(atReview);
    const parts: Action[] = [listed(a, 'setReviewFormat')[0], listed(a, 'answerForecast')[0], listed(a, 'shareProgress')[0]].filter((x): x is Action => x !== undefined);
    for (const x of listed(a, 'reflect').filter((x, i, all) => all.findIndex((y) => y.type === 'reflect' && x.type === 'reflect' && y.topic === x.topic) === i)) parts.push(x);
    expect(parts.length).toBeGreaterThan(1);
    const form = [...parts, { type: 'endReview' } as Action];
    const together = a.dispatch({ type: 'batch', actions: form });
    const singles = form.map((p) => b.dispatch(p));
    expect(singles.every((r) => r.ok)).toBe(true);
    expect(together.ok).toBe(true);
    expect(a.stateHash()).toBe(b.stateHash());
    expect(a.state.phase).toBe('sprint.retrospective');
    if (together.ok) expect(together.changes.evidence).toEqual(singles.flatMap((r) => (r.ok ? r.changes.evidence : [])));
  });

  it('is recorded in the replay as one action, and the replay verifies', () => {
    const s = createSession(scenario, 'batch-replay', hash);
    const policy = POLICIES.principled!('batch-replay');
    while (!s.done) expect(s.dispatch(policy.choose(s.observe())).ok).toBe(true);
    const log = s.replayLog();
    expect(log.actions.filter((x) => x.type === 'batch').length).toBeGreaterThan(1);
    expect(verifyReplay(log, scenario, hash).ok).toBe(true);
  });
});
