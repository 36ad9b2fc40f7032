/**
 * SQL text for DuckDB, written the one way: a string literal and an identifier, quotes doubled.
 * Runtime-neutral (no Node, no DOM), so the pipeline scripts, the site build and the browser all
 * import it from here.
 */

/** A SQL string literal: `O'Brien` → `'O''Brien'`. */
export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A SQL identifier: `count` → `"count"`, any `"` doubled. */
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Texts as comma-separated SQL string literals, for `IN (…)`, `ENUM (…)` or a list `[…]`: `a, O'Brien` → `'a', 'O''Brien'`. */
export const sqlStringList = (texts: readonly string[]): string => texts.map(sqlString).join(', ');
