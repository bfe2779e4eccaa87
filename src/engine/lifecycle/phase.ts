import { initialTransition, transition, type StateValue } from 'xstate';
import { LISTING_ORDER, type ActionType } from '../model/actions';
import { lifecycleMachine, type LifecycleEvent, type LifecycleSnapshot } from './machine';

/** "sprint.execution.working" from { sprint: { execution: 'working' } }. */
export function phaseKey(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value)[0] ?? ['', ''];
  return v === undefined ? k : `${k}.${phaseKey(v as StateValue)}`;
}

function valueFromKey(key: string): StateValue {
  const parts = key.split('.');
  let v: StateValue = parts[parts.length - 1] ?? '';
  for (let i = parts.length - 2; i >= 0; i--) v = { [parts[i]!]: v };
  return v;
}

/*
 * The chart has no context and no guards, so a snapshot is fully described by its state value,
 * and the result of an event depends only on (phase, event). XState computes each answer
 * once; the engine then reuses it, which keeps a dispatch at a few microseconds.
 */
const snapshots = new Map<string, LifecycleSnapshot>();
const transitions = new Map<string, string>();
const legalCache = new Map<string, readonly ActionType[]>();

export const INITIAL_PHASE = phaseKey(initialTransition(lifecycleMachine)[0].value);

export function snapshotOf(key: string): LifecycleSnapshot {
  let s = snapshots.get(key);
  if (!s) {
    s = key === INITIAL_PHASE ? initialTransition(lifecycleMachine)[0] : lifecycleMachine.resolveState({ value: valueFromKey(key), context: {} });
    snapshots.set(key, s);
  }
  return s;
}

/** The phase after `event`; the same phase when the chart does not accept the event there. */
export function nextPhase(key: string, event: LifecycleEvent['type']): string {
  const memo = `${key}|${event}`;
  let next = transitions.get(memo);
  if (next === undefined) {
    const snapshot = snapshotOf(key);
    const after = transition(lifecycleMachine, snapshot, { type: event } as LifecycleEvent)[0];
    next = after === snapshot ? key : phaseKey(after.value);
    transitions.set(memo, next);
  }
  return next;
}

export function legalActionTypes(key: string): readonly ActionType[] {
  let legal = legalCache.get(key);
  if (!legal) {
    const snapshot = snapshotOf(key);
    legal = LISTING_ORDER.filter((type) => snapshot.can({ type }));
    legalCache.set(key, legal);
  }
  return legal;
}

export function isFinalPhase(key: string): boolean {
  return snapshotOf(key).status === 'done';
}
