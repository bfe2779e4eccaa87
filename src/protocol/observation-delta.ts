import { keyedForm, readKeyedForm } from './keyed-form';
import { applyMergePatch, mergePatch, type Json, type JsonObject } from './merge-patch';
import type { DeltaObservationMessage, FullObservationMessage, ObservationMessage } from './messages';

/*
 * `sim agent --observe delta` (docs/cli.md, "Observations as deltas"): the first observation line
 * is whole (`"form":"full"`); each later one is `{"type":"observation","form":"delta","patch":P}`,
 * where P is a JSON merge patch (RFC 7396) over the keyed form (./keyed-form.ts) of the last
 * observation's `{phase, observation, actions, done}`. A delta that would be longer than the whole
 * observation is sent whole instead, and the next delta builds on that one.
 */

export const OBSERVE_FORMS = ['full', 'delta'] as const;
export type ObserveForm = (typeof OBSERVE_FORMS)[number];

export type ObservationLine = ObservationMessage | FullObservationMessage | DeltaObservationMessage;

/** The part of an observation message a delta changes. */
function body(m: ObservationMessage | FullObservationMessage): JsonObject {
  const { type: _type, ...rest } = m as ObservationMessage & { form?: string };
  delete rest.form;
  return JSON.parse(JSON.stringify(rest)) as JsonObject;
}

/**
 * Turns each observation into the line to write (JSON, no newline). `full` writes every
 * observation whole, as before; `delta` writes the first whole and then only what changed.
 */
export function createObservationEncoder(form: ObserveForm): (m: ObservationMessage) => string {
  if (form === 'full') return (m) => JSON.stringify(m);
  let state: Json | undefined;
  return (m) => {
    const doc = body(m);
    const whole = JSON.stringify({ type: 'observation', form: 'full', ...doc } as FullObservationMessage);
    if (state !== undefined) {
      const next = keyedForm(doc, state);
      // The keyed form has no null under a key, so a merge patch always exists.
      const patch = mergePatch(state, next);
      if (patch === undefined) throw new Error('internal: no merge patch between two keyed forms');
      const delta = JSON.stringify({ type: 'observation', form: 'delta', patch } satisfies DeltaObservationMessage);
      if (delta.length < whole.length) {
        state = next;
        return delta;
      }
    }
    state = keyedForm(doc);
    return whole;
  };
}

/**
 * The client's side: turns each observation line (parsed) back into the whole observation.
 * Throws on a delta before any whole observation.
 */
export function createObservationDecoder(): (m: ObservationLine) => ObservationMessage {
  let state: Json | undefined;
  return (m) => {
    if (!('form' in m) || m.form === 'full') state = keyedForm(body(m));
    else if (state === undefined) throw new Error('a delta observation came before any whole one');
    else state = applyMergePatch(state, m.patch);
    return { type: 'observation', ...(readKeyedForm(state) as object) } as ObservationMessage;
  };
}
