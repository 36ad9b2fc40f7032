/**
 * Whether a value is personal data (src/schema/personal-data.ts): a passport or NIK number, a name
 * after "a.n.", a birth date, an e-mail address or a phone number, anywhere in the text. The same
 * patterns run in JavaScript (on the distinct values validation already holds) and in DuckDB (over
 * the rows of a column nothing else reads).
 */
import { PERSONAL_VALUE_PATTERNS } from '../../src/schema/personal-data.ts';
import { sqlString } from '../lib/duckdb.ts';

const PATTERNS = PERSONAL_VALUE_PATTERNS.map((p) => ({ kind: p.kind, pattern: new RegExp(p.source, 'iu') }));

export interface PersonalValue {
  kind: string;
  /** The matching part, masked: each letter or digit after the first of a run becomes "•". */
  masked: string;
}

/** Keeps the first character of each run of letters or digits: "E1234567" → "E•••••••", "a.n. John Doe" → "a.n. J••• D••". */
export function maskPersonal(text: string): string {
  return text.trim().replace(/[\p{L}\p{N}]+/gu, (run) => run[0] + '•'.repeat(run.length - 1));
}

/** The first kind of personal data in a value, or null. */
export function personalValue(value: string): PersonalValue | null {
  for (const { kind, pattern } of PATTERNS) {
    const match = pattern.exec(value);
    if (match) return { kind, masked: maskPersonal(match[0]) };
  }
  return null;
}

/** The same test in DuckDB SQL (RE2): true where the text expression holds personal data. */
export function personalValueSql(text: string): string {
  return `regexp_matches(${text}, ${sqlString(`(?i)${PERSONAL_VALUE_PATTERNS.map((p) => `(${p.source})`).join('|')}`)})`;
}
