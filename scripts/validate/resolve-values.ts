/**
 * Turns each distinct raw value of a column into its published value: a month, a date, or an
 * official code looked up by spelling. Only distinct values pass through JavaScript (a few
 * hundred even for 20 million rows); DuckDB joins the result back onto the rows.
 */
import { startsLikeFormula } from '../../src/schema/spreadsheet-formula.ts';
import type { ColumnSpec } from '../../src/schema/tables.ts';
import { AMBIGUOUS, type LookupKind, type Reference } from '../reference/load-reference.ts';
import { isExcelErrorValue } from '../lib/excel-error-value.ts';
import { normaliseSpelling, similarity } from '../lib/normalise-spelling.ts';
import { parseDate, parseMonth } from '../lib/parse-period.ts';
import { suggestRegion } from './suggest-region.ts';

/** ok: resolved; blank: empty; total/note: a subtotal row or a "Sumber:" note, not data. */
export type ValueStatus = 'ok' | 'blank' | 'total' | 'note' | 'unresolved' | 'ambiguous';

export interface ResolvedValue {
  raw: string;
  value: string | null;
  status: ValueStatus;
}

const TOTAL_WORDS = /^(jumlah|total|sub ?total|grand total|jumlah total|total keseluruhan)( |$)/;
const NOTE_WORDS = /^(sumber|catatan|keterangan|ket|note|notes|source)( |$)/;

export function resolveValue(column: ColumnSpec, raw: string, reference: Reference): ResolvedValue {
  const text = raw.trim();
  if (text === '') return { raw, value: null, status: 'blank' };
  const spelling = normaliseSpelling(text);
  if (column.parse !== 'text') {
    if (TOTAL_WORDS.test(spelling)) return { raw, value: null, status: 'total' };
    if (NOTE_WORDS.test(spelling) && /[:.]/.test(text)) return { raw, value: null, status: 'note' };
  }
  switch (column.parse) {
    case 'text':
      // Refused (see table-rules.ts): a spreadsheet opening a download would run it as a formula,
      // or it is a formula's error value rather than the text.
      if (startsLikeFormula(raw) || startsLikeFormula(text) || isExcelErrorValue(text)) return { raw, value: null, status: 'unresolved' };
      return { raw, value: text, status: 'ok' };
    case 'month': {
      const value = parseMonth(text);
      return { raw, value, status: value ? 'ok' : 'unresolved' };
    }
    case 'date': {
      const value = parseDate(text);
      return { raw, value, status: value ? 'ok' : 'unresolved' };
    }
    case 'count':
      throw new Error('counts are parsed in SQL, not here');
    default: {
      const found = reference.lookups[column.parse as LookupKind].get(spelling);
      if (found === AMBIGUOUS) return { raw, value: null, status: 'ambiguous' };
      return found === undefined ? { raw, value: null, status: 'unresolved' } : { raw, value: found, status: 'ok' };
    }
  }
}

/**
 * Words every office or checkpoint name shares: compared with them, "Kanim Garut" (a new office)
 * looked 73 % like "Kanim Jakut", and the message suggested Jakarta Utara. Names are compared
 * on the words that tell them apart.
 */
const GENERIC_WORDS = new Set(['kanim', 'kantor', 'imigrasi', 'kelas', 'i', 'ii', 'iii', 'khusus', 'tpi', 'non', 'bandara', 'bandar', 'udara', 'internasional', 'pelabuhan', 'plbn', 'pos', 'lintas', 'batas', 'negara', 'terpadu']);
const distinctive = (spelling: string) => spelling.split(' ').filter((w) => !GENERIC_WORDS.has(w)).join(' ') || spelling;

/** The closest known spelling, to suggest in an error message; none when nothing is close. */
export function suggestSpelling(column: ColumnSpec, raw: string, reference: Reference): string | null {
  if (['text', 'month', 'date', 'count'].includes(column.parse)) return null;
  if (column.parse === 'region') return suggestRegion(raw, reference);
  const named = column.parse === 'office' || column.parse === 'port';
  const target = named ? distinctive(normaliseSpelling(raw)) : normaliseSpelling(raw);
  let best: { spelling: string; code: string; score: number } | null = null;
  for (const [spelling, code] of reference.lookups[column.parse as LookupKind]) {
    if (code === AMBIGUOUS) continue;
    const score = similarity(target, named ? distinctive(spelling) : spelling);
    if (!best || score > best.score) best = { spelling, code, score };
  }
  // At most one slip in four letters: "bogorr" for "bogor", not "garut" for "jakut".
  return best && best.score >= 0.75 ? `${best.code} ("${best.spelling}")` : null;
}

/** What a column's values must be, in words, for error messages. */
export function expectedValue(column: ColumnSpec): string {
  switch (column.parse) {
    case 'month': return 'a month such as "2024-01" or "Januari 2024"';
    case 'date': return 'a date such as "15/01/2024" or "2024-01-15"';
    case 'port': return 'a checkpoint (TPI) listed in data/reference/ports.csv (code, name or alias)';
    case 'office': return 'an immigration office listed in data/reference/offices.csv (code, name or alias)';
    case 'country': return 'a country name (Indonesian or English) or ISO 3166-1 code';
    case 'region': return 'a Kemendagri region code (e.g. 36.72) or province/regency name';
    case 'text': return 'text';
    case 'count': return 'a whole number ≥ 0';
    default: return `one of the codes or labels of "${column.parse}" in src/schema/tables.ts`;
  }
}
