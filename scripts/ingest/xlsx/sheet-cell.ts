/**
 * A cell as the workbook stores it, with its type: Excel keeps a number as a number (its
 * thousands and decimal separators are display only), text as text, and a formula's cached
 * error as an error value, whichever the cell's format.
 */
export type SheetCell =
  | { kind: 'text'; text: string }
  /** `dateFormatted`: the cell's number format shows a date, so `value` is a serial day number. */
  | { kind: 'number'; value: number; dateFormatted: boolean }
  | { kind: 'boolean'; value: boolean }
  /** A cached error value such as #REF! or #N/A. */
  | { kind: 'error'; code: string }
  /** A `t="d"` cell: an ISO 8601 date (rare; LibreOffice and Excel write serials). */
  | { kind: 'date'; iso: string };

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** By 0-based column; a hole is an empty cell. */
  cells: (SheetCell | undefined)[];
}

/** "A", "B", … "XFD" for a 0-based column. */
export function columnLetters(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}
