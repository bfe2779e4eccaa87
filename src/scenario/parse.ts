import { LineCounter, parseDocument, type Document } from 'yaml';
import { textPosition } from './decode';
import { duplicateKey, measure, unclosedQuoteStart, unresolvedAlias } from './document-checks';
import { checkJsonSyntax } from './json-syntax';
import { MAX_ALIASES, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_NODES, MAX_PROBLEMS } from './limits';
import { pathProblem } from './locate';
import { prescan, type PrescanFinding } from './prescan';
import { capProblems, fileProblem, type Problem } from './problem';

/** The two formats scenario files come in; JSON is parsed as YAML but keeps JSON's rules. */
export type SourceFormat = 'yaml' | 'json';

/** A parsed file: its plain value plus the document, for finding source positions later. */
export interface ParsedSource {
  file: string;
  format: SourceFormat;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type ParseResult = { ok: true; parsed: ParsedSource } | { ok: false; problems: Problem[] };

/** `.json` files are JSON; everything else (`.yaml`, `.yml`, unnamed text) is YAML. */
export function formatOf(file: string): SourceFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

function at(file: string, text: string, offset: number, message: string): Problem {
  const { line, column } = textPosition(text, offset);
  return fileProblem(file, message, line, column);
}

function prescanMessage(finding: PrescanFinding, label: string): string {
  switch (finding.kind) {
    case 'deep':
      return `nested too deeply: expected at most ${MAX_DEPTH} levels of lists and mappings, found far more`;
    case 'aliases':
      return `too many aliases: expected at most ${MAX_ALIASES} uses of *anchor, found more`;
    case 'many':
      return `too many values: expected at most ${MAX_NODES}, found far more`;
    case 'strayClose':
      return `${label} syntax error: found "${finding.token}" with no open bracket before it`;
    default: {
      const unknown: never = finding;
      return unknown;
    }
  }
}

/** The yaml package's wording, except where it speaks to programmers rather than authors. */
function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'expected one document, found another after a --- line';
    case 'TAG_RESOLVE_FAILED':
      return `${message} (scenario files use no !tags; remove it)`;
    default:
      return message;
  }
}

/**
 * Runs `fn` with V8's stack capture off. The yaml package makes an Error per syntax error, and
 * on junk input capturing their stacks is most of the cost (14 s against 2 s per MiB); the
 * stacks are never shown. Synchronous, so nothing else runs while the global is changed.
 */
function withoutStackTraces<T>(fn: () => T): T {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

/**
 * Parses a scenario file's text (already decoded) into a plain value, with limits so a hostile
 * or broken file gets a clear problem instead of a hang or a crash: nesting, aliases and number
 * of values are bounded; YAML and JSON syntax errors come back with their line and column.
 */
export function parseSource(text: string, file: string): ParseResult {
  const format = formatOf(file);
  const label = format === 'json' ? 'JSON' : 'YAML';
  const fail = (...problems: Problem[]): ParseResult => ({ ok: false, problems });

  if (text.trim() === '') {
    return fail(fileProblem(file, 'expected a scenario or a campaign (a mapping with kind: scenario or kind: campaign), found an empty file'));
  }
  // JSON first: its checker is linear and iterative and speaks JSON, so a broken .json file
  // gets a JSON message rather than a YAML one.
  if (format === 'json') {
    const err = checkJsonSyntax(text);
    if (err) return fail(at(file, text, err.offset, `JSON syntax error: ${err.message}`));
  }
  const finding = prescan(text);
  if (finding) return fail(at(file, text, finding.offset, prescanMessage(finding, label)));

  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print warnings to the console;
  // we report them as problems instead.
  const doc = withoutStackTraces(() =>
    // uniqueKeys: false because the yaml package checks it in quadratic time; duplicateKey()
    // below does the same in linear time.
    parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: false, version: '1.2' }),
  );
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) {
    // Junk can hold an error per character: position only those that will be shown.
    const shown = syntax.slice(0, MAX_PROBLEMS).map((e) => {
      const quoteStart = e.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, e.pos[0]) : null;
      const { line, col } = lineCounter.linePos(quoteStart ?? e.pos[0]);
      const message = quoteStart === null ? yamlMessage(e.code, e.message) : `the quote opened here is never closed (${e.message})`;
      return fileProblem(file, `${label} syntax error: ${message}`, line, col);
    });
    return fail(...capProblems(shown, MAX_PROBLEMS, syntax.length));
  }
  if (doc.contents === null) {
    return fail(fileProblem(file, 'expected a scenario or a campaign (a mapping with kind: scenario or kind: campaign), found only comments'));
  }
  const dup = duplicateKey(doc);
  if (dup !== null) {
    const { line, col } = lineCounter.linePos(dup);
    return fail(fileProblem(file, `${label} syntax error: duplicate key: each key may appear only once in ${format === 'json' ? 'an object' : 'a mapping'}`, line, col));
  }

  const alias = unresolvedAlias(doc);
  if (alias) {
    const { line, col } = lineCounter.linePos(alias.offset);
    return fail(fileProblem(file, `${label} syntax error: expected an anchor &${alias.name} before the alias *${alias.name}, found none`, line, col));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Unresolved aliases were ruled out above, so this is the expansion limit.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      return fail(fileProblem(file, `aliases expand too much: expected anchors reused a modest number of times (weighing aliases inside aliases, at most ${MAX_ALIAS_COUNT}), found more; is this an alias bomb?`));
    }
    throw e;
  }
  const size = measure(value);
  if (size?.kind === 'many') return fail(fileProblem(file, `too many values: expected at most ${MAX_NODES} (counting each alias use), found more`));
  const parsed: ParsedSource = { file, format, value, doc, lineCounter };
  if (size?.kind === 'deep') {
    return fail(pathProblem(parsed, size.path, `nested too deeply: expected at most ${MAX_DEPTH} levels of lists and mappings, found more`));
  }
  return { ok: true, parsed };
}
