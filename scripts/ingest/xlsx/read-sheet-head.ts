/** The first rows of a sheet as text (row i + 1 at index i, padded to one width), to find its header. */
import { cellDisplayText } from './cell-text.ts';
import type { OpenWorkbook } from './open-workbook.ts';
import { readSheetRows, type SheetSource } from './read-sheet-rows.ts';
import type { SheetRow } from './sheet-cell.ts';
import { HEAD_ROWS } from './xlsx-header.ts';

export function headText(book: OpenWorkbook, rows: readonly SheetRow[]): string[][] {
  const head: string[][] = [];
  let width = 0;
  for (const { row, cells } of rows) {
    if (row > HEAD_ROWS) break;
    while (head.length < row - 1) head.push([]);
    head.push(Array.from(cells, (cell) => cellDisplayText(cell, book.dateSystem)));
    width = Math.max(width, cells.length);
  }
  for (const cells of head) while (cells.length < width) cells.push('');
  return head;
}

export async function readSheetHead(book: OpenWorkbook, sheet: SheetSource): Promise<string[][]> {
  const rows: SheetRow[] = [];
  await readSheetRows(book, sheet, (batch) => {
    rows.push(...batch.filter((r) => r.row <= HEAD_ROWS));
    return batch.some((r) => r.row > HEAD_ROWS);
  }, 'skip');
  return headText(book, rows);
}
