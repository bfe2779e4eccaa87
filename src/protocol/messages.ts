import type { ListedAction, Report, ReplayLog, Session, Step } from '../engine';
import type { Json } from './merge-patch';

/*
 * The agent protocol's messages (docs/cli.md): one JSON object per line. Pure functions of the
 * session, with no I/O, spoken by the CLI's `sim agent`, the classroom server and the game's
 * classroom client. Type-only imports from the engine: the game's bundle gets nothing from here
 * it does not already have.
 */

export type ProtocolAction = Omit<ListedAction, 'action'>;

/** The whole observation: what `sim agent` writes by default, and the classroom server always. */
export interface ObservationMessage {
  type: 'observation';
  phase: string;
  observation: Step['observation'];
  actions: ProtocolAction[];
  done: boolean;
}

/** `--observe delta`: a whole observation, which the next delta lines change. */
export interface FullObservationMessage extends ObservationMessage {
  form: 'full';
}

/** `--observe delta`: what changed since the last observation line, as a merge patch (docs/cli.md). */
export interface DeltaObservationMessage {
  type: 'observation';
  form: 'delta';
  patch: Json;
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

export type Message = ObservationMessage | FullObservationMessage | DeltaObservationMessage | ErrorMessage | ResultMessage;

/** Error messages may echo what a stranger sent: they are kept to a readable length. */
const MAX_MESSAGE = 500;

function clip(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE)}… (${text.length - MAX_MESSAGE} more characters)`;
}

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
