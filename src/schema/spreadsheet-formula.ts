/**
 * Text a spreadsheet program would run as a formula ("CSV injection", OWASP): a cell that begins
 * with `=`, `+`, `-` or `@` (after any spaces), or with a tab or carriage return. The pipeline
 * refuses such text in free-text columns (`parse: 'text'`); every CSV the site writes passes its
 * text through `neutraliseFormula`. Declared once here because both sides need the same rule.
 * Numbers are never neutralised: a CSV writer passes them as numbers, and "-12" or "+5" in text is
 * a number to a spreadsheet program too, as is a lone dash (a printed table's "none").
 */
const FORMULA_START = /^[ \u00a0]*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
const LONE_DASH = /^\s*[-–—]\s*$/;

/** True when a spreadsheet program opening this text in a cell would read a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && !LONE_DASH.test(text);
}

/** The text as a CSV cell a spreadsheet program shows as text: a leading apostrophe before a formula start. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
