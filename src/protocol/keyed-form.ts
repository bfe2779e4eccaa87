import type { Json, JsonObject } from './merge-patch';

/*
 * The keyed form of a JSON value (docs/cli.md, "Observations as deltas"): the same value written
 * so that a JSON merge patch (RFC 7396) can say each change in it, small. A merge patch replaces
 * arrays whole and reads `null` as "remove this key", so in the keyed form:
 *   - `null` is `{"@null": true}`: a value that becomes null is a change like any other;
 *   - a non-empty array whose elements are all strings, or all objects with distinct string `id`s,
 *     is `{"@order": [slot numbers], "@slots": {"<slot>": <element>, ...}}`, read as
 *     `order.map(n => slots[n])`; a patch then names only new or changed elements and the order.
 *     Slots are never removed, so a listing that comes back after an interruption costs only its
 *     order;
 *   - an object key that starts with `@` gets one more `@` in front (`@x` is `@@x`), so these
 *     markers never clash with data.
 * Other arrays stay arrays. Pure, no I/O.
 */

const ORDER = '@order';
const SLOTS = '@slots';
const NULL = '@null';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `obj[key] = value`, safe for a key like `__proto__`. */
function put(obj: JsonObject, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

/** What an element of a keyable array is known by: its text, or its `id`; null when not keyable. */
function identity(e: Json | undefined): string | null {
  if (typeof e === 'string') return `s:${e}`;
  if (isObject(e) && typeof e.id === 'string') return `o:${e.id}`;
  return null;
}

function keyable(list: Json[]): boolean {
  if (list.length === 0) return false;
  if (list.every((e) => typeof e === 'string')) return true;
  const ids = new Set<string>();
  for (const e of list) {
    if (!isObject(e) || typeof e.id !== 'string' || ids.has(e.id)) return false;
    ids.add(e.id);
  }
  return true;
}

function isKeyedArray(v: Json | undefined): v is { '@order': number[]; '@slots': JsonObject } {
  return isObject(v) && Object.keys(v).length === 2 && Array.isArray(v[ORDER]) && isObject(v[SLOTS]);
}

/**
 * The keyed form of `value`. With `before` (the keyed form of the value it replaces), elements
 * keep their slots, matched by text or `id`, and slots no longer in the order stay, so the merge
 * patch from `before` to the result is small. Without it, slots are numbered 0, 1, 2... by
 * position: `keyedForm(doc)` is what a client computes from a full observation.
 */
export function keyedForm(value: Json, before?: Json): Json {
  if (value === null) return { [NULL]: true };
  if (Array.isArray(value)) return keyedArray(value, before);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const key = k.startsWith('@') ? `@${k}` : k;
    put(out, key, keyedForm(v, isObject(before) && Object.hasOwn(before, key) ? before[key] : undefined));
  }
  return out;
}

function keyedArray(list: Json[], before: Json | undefined): Json {
  const prior = isKeyedArray(before) ? before : null;
  if (!keyable(list) && !(prior && list.length === 0)) return list.map((e) => keyedForm(e));
  const slots: JsonObject = {};
  const known = new Map<string, number>();
  let next = 0;
  if (prior) {
    for (const [slot, e] of Object.entries(prior[SLOTS])) {
      put(slots, slot, e);
      const n = Number(slot);
      next = Math.max(next, n + 1);
      const id = identity(e);
      if (id !== null && !known.has(id)) known.set(id, n);
    }
  }
  const order = list.map((e) => {
    const n = known.get(identity(e)!) ?? next++;
    put(slots, String(n), keyedForm(e, Object.hasOwn(slots, String(n)) ? slots[String(n)] : undefined));
    return n;
  });
  return { [ORDER]: order, [SLOTS]: slots };
}

/** The value a keyed form stands for. Throws when an order names a slot that is not there. */
export function readKeyedForm(value: Json): Json {
  if (Array.isArray(value)) return value.map(readKeyedForm);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === NULL) return null;
  if (isKeyedArray(value)) {
    const slots = value[SLOTS];
    return value[ORDER].map((n) => {
      const key = String(n);
      if (!Object.hasOwn(slots, key)) throw new Error(`a keyed array lists slot ${key} in "@order" but "@slots" has no such slot`);
      return readKeyedForm(slots[key]!);
    });
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) put(out, k.startsWith('@') ? k.slice(1) : k, readKeyedForm(v));
  return out;
}
