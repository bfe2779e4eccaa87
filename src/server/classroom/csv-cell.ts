/**
 * One CSV cell that is safe in any spreadsheet, whichever delimiter it splits on (`,` in most
 * locales, `;` in many, a tab when pasted):
 * - a formula start (= + - @ tab CR) at the start of the text, or after any delimiter, gets a
 *   leading quote, so no piece of the text is ever run as a formula;
 * - a cell holding a delimiter, a quote or a line break is quoted (quotes doubled).
 * Numbers are written as numbers (a negative number is a number, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
// A delimiter, any spaces, then a formula start: `x;=cmd|' /C calc'!A0` → `x;'=cmd|' /C calc'!A0`.
const FORMULA_AFTER_DELIMITER = /([,;\t|])(\s*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t\r\n|]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = text.replace(FORMULA_AFTER_DELIMITER, "$1$2'");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
