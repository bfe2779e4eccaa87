/*
 * The agent protocol (docs/cli.md): message shapes and their builders, the input line decoder,
 * and the delta form of observations. Spoken by the CLI, the classroom server and the game; pure,
 * with type-only imports from the engine, so nothing Node-only comes in through here.
 */
export * from './messages';
export { decodeInput } from './decode-input';
export { applyMergePatch, jsonEqual, mergePatch, type Json, type JsonObject } from './merge-patch';
export { keyedForm, readKeyedForm } from './keyed-form';
export { createObservationDecoder, createObservationEncoder, OBSERVE_FORMS, type ObservationLine, type ObserveForm } from './observation-delta';
