import { errorMessage, type ErrorMessage } from './messages';

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
