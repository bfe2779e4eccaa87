/**
 * A problem in a scenario file, located for the person who has to fix it.
 * `line` and `column` are 1-based; `path` is where inside the data (`backlog[3].truth.effort`),
 * empty when the problem is about the file as a whole (syntax, encoding, size).
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** One segment of a path into the data: a key or a list index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders a data path the way an author reads it: `backlog[3].truth.effort`, `team["odd key"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:column path: message`, the one-line form used by the CLI and tests. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.path === '' ? `${where} ${p.message}` : `${where} ${p.path}: ${p.message}`;
}

/** A problem about the file as a whole, at a given 1-based position (default: its start). */
export function fileProblem(file: string, message: string, line = 1, column = 1): Problem {
  return { file, line, column, path: '', message };
}

/**
 * Orders problems by position and keeps the first `max`, adding a note of how many were left
 * out of `total` (which may exceed `problems.length` when the caller already dropped some).
 */
export function capProblems(problems: Problem[], max: number, total = problems.length): Problem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  if (total <= max && sorted.length <= max) return sorted;
  const kept = sorted.slice(0, max);
  const last = kept[kept.length - 1];
  kept.push({
    file: last?.file ?? '',
    line: last?.line ?? 1,
    column: last?.column ?? 1,
    path: '',
    message: `${Math.max(total, sorted.length) - kept.length} more problems not shown; fix the ones above first`,
  });
  return kept;
}
