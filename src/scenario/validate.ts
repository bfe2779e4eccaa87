import { describeIssues } from './issues';
import { MAX_PROBLEMS } from './limits';
import { pathProblem, type Target } from './locate';
import type { ParsedSource } from './parse';
import { capProblems, type PathSegment, type Problem } from './problem';
import { scenarioDataFileSchema, type ScenarioDataFile } from './schema';
import { checkSemantics } from './semantic';

export type ValidateResult = { ok: true; data: ScenarioDataFile } | { ok: false; problems: Problem[] };

/** Positions findings in the source, one problem per offending value, capped at MAX_PROBLEMS. */
export function toProblems(parsed: ParsedSource, findings: readonly { path: PathSegment[]; message: string; target?: Target }[]): Problem[] {
  // Locate only what will be shown: each lookup walks the document.
  const shown = findings.slice(0, MAX_PROBLEMS).map((f) => pathProblem(parsed, f.path, f.message, f.target ?? 'value'));
  return capProblems(shown, MAX_PROBLEMS, findings.length);
}

/**
 * Validates a parsed file: the schema first (shape, types, ranges, unknown keys), then, only on
 * schema-valid data, the checks that span fields (semantic.ts). Semantic checks wait for the
 * schema because they rely on the shapes it guarantees.
 */
export function validateParsed(parsed: ParsedSource): ValidateResult {
  const result = scenarioDataFileSchema.safeParse(parsed.value);
  if (!result.success) {
    return { ok: false, problems: toProblems(parsed, describeIssues(result.error.issues, scenarioDataFileSchema, parsed.value, parsed.format)) };
  }
  const findings = checkSemantics(result.data);
  return findings.length === 0 ? { ok: true, data: result.data } : { ok: false, problems: toProblems(parsed, findings) };
}
