import type { Effect } from '../../engine';

/**
 * The consequences of each Sprint, kept by the shell because the engine's state does not store
 * them (they ride on dispatch results). A resumed save re-simulates every action, so it is rebuilt.
 */
export class EffectLedger {
  private readonly bySprint = new Map<number, Effect[]>();

  add(sprint: number, effects: readonly Effect[]): void {
    if (effects.length === 0) return;
    const list = this.bySprint.get(sprint);
    if (list) list.push(...effects);
    else this.bySprint.set(sprint, [...effects]);
  }

  of(sprint: number): readonly Effect[] {
    return this.bySprint.get(sprint)?.slice() ?? [];
  }
}
