import type { Page } from 'playwright-core';
import { createSession, type Action, type DispatchResult, type Evidence } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';

type Changes = Extract<DispatchResult, { ok: true }>['changes'];

/**
 * The run's last step as the engine recorded it: the action in the save, and what it judged and
 * changed, re-simulated in Node from the save the page wrote (see engine-state.ts).
 */
export async function engineLastStep(page: Page, scenarioFile: string): Promise<{ action: Action; judged: Evidence[]; effects: Changes['effects'] }> {
  const save = await page.evaluate(() => localStorage.getItem(`sprintwise.save.${window.__sprintwise?.scenarioId ?? ''}`));
  if (!save) throw new Error('no save in the page');
  const replay = JSON.parse(save).replay as { seed: string; actions: Action[] };
  const { scenario, hash } = shippedScenario(scenarioFile);
  const session = createSession(scenario, replay.seed, hash);
  for (const a of replay.actions.slice(0, -1)) {
    const r = session.dispatch(a);
    if (!r.ok) throw new Error(`the saved action ${JSON.stringify(a)} was refused in Node: ${r.error.message}`);
  }
  const action = replay.actions[replay.actions.length - 1]!;
  const result = session.dispatch(action);
  if (!result.ok) throw new Error(result.error.message);
  return { action, judged: result.changes.evidence, effects: result.changes.effects };
}
