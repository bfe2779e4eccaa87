import type { ListedAction, Report, ReplayLog, Session, Step } from '../engine';
import { clip } from './errors';

/*
 * The agent protocol's messages (docs/cli.md): one JSON object per line. Pure functions of the
 * session, with no I/O, so another shell (the classroom server) can speak the same messages.
 */

export type ProtocolAction = Omit<ListedAction, 'action'>;

export interface ObservationMessage {
  type: 'observation';
  phase: string;
  observation: Step['observation'];
  actions: ProtocolAction[];
  done: boolean;
}

export interface ErrorMessage {
  type: 'error';
  /** The engine's error code, or `notJson`, `noAction`, `lineTooLong`, `notUtf8`, `internal`. */
  code: string;
  message: string;
}

export interface ResultMessage {
  type: 'result';
  report: Report;
  replay: ReplayLog;
  stateHash: string;
}

export type Message = ObservationMessage | ErrorMessage | ResultMessage;

/** Listed actions without the internal `action` copy: `params` already carries it. */
export function protocolAction(a: ListedAction): ProtocolAction {
  return { id: a.id, type: a.type, label: a.label, ...(a.cost !== undefined ? { cost: a.cost } : {}), params: a.params };
}

export function observationMessage(step: Step): ObservationMessage {
  return { type: 'observation', phase: step.phase, observation: step.observation, actions: step.actions.map(protocolAction), done: step.done };
}

export function errorMessage(code: string, message: string): ErrorMessage {
  return { type: 'error', code, message: clip(message) };
}

export function resultMessage(session: Session): ResultMessage {
  return { type: 'result', report: session.report(), replay: session.replayLog(), stateHash: session.stateHash() };
}

/**
 * Turns one input line into what `Session.dispatch` takes, or the error to answer with.
 * The engine checks the value (an object, a listed id, a valid action); this only catches what
 * is not JSON, and an object with neither key, where the engine's message would be less clear.
 */
export function decodeInput(text: string): { ok: true; input: unknown } | { ok: false; error: ErrorMessage } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: errorMessage('notJson', `the line is not JSON (${(e as Error).message}); send {"id":"<listed action id>"} or a full action object`) };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('id' in value) && !('type' in value))
    return { ok: false, error: errorMessage('noAction', 'the object has neither "id" (a listed action) nor "type" (a full action)') };
  return { ok: true, input: value };
}
