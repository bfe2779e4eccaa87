import type { Draft } from 'immer';
import { makeItem } from '../model/initial';
import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import { say } from './context';
import { round2 } from './formulas';
import { criteriaCoverage, scenarioItem } from './story';

/*
 * What poor acceptance criteria cost after a release: work built to a vague criterion, or to one
 * that dictated the solution, does what the criterion said rather than what users needed. Part of
 * its value is lost until a defect is fixed, and the defect joins the Product Backlog.
 */

/** Share of a released item's value lost to a defect when its criteria were poor. */
export const DEFECT_SHARE = 0.3;

/** The value a release of `id` realises after poor criteria took their share; records the defect. */
export function valueAfterDefects(draft: Draft<GameState>, scenario: Scenario, id: string, value: number): number {
  const item = draft.items[id]!;
  if (criteriaCoverage(item, scenarioItem(scenario, id)).poor === 0 || value <= 0) return value;
  const lost = round2(value * DEFECT_SHARE);
  const defectId = `${id.slice(0, 70)}-defect`;
  if (!draft.items[defectId]) {
    draft.items[defectId] = makeItem(
      {
        id: defectId,
        type: 'defect',
        title: `Users report that "${item.title}" does not do what they expected`,
        description: `Its acceptance criteria left room to guess: a vague or solution-prescribing criterion was built as written. Fixing it wins back what users miss.`,
        estimate: 2,
        statedValue: 10,
        truth: { value: lost, effort: 2, costOfDelay: 'standard', risk: 0.2 },
      },
      null,
    );
    draft.items[defectId]!.defectOf = id;
    draft.backlogOrder.unshift(defectId);
  }
  say(draft, `Users found that "${item.title}" does not do what they expected: its acceptance criteria were vague or prescribed the solution. A defect is now at the top of the Product Backlog.`);
  return round2(value - lost);
}
