import type { Page } from 'playwright-core';
import { createSession, type Action, type Observation } from '../../src/engine';
import { shippedScenario } from '../helpers/scenarios';

/**
 * The engine's observation of the run on screen, read the way a verifier would: the save the
 * game wrote is re-simulated in Node with the same engine, and its state hash must equal the
 * one the page publishes. A test that asserts on this observation asserts on the engine, not on
 * what the page happens to draw.
 */
export async function engineObservation(page: Page, scenarioFile: string): Promise<Observation> {
  const { scenarioId, stateHash, save } = await page.evaluate(() => {
    const id = window.__sprintwise?.scenarioId ?? '';
    return { scenarioId: id, stateHash: window.__sprintwise?.stateHash ?? '', save: localStorage.getItem(`sprintwise.save.${id}`) };
  });
  if (!save) throw new Error(`no save for ${scenarioId} in the page`);
  const replay = JSON.parse(save).replay as { seed: string; actions: Action[] };
  const { scenario, hash } = shippedScenario(scenarioFile);
  const session = createSession(scenario, replay.seed, hash);
  for (const action of replay.actions) {
    const result = session.dispatch(action);
    if (!result.ok) throw new Error(`the saved action ${JSON.stringify(action)} was refused in Node: ${result.error.message}`);
  }
  if (session.stateHash() !== stateHash) throw new Error(`Node re-simulated ${replay.actions.length} actions to ${session.stateHash()}, the page shows ${stateHash}`);
  return session.observe().observation;
}
