/**
 * Whether a number format shows a date: Excel stores a date as a number of days (a serial), and
 * only the cell's format says it is one. Built-in formats 14–17 and 22 are dates in every locale,
 * 27–31, 36 and 50–58 in East Asian ones; a custom format is a date when, outside quoted text,
 * escapes and [brackets], it has a day or year, or months without hours or seconds ("mmmm").
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILT_IN_DATE_FORMATS.has(numFmtId);
  const section = formatCode.split(';')[0] ?? '';
  if (/\[(h+|m+|s+)\]/i.test(section)) return false; // elapsed time: [h]:mm
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/[_*]./g, '');
  if (/[dy]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
}
