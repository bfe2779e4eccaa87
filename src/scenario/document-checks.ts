import { isAlias, isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { MAX_DEPTH, MAX_NODES } from './limits';
import type { PathSegment } from './problem';

/*
 * Checks on a parsed YAML document that the yaml package does not make, or makes too slowly or
 * without a position. Each is linear (or budgeted) and iterative where input decides the depth.
 */

/**
 * Where a quoted scalar that is never closed begins. The yaml package reports the error at the
 * end of the file, where the scalar ends; the author needs the line where it was opened.
 */
export function unclosedQuoteStart(doc: Document.Parsed, errorOffset: number): number | null {
  let start: number | null = null;
  visit(doc, {
    Scalar(_key, node) {
      const [from, , to] = node.range ?? [];
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && from !== undefined && to !== undefined && from <= errorOffset && errorOffset <= to) {
        start = from;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/**
 * The first alias naming no anchor defined before it. Checked here because the yaml package
 * reports it only while converting, as an exception without a position.
 */
export function unresolvedAlias(doc: Document.Parsed): { name: string; offset: number } | null {
  const anchors = new Set<string>();
  let found: { name: string; offset: number } | null = null;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          found = { name: node.source, offset: node.range?.[0] ?? 0 };
          return visit.BREAK;
        }
      } else if (node.anchor) anchors.add(node.anchor);
      return undefined;
    },
  });
  return found;
}

/** Offset of the first key repeated within one mapping, or null. Linear, iterative. */
export function duplicateKey(doc: Document.Parsed): number | null {
  const stack: unknown[] = [doc.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        // Non-scalar keys cannot be compared cheaply; the schema rejects them as unknown keys anyway.
        if (isScalar(key)) {
          const name = String(key.value);
          if (seen.has(name)) return key.range?.[0] ?? 0;
          seen.add(name);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  return null;
}

/** A path into `value` that goes deeper than MAX_DEPTH, or a count over MAX_NODES; null if within both. */
export function measure(value: unknown): { kind: 'deep'; path: PathSegment[] } | { kind: 'many' } | null {
  // Iterative with a node budget: aliases make the value a graph (even a cycle), so
  // only the budget bounds the walk.
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  let nodes = 0;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (++nodes > MAX_NODES) return { kind: 'many' };
    const v = top.value;
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (top.path.length >= MAX_DEPTH) return { kind: 'deep', path: top.path };
    const entries: [PathSegment, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let k = entries.length - 1; k >= 0; k--) {
      const [key, child] = entries[k] ?? [0, null];
      stack.push({ value: child, path: [...top.path, key] });
    }
  }
  return null;
}
