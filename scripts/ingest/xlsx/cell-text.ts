/**
 * How a cell is written into ingest's temporary CSV, by the role of its column. Counts: a number
 * cell in the exact form the count parser reads whatever the number convention (number-cell.ts),
 * text as written (the file's number convention applies to it). Months and dates: a serial day
 * number, in a date-formatted cell or bare, becomes an ISO date in the workbook's own date
 * system. Everything else: the text as Excel shows it in General format. A cached error (#REF!)
 * is written as its code, which validation names.
 */
import { numberCellText } from '../../lib/number-cell.ts';
import { excelSerialToIso } from '../../lib/excel-serial-date.ts';
import type { DateSystem } from './read-workbook-sheets.ts';
import type { SheetCell } from './sheet-cell.ts';

export type ColumnRole = 'count' | 'period' | 'other';

const SERIAL_TEXT = /^(\d{5})(?:[.,]0+)?$/;

const isoOf = (serial: number, dateSystem: DateSystem) => excelSerialToIso(Math.floor(serial), dateSystem);

/** The cell as text, for finding the header and for columns that are neither counts nor periods. */
export function cellDisplayText(cell: SheetCell | undefined, dateSystem: DateSystem): string {
  if (cell === undefined) return '';
  switch (cell.kind) {
    case 'text': return cell.text;
    case 'number': return (cell.dateFormatted ? isoOf(cell.value, dateSystem) : null) ?? String(cell.value);
    case 'boolean': return cell.value ? 'TRUE' : 'FALSE';
    case 'error': return cell.code;
    case 'date': return /^\d{4}-\d{2}-\d{2}/.test(cell.iso) ? cell.iso.slice(0, 10) : cell.iso;
  }
}

export function cellCsvText(cell: SheetCell | undefined, role: ColumnRole, dateSystem: DateSystem): string {
  if (cell === undefined) return '';
  if (role === 'count' && cell.kind === 'number') return numberCellText(cell.value);
  if (role === 'period') {
    if (cell.kind === 'number') return isoOf(cell.value, dateSystem) ?? String(cell.value);
    const serial = cell.kind === 'text' ? SERIAL_TEXT.exec(cell.text) : null;
    if (serial) return excelSerialToIso(Number(serial[1]), dateSystem) ?? serial[0];
  }
  return cellDisplayText(cell, dateSystem);
}
