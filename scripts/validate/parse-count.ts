/**
 * Counts as offices write them. A number cell of an XLSX export is a number, read exactly
 * (lib/number-cell.ts): the conventions below are how *text* writes numbers. A file uses one
 * number convention: Indonesian (1.234.567 and 7,5) or English (1,234,567 and 7.5); `;`-delimited
 * exports and XLSX text are Indonesian. A whole number may carry a zero fraction ("3769,0", and
 * "3769.0" where "." cannot be a thousands separator), but "3,000" in an Indonesian file is refused:
 * 3 with a decimal comma, or 3000 with an English thousands separator? "-" (and en/em dashes) mean
 * zero, as in printed statistical tables. Like names, counts are parsed once per distinct value,
 * so 20 million rows cost a few thousand parses.
 */
import { numberCellValue } from '../lib/number-cell.ts';

export type NumberConvention = 'id' | 'en';

export type CountStatus = 'ok' | 'blank' | 'not-number' | 'negative' | 'fractional';

export interface ParsedCount {
  value: number | null;
  status: CountStatus;
}

const ID_THOUSANDS = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const EN_THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const DASHES = new Set(['-', '–', '—']);

/**
 * Indonesian unless the file is not `;`-delimited and its values use English thousands
 * separators only. Both kinds in one file is ambiguous and is reported by the caller.
 */
export function detectNumberConvention(values: Iterable<string>, delimiter: string): { convention: NumberConvention; idExample?: string; enExample?: string } {
  let idExample: string | undefined;
  let enExample: string | undefined;
  for (const raw of values) {
    const v = raw.trim().replace(/^-/, '');
    if (!idExample && ID_THOUSANDS.test(v)) idExample = raw;
    if (!enExample && EN_THOUSANDS.test(v)) enExample = raw;
  }
  const convention: NumberConvention = delimiter !== ';' && enExample !== undefined && idExample === undefined ? 'en' : 'id';
  return { convention, ...(idExample ? { idExample } : {}), ...(enExample ? { enExample } : {}) };
}

/** A whole number with a zero fraction, written with the other convention's decimal separator: 3769.0 in an Indonesian file. */
const ZERO_FRACTION: Record<NumberConvention, RegExp> = { id: /^\d+\.0+$/, en: /^\d+,0+$/ };
/** Digits that read as one thousands group of the other convention: 3,000 in an Indonesian file. */
const OTHER_THOUSANDS: Record<NumberConvention, RegExp> = { id: /^\d{1,3},\d{3}$/, en: /^\d{1,3}\.\d{3}$/ };

/** The status of a number read. */
function classify(value: number): ParsedCount {
  if (!Number.isFinite(value)) return { value: null, status: 'not-number' };
  if (!Number.isInteger(value)) return { value, status: 'fractional' };
  if (value < 0) return { value, status: 'negative' };
  if (!Number.isSafeInteger(value)) return { value: null, status: 'not-number' };
  return { value: value + 0, status: 'ok' }; // -0 → 0
}

/** The number text writes, by the file's convention; null when it is not one. */
function textValue(digits: string, convention: NumberConvention): number | null {
  if (/^\d+$/.test(digits)) return Number(digits);
  if (convention === 'id' && (ID_THOUSANDS.test(digits) || /^\d+,\d+$/.test(digits))) return Number(digits.replaceAll('.', '').replace(',', '.'));
  if (convention === 'en' && (EN_THOUSANDS.test(digits) || /^\d+\.\d+$/.test(digits))) return Number(digits.replaceAll(',', ''));
  if (ZERO_FRACTION[convention].test(digits)) return Number(digits.replace(',', '.'));
  return null;
}

export function parseCount(raw: string, convention: NumberConvention): ParsedCount {
  const cell = numberCellValue(raw);
  if (cell !== undefined) return classify(cell);
  const s = raw.replace(/[\s\u00a0]+/g, '');
  if (s === '') return { value: null, status: 'blank' };
  if (DASHES.has(s)) return { value: 0, status: 'ok' };
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  const value = textValue(digits, convention);
  if (value === null) return { value: null, status: 'not-number' };
  // "1,234" or "3,000" in an Indonesian file: never the whole number 1234 or 3000 it looks like.
  if (OTHER_THOUSANDS[convention].test(digits)) return { value: negative ? -value : value, status: 'fractional' };
  return classify(negative ? -value : value);
}
