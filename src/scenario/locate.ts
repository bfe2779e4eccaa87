import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ParsedSource } from './parse';
import { formatPath, type PathSegment, type Problem } from './problem';

/** Point at a mapping entry's value (most problems) or at its key (unknown keys). */
export type Target = 'value' | 'key';

function keyMatches(key: unknown, seg: PathSegment): boolean {
  return isScalar(key) && String(key.value) === String(seg);
}

/**
 * 1-based line and column in the source of the value at `path` (or of its key, for
 * `target: 'key'`). Where the path leaves the document (a missing field), it gives the position
 * of the deepest node that exists, which is the mapping the field is missing from.
 */
export function pathPosition(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PathSegment[], target: Target = 'value'): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    // Bounded: an alias chain is no longer than the document's alias count.
    for (let hops = 0; isAlias(node) && hops < 1000; hops++) node = node.resolve(doc);
    const seg = path[i] as PathSegment;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, seg));
      if (!pair) break;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (i === path.length - 1 && target === 'key' && keyStart !== undefined) {
        offset = keyStart;
        break;
      }
      next = pair.value;
      // `key:` with nothing after it has no value node to point at; the key is the next best.
      if (keyStart !== undefined) offset = keyStart;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    } else break;
    const start = (next as Node | null)?.range?.[0];
    if (start === undefined) break;
    node = next;
    offset = start;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** A problem at a data path, positioned in the parsed file's source. */
export function pathProblem(parsed: ParsedSource, path: readonly PathSegment[], message: string, target: Target = 'value'): Problem {
  const { line, column } = pathPosition(parsed.doc, parsed.lineCounter, path, target);
  return { file: parsed.file, line, column, path: formatPath(path), message };
}
