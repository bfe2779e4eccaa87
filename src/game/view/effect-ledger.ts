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

/**
 * A class's ledger. The server sends an action's effects once, with its acknowledgement; after a
 * reload, a rejoin, or an acknowledgement lost with a dropped connection they are not sent again.
 * So besides the effects it keeps which Sprints it saw whole, from their first action: the report
 * card of any other Sprint says that its trust changes are not known, rather than show a sum of
 * only the effects seen.
 */
export class ClassEffectLedger {
  private ledger = new EffectLedger();
  private readonly whole = new Set<number>();

  /** Starts again (another run, or a game opened part-way); `fresh`: a Sprint with no action taken yet. */
  restart(fresh: number | null): void {
    this.ledger = new EffectLedger();
    this.whole.clear();
    if (fresh !== null) this.whole.add(fresh);
  }

  /** An acknowledged action, taken in Sprint `before`, that left the game in Sprint `after`. */
  acked(before: number, after: number, effects: readonly Effect[]): void {
    this.ledger.add(before, effects);
    // A Sprint that begins with an action seen here is seen whole so far.
    if (after !== before) this.whole.add(after);
  }

  /**
   * An action was taken whose effects never arrived (its acknowledgement was lost). Which Sprint
   * it was in is not known for sure, so no Sprint so far counts as whole.
   */
  missed(): void {
    this.whole.clear();
  }

  of(sprint: number): { effects: readonly Effect[]; whole: boolean } {
    return { effects: this.ledger.of(sprint), whole: this.whole.has(sprint) };
  }
}
