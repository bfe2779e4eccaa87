import { initialTransition, transition, type StateValue } from 'xstate';
import { ACTION_TYPES, type ActionType } from '../model/actions';
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

export function initialSnapshot(): LifecycleSnapshot {
  return initialTransition(lifecycleMachine)[0];
}

export function snapshotFromKey(key: string): LifecycleSnapshot {
  return lifecycleMachine.resolveState({ value: valueFromKey(key), context: {} });
}

/** Pure step of the statechart; returns the same snapshot when the event is not accepted. */
export function step(snapshot: LifecycleSnapshot, event: LifecycleEvent): LifecycleSnapshot {
  return transition(lifecycleMachine, snapshot, event)[0];
}

// The chart has no guards on player events, so legality depends on the state value alone
// and can be computed once per phase.
const legalCache = new Map<string, readonly ActionType[]>();

export function legalActionTypes(snapshot: LifecycleSnapshot): readonly ActionType[] {
  const key = phaseKey(snapshot.value);
  let legal = legalCache.get(key);
  if (!legal) {
    legal = ACTION_TYPES.filter((type) => snapshot.can({ type }));
    legalCache.set(key, legal);
  }
  return legal;
}

export function isFinal(snapshot: LifecycleSnapshot): boolean {
  return snapshot.status === 'done';
}
