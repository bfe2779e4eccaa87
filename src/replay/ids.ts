/**
 * Scenario ids and seeds that travel in links: the CLI's rule for `--seed` (src/cli/args.ts),
 * applied to both. Every id a scenario file may use and every seed the game makes fits it.
 */
export const LINK_ID_PATTERN = /^[A-Za-z0-9._-]{1,200}$/;

/** Null when `value` is a valid scenario id or seed for a link, else what is wrong, for people. */
export function linkIdProblem(what: 'scenario' | 'seed', value: unknown): string | null {
  if (typeof value === 'string' && LINK_ID_PATTERN.test(value)) return null;
  const found = typeof value === 'string' ? (value === '' ? 'nothing' : JSON.stringify(clip(value, 40))) : `a ${value === null ? 'null' : typeof value}`;
  return `${what}: expected 1-200 letters, digits, ".", "_" or "-", found ${found}`;
}

/** Keeps echoed input to a readable length. */
export function clip(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
