import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/engine';
import { formatProblem, loadScenarioText } from '../../../src/scenario';
import { shippedScenario } from '../../helpers/scenarios';

const SCENARIOS = join(import.meta.dirname, '..', '..', '..', 'scenarios');

function answerQuestions(s: Session): void {
  while (s.observe().observation.pendingQuestion) s.dispatch({ id: s.observe().actions[0]!.id });
}

/** A session in the briefing of a shipped scenario, past its Product Goal, questions answered. */
function briefing(file: string): Session {
  const { scenario } = shippedScenario(file);
  const s = createSession(scenario, 5, 'fair');
  answerQuestions(s);
  s.dispatch({ type: 'chooseProductGoal', goalId: scenario.productGoals[0]!.id });
  answerQuestions(s);
  return s;
}

function setAside(s: Session, itemId: string) {
  const r = s.dispatch({ type: 'flagOffVision', itemId });
  if (!r.ok) throw new Error(r.error.message);
  return r.changes.evidence.find((e) => e.decisionId === `vision-${itemId}`)!;
}

describe('item 1: off-vision items are judged against a stated truth', () => {
  it.each([
    ['corner-cafe.yaml', 'splash-screen', 'the brand feels premium'],
    ['corner-cafe.yaml', 'table-booking', 'I can meet friends'],
    ['platform-adoption.yaml', 'old-build-server', 'I can build the way I used to'],
  ])('setting aside %s %s, which interviews value low, is credited', (file, itemId, purpose) => {
    const judged = setAside(briefing(file), itemId);
    expect(judged).toMatchObject({ goalId: 'D2.1.3', score: 1 });
    // The rationale names what the player could read: the item's own purpose and the vision.
    expect(judged.rationale).toContain(purpose);
    expect(judged.rationale).toContain('vision');
  });

  it('setting aside work the vision promises still scores 0, and says why from the story itself', () => {
    const judged = setAside(briefing('corner-cafe.yaml'), 'order-ahead');
    expect(judged.score).toBe(0);
    expect(judged.rationale).toContain('my coffee is ready when I walk in');
  });

  it('every item of every shipped scenario states whether it serves the vision', () => {
    const files = ['cafe-regulars', 'cafe-second-city', 'corner-cafe', 'council-apply-online', 'council-fewer-calls', 'council-surge', 'platform-adoption', 'platform-exit', 'platform-paved-road'];
    const unstated = files.flatMap((f) => shippedScenario(`${f}.yaml`).scenario.backlog.filter((i) => typeof i.servesVision !== 'boolean').map((i) => `${f}:${i.id}`));
    expect(unstated).toEqual([]);
  });

  it('the validator refuses an item without servesVision, naming file, path, expected and found', () => {
    const text = readFileSync(join(SCENARIOS, 'corner-cafe.yaml'), 'utf8');
    const start = text.indexOf('  - id: splash-screen');
    const line = text.indexOf('    servesVision:', start);
    const broken = text.slice(0, line) + text.slice(text.indexOf('\n', line) + 1);
    const loaded = loadScenarioText(broken, 'scenarios/corner-cafe.yaml');
    expect(loaded.ok).toBe(false);
    const lines = loaded.ok ? [] : loaded.problems.map(formatProblem);
    const index = shippedScenario('corner-cafe.yaml').scenario.backlog.findIndex((i) => i.id === 'splash-screen');
    expect(lines.find((l) => l.includes(`backlog[${index}].servesVision`))).toMatch(
      /^scenarios\/corner-cafe\.yaml:\d+:\d+ backlog\[\d+\]\.servesVision: expected servesVision: true or false .*found nothing \(the field is missing\)$/,
    );
  });
});
