import { z } from 'zod';
import { closest, describeFound, kindWord, quote } from './describe';
import type { Target } from './locate';
import type { SourceFormat } from './parse';
import type { PathSegment } from './problem';

/** One schema problem, not yet positioned: the path, which end of the entry, and the message. */
export interface IssueFinding {
  path: PathSegment[];
  target: Target;
  message: string;
}

type Schema = z.core.$ZodType;

function unwrap(s: Schema): Schema {
  let out = s;
  while (out instanceof z.ZodOptional) out = out.unwrap();
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Picks the branch of a discriminated union that `value` claims to be (by its `kind`). */
function branch(s: Schema, value: unknown): Schema | undefined {
  if (!(s instanceof z.ZodDiscriminatedUnion)) return s;
  const kind = isRecord(value) ? value.kind : undefined;
  return (s.options as Schema[]).find((o) => o instanceof z.ZodObject && (o.shape as Record<string, Schema>).kind instanceof z.ZodLiteral && (o.shape.kind as z.ZodLiteral).value === kind);
}

/** The schema that applies at `path` in `data`, or undefined where the schema has no opinion. */
export function schemaAt(root: Schema, data: unknown, path: readonly PathSegment[]): Schema | undefined {
  let s: Schema | undefined = unwrap(root);
  let v = data;
  for (const seg of path) {
    s = s && branch(s, v);
    if (s === undefined) return undefined;
    s = unwrap(s);
    if (s instanceof z.ZodObject && typeof seg === 'string' && Object.hasOwn(s.shape, seg)) s = (s.shape as Record<string, Schema>)[seg];
    else if (s instanceof z.ZodArray) s = s.element as Schema;
    else return undefined;
    v = isRecord(v) ? v[String(seg)] : Array.isArray(v) ? v[Number(seg)] : undefined;
  }
  return s && branch(unwrap(s), v);
}

/** Whether `path` exists in `data`, and what is there. */
export function valueAt(data: unknown, path: readonly PathSegment[]): { present: boolean; value: unknown } {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number' && seg < v.length) v = v[seg];
    else if (isRecord(v) && Object.hasOwn(v, seg)) v = v[String(seg)];
    else return { present: false, value: undefined };
  }
  return { present: true, value: v };
}

/** "a number from 0 to 1", "a whole number from 1 to 20", "a number greater than 0 and at most 1000". */
function numberPhrase(s: Schema | undefined): string {
  let lo: { value: number; inclusive: boolean } | undefined;
  let hi: { value: number; inclusive: boolean } | undefined;
  for (const check of s?._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; inclusive?: boolean };
    if (typeof def.value !== 'number') continue;
    if (def.check === 'greater_than') lo = { value: def.value, inclusive: def.inclusive ?? true };
    if (def.check === 'less_than') hi = { value: def.value, inclusive: def.inclusive ?? true };
  }
  const base = s instanceof z.ZodNumber && s.isInt ? 'a whole number' : 'a number';
  if (lo && hi && lo.inclusive && hi.inclusive) return `${base} from ${lo.value} to ${hi.value}`;
  const low = lo ? `${lo.inclusive ? 'at least' : 'greater than'} ${lo.value}` : '';
  const high = hi ? `${hi.inclusive ? 'at most' : 'less than'} ${hi.value}` : '';
  return [base, [low, high].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
}

function entries(n: number | bigint): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function expectedFor(issue: z.core.$ZodIssue, schema: Schema | undefined, format: SourceFormat): string {
  switch (issue.code) {
    case 'invalid_type':
      switch (issue.expected) {
        case 'number':
        case 'int':
          return numberPhrase(schema);
        case 'string':
          return 'text';
        case 'boolean':
          return 'true or false';
        case 'array':
          return kindWord('array', format);
        case 'object':
          return kindWord('object', format);
        default:
          return String(issue.expected);
      }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      if (issue.origin === 'number' || issue.origin === 'int') return numberPhrase(schema);
      if (issue.origin === 'string') return small && bound === 1 ? 'non-empty text' : `text of ${small ? 'at least' : 'at most'} ${bound} characters`;
      if (issue.origin === 'array') return `${kindWord('array', format)} of ${small ? 'at least' : 'at most'} ${entries(bound)}`;
      return issue.message;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      // Only the discriminated union (on `kind`) is used, so its options are the kinds.
      return 'options' in issue && issue.options ? `one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}` : issue.message;
    default:
      // Formats carry the phrase as their message (see schema.ts); anything else is rare enough
      // for zod's own wording.
      return issue.message;
  }
}

function foundFor(issue: z.core.$ZodIssue, data: unknown, format: SourceFormat): string {
  const { present, value } = valueAt(data, issue.path as PathSegment[]);
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'string' && typeof value === 'string' && value.length > 0) {
    return `text of ${value.length} characters`;
  }
  return describeFound(present, value, format);
}

/**
 * Turns zod issues into author-facing findings, one per offending value: `expected <what the
 * schema wants>, found <what the file has>`. Unknown keys become one finding per key, pointing at
 * the key, with the allowed keys and the likeliest intended one.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], root: Schema, data: unknown, format: SourceFormat): IssueFinding[] {
  const out: IssueFinding[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const s = schemaAt(root, data, path);
      const allowed = s instanceof z.ZodObject ? Object.keys(s.shape) : [];
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        // A key with spaces is usually text cut at a comma inside { } or [ ].
        const hint = guess
          ? ` (did you mean "${guess}"?)`
          : /\s/.test(key.trim())
            ? ' (if this is part of a text, put the whole text in quotes: inside { } and [ ] a comma starts a new entry)'
            : '';
        out.push({ path: [...path, key], target: 'key', message: `expected one of the keys ${allowed.join(', ')}, found the unknown key ${quote(key)}${hint}` });
      }
      continue;
    }
    const schema = schemaAt(root, data, path);
    out.push({ path, target: 'value', message: `expected ${expectedFor(issue, schema, format)}, found ${foundFor(issue, data, format)}` });
  }
  return out;
}
