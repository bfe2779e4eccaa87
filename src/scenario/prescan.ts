import { CST, Lexer } from 'yaml';
import { MAX_ALIASES, MAX_DEPTH_ESTIMATE, MAX_NODES } from './limits';

/** What the pre-scan found that makes a file unsafe or pointless to compose, and where. */
export type PrescanFinding =
  | { kind: 'deep'; offset: number }
  | { kind: 'aliases'; offset: number }
  | { kind: 'many'; offset: number }
  | { kind: 'strayClose'; offset: number; token: string };

const BLOCK_INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const SCALARS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header']);
const LAYOUT = new Set(['space', 'newline', 'comment', 'doc-mode', 'flow-error-end', 'byte-order-mark']);
/** Keys and values are both scalar tokens, so a file within MAX_NODES has at most about twice as many. */
const MAX_SCALARS = 2 * MAX_NODES;
/** Punctuation (`,`, `:`, `-`, `[`, anchors, tags, `---`) per value is small; past this, it is junk. */
const MAX_OTHER_TOKENS = 4 * MAX_NODES;

/**
 * Stops files the yaml composer cannot take safely, using only the yaml lexer (linear, iterative).
 * - Nesting: the composer recurses per level and runs out of memory, not just stack, on input
 *   like a megabyte of `[`. The estimate (open flow brackets + indentation + block indicators on
 *   the line) is never below the real depth, since each block level needs more indentation or
 *   another `-`/`?`/`:` on the same line; it may be above, hence the loose MAX_DEPTH_ESTIMATE.
 * - Aliases: resolving them costs time quadratic in their number (yaml 2.9 scans all earlier
 *   anchors per alias), and they are how expansion bombs are built.
 * - Volume: composing costs ~2 s per MiB of tiny values, and junk makes one error object per
 *   token; a file with far more tokens than a scenario could use is stopped here instead.
 * - A `]` or `}` with no open bracket is always a YAML error; junk made of them is the worst case
 *   for error volume, so the first one is reported here.
 * Returns the first finding, or null.
 */
export function prescan(text: string): PrescanFinding | null {
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let aliases = 0;
  let scalars = 0;
  let others = 0;
  let atLineStart = true;
  let inScalar = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    const start = offset;
    if (type === 'scalar') {
      // A marker with no source text; the next token is scalar source (for block scalars, the
      // whole body): text, not structure.
      inScalar = true;
      if (++scalars > MAX_SCALARS) return { kind: 'many', offset: start };
      continue;
    }
    offset += token.length;
    if (inScalar) {
      inScalar = false;
      atLineStart = false;
      continue;
    }
    if (type === 'newline') {
      indent = 0;
      indicators = 0;
      atLineStart = true;
      continue;
    }
    if (type === 'space' && atLineStart) {
      indent = token.length;
      atLineStart = false;
      continue;
    }
    atLineStart = false;
    if (type !== null && LAYOUT.has(type)) continue;
    if (type !== null && SCALARS.has(type)) {
      if (++scalars > MAX_SCALARS) return { kind: 'many', offset: start };
      continue;
    }
    if (++others > MAX_OTHER_TOKENS) return { kind: 'many', offset: start };
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      if (flow === 0) return { kind: 'strayClose', offset: start, token };
      flow--;
    } else if (type === 'alias' && ++aliases > MAX_ALIASES) return { kind: 'aliases', offset: start };
    // Inside brackets there is no block structure, so `:` and `-` there add no depth.
    else if (flow === 0 && type !== null && BLOCK_INDICATORS.has(type)) indicators++;
    if (flow + indent + indicators > MAX_DEPTH_ESTIMATE) return { kind: 'deep', offset: start };
  }
  return null;
}
