import type { Effect, EffectKind } from '../../engine';
import { listOf, noun, number } from '../../words';

/**
 * What the last choice did to trust, morale, debt, value and the Product Goal, as lines for the
 * screen and the screen reader: "+4 trust for Rosa Marin: "Order ahead", which they asked for, is Done".
 */

export interface EffectLine {
  kind: EffectKind;
  /** Whether the change is good news for the product (more debt is not). */
  tone: 'good' | 'bad';
  /** "+4 trust", "−5 morale", "+3 points toward the Product Goal". */
  amount: string;
  /** Whose trust moved: one name, a list, or "every stakeholder"; null for the team and the product. */
  who: string | null;
  cause: string;
  /** The whole line in words, for the live region. */
  text: string;
}

const NOUN: Record<EffectKind, string> = {
  trust: 'trust',
  morale: 'team morale',
  debt: 'technical debt',
  value: 'value realised',
  goal: 'toward the Product Goal',
};

/** A signed amount: "+4", "−2.5" (a true minus sign, read as "minus"). */
export function signed(delta: number): string {
  const shown = number(Math.abs(delta));
  return `${delta < 0 ? '\u2212' : '+'}${shown}`;
}

function amountOf(kind: EffectKind, delta: number): string {
  if (kind === 'goal') return `${signed(delta)} ${noun(Math.abs(delta), 'point')} ${NOUN.goal}`;
  return `${signed(delta)} ${NOUN[kind]}`;
}

/**
 * One line per kind, amount and cause: a Review format that moves everyone's trust by 3 is one
 * line for "every stakeholder", not one per person. `stakeholders` is how many the run has.
 */
export function effectLines(effects: readonly Effect[], stakeholders = 0): EffectLine[] {
  const groups = new Map<string, { effect: Effect; names: string[] }>();
  for (const e of effects) {
    // Too small to show as a number: a fraction of a point says nothing to a player.
    if (number(Math.abs(e.delta)) === '0') continue;
    const key = `${e.kind}|${e.delta}|${e.cause}`;
    const group = groups.get(key);
    if (group) {
      if (e.whoName && !group.names.includes(e.whoName)) group.names.push(e.whoName);
    } else groups.set(key, { effect: e, names: e.whoName ? [e.whoName] : [] });
  }
  const lines: EffectLine[] = [];
  for (const { effect, names } of groups.values()) {
    const who = names.length === 0 ? null : names.length > 1 && names.length === stakeholders ? 'every stakeholder' : listOf(names);
    const amount = amountOf(effect.kind, effect.delta);
    const up = effect.delta > 0;
    lines.push({
      kind: effect.kind,
      tone: effect.kind === 'debt' ? (up ? 'bad' : 'good') : up ? 'good' : 'bad',
      amount,
      who,
      cause: effect.cause,
      text: `${amount}${who ? ` for ${who}` : ''}: ${effect.cause}.`,
    });
  }
  return lines;
}

/** The lines as one announcement; empty when nothing moved. */
export function effectsSpeech(lines: readonly EffectLine[]): string {
  return lines.map((l) => l.text).join(' ');
}
