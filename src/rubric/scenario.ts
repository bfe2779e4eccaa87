/**
 * What a scenario file tells the rubric: the Product Backlog it already has (for "unique"), its
 * Product Goal (for a Sprint Goal's link) and its product terms (segments, the target customer,
 * need and differentiator of its vision, the product's name) for "tied to the product".
 * Pure: reads the scenario object, imports only its type.
 */
import type { Scenario } from '../engine';
import type { Context } from './types';

/** The scenario's strong Product Goal: measurable and serving the vision, else the first. */
export function scenarioProductGoal(scenario: Scenario): string | undefined {
  const goals = scenario.productGoals ?? [];
  return (goals.find((g) => g.truth?.measurable && g.truth?.servesVision) ?? goals[0])?.text;
}

export function scenarioTerms(scenario: Scenario): string[] {
  const terms = [
    ...(scenario.segments ?? []).map((s) => s.name),
    ...(scenario.visionFragments ?? []).filter((f) => f.kind === 'targetCustomer' || f.kind === 'need' || f.kind === 'differentiator').map((f) => f.text),
    scenario.product?.name,
  ];
  return terms.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
}

/** The rubric context for texts written in this scenario. */
export function contextFromScenario(scenario: Scenario): Context {
  const existing = (scenario.backlog ?? []).flatMap((i) => [i.title, i.description].filter((t): t is string => typeof t === 'string' && t.trim() !== ''));
  const productGoal = scenarioProductGoal(scenario);
  return { existing, productTerms: scenarioTerms(scenario), ...(productGoal ? { productGoal } : {}) };
}
