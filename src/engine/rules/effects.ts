import type { Draft } from 'immer';
import type { Scenario } from '../model/scenario';
import type { GameState } from '../model/state';
import { round2 } from './formulas';

/**
 * Consequences the player should see as they happen: every change to a stakeholder's trust, the
 * team's morale, technical debt, value realised and Product Goal progress, with its cause in words.
 * Effects are collected beside the state, never in it, so saves and state hashes stay as they were.
 */

export type EffectKind = 'trust' | 'morale' | 'debt' | 'value' | 'goal';

export interface Effect {
  kind: EffectKind;
  /** Trust only: the stakeholder whose trust changed, and their name for people. */
  who?: string;
  whoName?: string;
  /** The change as applied (after the 0..100 limits). Goal progress counts points of released work. */
  delta: number;
  /** Why, written for a person: "Rosa Marin asked for \"Order ahead\", and it is Done". */
  cause: string;
}

interface Sink {
  draft: object;
  effects: Effect[];
  scenario: Scenario;
}

/*
 * The collector of the dispatch under way. Dispatches run one at a time and each sets its own,
 * tied to its root draft, so a helper called on any other draft records nothing. (A WeakMap keyed
 * by the draft cost about 5 µs a dispatch in garbage collection; this costs nothing.)
 */
let sink: Sink | null = null;

/** Starts collecting the effects of one dispatch into `effects`. Without it, helpers only change the state. */
export function collectEffects(draft: Draft<GameState>, scenario: Scenario, effects: Effect[]): void {
  sink = { draft, effects, scenario };
}

function record(draft: Draft<GameState>, kind: EffectKind, delta: number, cause: string, who?: string): void {
  if (!sink || sink.draft !== draft || delta === 0) return;
  if (who === undefined) {
    sink.effects.push({ kind, delta, cause });
    return;
  }
  const whoName = sink.scenario.stakeholders.find((s) => s.id === who)?.name ?? 'A stakeholder';
  sink.effects.push({ kind, who, whoName, delta, cause });
}

/** Trust, morale and debt live on a 0..100 scale. */
function clamp(x: number): number {
  return Math.min(100, Math.max(0, round2(x)));
}

/** Changes one stakeholder's trust; a stakeholder the run does not track is left alone. */
export function adjustTrust(draft: Draft<GameState>, who: string, delta: number, cause: string): void {
  const before = draft.trust[who];
  if (before === undefined) return;
  const after = clamp(before + delta);
  draft.trust[who] = after;
  record(draft, 'trust', round2(after - before), cause, who);
}

/** The same change for every stakeholder: one effect each, since each may be at a different level. */
export function adjustEveryonesTrust(draft: Draft<GameState>, delta: number, cause: string): void {
  for (const id of Object.keys(draft.trust)) adjustTrust(draft, id, delta, cause);
}

/** Sets morale to a value the caller worked out (some rules bound it differently), and records the change. */
export function setMorale(draft: Draft<GameState>, value: number, cause: string): void {
  const before = draft.team.morale;
  draft.team.morale = value;
  record(draft, 'morale', round2(value - before), cause);
}

export function adjustMorale(draft: Draft<GameState>, delta: number, cause: string): void {
  setMorale(draft, clamp(draft.team.morale + delta), cause);
}

export function adjustDebt(draft: Draft<GameState>, delta: number, cause: string): void {
  const before = draft.team.techDebt;
  const after = clamp(before + delta);
  draft.team.techDebt = after;
  record(draft, 'debt', round2(after - before), cause);
}

/** Value that reached users. Not bounded: it is a running total. */
export function addValue(draft: Draft<GameState>, value: number, cause: string): void {
  const before = draft.valueRealised;
  draft.valueRealised = round2(before + value);
  record(draft, 'value', round2(draft.valueRealised - before), cause);
}

/** Points of released work that moved the Product Goal. Progress is read from the items; this only tells. */
export function recordGoalProgress(draft: Draft<GameState>, points: number, cause: string): void {
  record(draft, 'goal', round2(points), cause);
}
