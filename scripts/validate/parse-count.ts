/**
 * Counts as offices write them. A file uses one number convention: Indonesian (1.234.567 and 7,5)
 * or English (1,234,567 and 7.5); `;`-delimited exports and XLSX are Indonesian. "-" (and en/em
 * dashes) mean zero, as in printed statistical tables. Like names, counts are parsed once per
 * distinct value, so 20 million rows cost a few thousand parses.
 */
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

export function parseCount(raw: string, convention: NumberConvention): ParsedCount {
  const s = raw.replace(/[\s\u00a0]+/g, '');
  if (s === '') return { value: null, status: 'blank' };
  if (DASHES.has(s)) return { value: 0, status: 'ok' };
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  let value: number;
  if (/^\d+$/.test(digits)) value = Number(digits);
  else if (convention === 'id' && (ID_THOUSANDS.test(digits) || /^\d+,\d+$/.test(digits))) value = Number(digits.replaceAll('.', '').replace(',', '.'));
  else if (convention === 'en' && (EN_THOUSANDS.test(digits) || /^\d+\.\d+$/.test(digits))) value = Number(digits.replaceAll(',', ''));
  else return { value: null, status: 'not-number' };
  if (negative) value = -value;
  if (!Number.isInteger(value)) return { value, status: 'fractional' };
  if (value < 0) return { value, status: 'negative' };
  if (!Number.isSafeInteger(value)) return { value: null, status: 'not-number' };
  return { value, status: 'ok' };
}
