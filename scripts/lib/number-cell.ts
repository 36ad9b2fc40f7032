/**
 * A number that an XLSX cell stores as a number reaches the count parser through ingest's
 * temporary CSV as this mark followed by the number in JavaScript notation ("\u001e2.125"). It is
 * then read exactly, whatever the file's number convention: thousands and decimal separators are
 * how text writes a number, and a number cell has none. Text never starts with the mark: the XLSX
 * reader holds XML 1.0, which cannot carry U+001E, and leaves an escaped `_x001E_` undecoded.
 */
export const NUMBER_CELL_MARK = '\u001e';

/**
 * Excel computes and shows numbers to 15 significant digits: a cell pasted as values from a
 * formula can store 1690.9999999999998 and show 1691 (binary floating point). The number is taken
 * as Excel shows it, rounded to 15 significant digits, so 1691 is read; 2.125 and 12.5 stay the
 * fractions they are (and are refused).
 */
export const EXCEL_SIGNIFICANT_DIGITS = 15;

export const numberCellText = (value: number): string =>
  `${NUMBER_CELL_MARK}${String(Number.isFinite(value) ? Number(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS)) : value)}`;

/** The number of a number cell's text; undefined for any other text. */
export function numberCellValue(raw: string): number | undefined {
  return raw.startsWith(NUMBER_CELL_MARK) ? Number(raw.slice(1)) : undefined;
}

/** SQL: true when the text column `raw` holds a number cell. */
export const isNumberCellSql = (raw: string): string => `starts_with(${raw}, chr(${NUMBER_CELL_MARK.charCodeAt(0)}))`;

/**
 * SQL: the text as an office sees it, for messages: a number cell as Indonesian Excel shows it
 * (2.125 → "2,125"), any other text as written.
 */
export const officeTextSql = (raw: string): string =>
  `CASE WHEN ${isNumberCellSql(raw)} THEN replace(substr(${raw}, 2), '.', ',') ELSE ${raw} END`;
