/*
 * JSON Merge Patch (RFC 7396): `applyMergePatch` is the RFC's algorithm; `mergePatch` builds the
 * patch that turns one JSON value into another, or says it cannot. Pure, no I/O.
 *
 * A merge patch cannot say everything: arrays are replaced whole (no element edits), and `null`
 * in a patch means "remove this key", so a patch can never set a key of an object to `null`.
 * `mergePatch` answers `undefined` (no patch) when the target holds such a null where the patch
 * would have to carry it; the caller then sends the whole document instead.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj[key] = value`, safe for a key like `__proto__` (JSON.parse makes it an own key too). */
function put(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** RFC 7396 section 2: the result of applying `patch` to `target`. Neither argument is changed. */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else put(result, key, applyMergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value));
  }
  return result;
}

/** True when two JSON values are equal (objects by keys, in any order; arrays element by element). */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** True when `value`, sent as (part of) a patch, would lose a null to the "remove" rule. */
function holdsObjectNull(value: Json): boolean {
  return isObject(value) && Object.values(value).some((v) => v === null || holdsObjectNull(v));
}

const NO_PATCH = undefined;

/**
 * The smallest merge patch `p` (key by key) with `applyMergePatch(from, p)` equal to `to`, or
 * `undefined` when none exists: when `to` has a `null` under an object key that changed. `{}`
 * when two objects are equal.
 */
export function mergePatch(from: Json, to: Json): Json | undefined {
  return diff(from, to);
}

function diff(from: Json | undefined, to: Json): Json | undefined {
  // A non-object patch replaces whatever was there (at the top level, null included).
  if (!isObject(to)) return to;
  // An object over a non-object starts from {}: every key of `to` must be said, nulls included.
  if (!isObject(from)) return holdsObjectNull(to) ? NO_PATCH : to;
  const patch: JsonObject = {};
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) put(patch, key, null);
  for (const [key, value] of Object.entries(to)) {
    const before = Object.hasOwn(from, key) ? from[key] : undefined;
    if (jsonEqual(before, value)) continue;
    if (value === null) return NO_PATCH; // "set to null" is "remove" in a merge patch
    const sub = diff(before, value);
    if (sub === NO_PATCH) return NO_PATCH;
    put(patch, key, sub);
  }
  return patch;
}
