/**
 * The XLSX branch of ingest: one sheet of a workbook becomes a temporary `;`-delimited CSV of its
 * data rows, which DuckDB then reads like any CSV export. The sheet is streamed: its first rows
 * are held to find the header, every later row is written out as it is parsed, so memory stays
 * bounded however long the sheet. Each cell is written by its column's role (cell-text.ts).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { TableSpec } from '../../../src/schema/tables.ts';
import type { PipelineIssue } from '../../lib/pipeline-issue.ts';
import { mapHeaders } from '../map-headers.ts';
import { cellCsvText, type ColumnRole } from './cell-text.ts';
import { chooseSheet } from './choose-sheet.ts';
import { findCrossTab } from '../cross-tab-layout.ts';
import { openWorkbook, type OpenWorkbook } from './open-workbook.ts';
import { headText } from './read-sheet-head.ts';
import { readSheetRows, type SheetSource } from './read-sheet-rows.ts';
import type { SheetRow } from './sheet-cell.ts';
import { findXlsxHeader, HEAD_ROWS, type XlsxHeader } from './xlsx-header.ts';
import { RESAVE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

export interface IngestedXlsx {
  /** The data rows as CSV: `;`-delimited, every field quoted, no header. */
  csvPath: string;
  header: string[];
  /** 0-based sheet row of the header. */
  headerLine: number;
  format: string;
  /** Sheet row (1-based) of each data row written, by data row index. */
  sheetRows: number[];
  /** Rows above the header (titles), their cells joined. */
  titleLines: string[];
}

export interface XlsxIngestOptions {
  /** The sheet to read, as snapshot.json names it; otherwise the only visible one that has the table. */
  sheet?: string;
}

const fileIssue = (file: string, code: string, found: string, fix: string): PipelineIssue => ({ severity: 'error', code, file, found, fix });

const quote = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

function columnRoles(spec: TableSpec, header: XlsxHeader, file: string): ColumnRole[] {
  const roles: ColumnRole[] = header.header.map(() => 'other');
  for (const [name, index] of mapHeaders(spec, header.header, file, header.headerLine + 1).indexOf) {
    const column = spec.rawColumns.find((c) => c.name === name)!;
    roles[index] = column.isCount ? 'count' : column.parse === 'month' || column.parse === 'date' ? 'period' : 'other';
  }
  // A cross-tab's cells and its total column hold counts (a number cell is read exactly).
  const crossTab = findCrossTab(spec, header.header, [], file, header.headerLine + 1);
  for (const cell of crossTab?.spread ?? []) roles[cell.index] = 'count';
  if (crossTab?.totalIndex != null) roles[crossTab.totalIndex] = 'count';
  return roles;
}

/** Streams the sheet into `csvPath`; null when the sheet has no header (an issue says why). */
async function writeDataRows(book: OpenWorkbook, spec: TableSpec, sheet: SheetSource, file: string, csvPath: string): Promise<{ header: XlsxHeader; sheetRows: number[]; titleLines: string[] } | PipelineIssue> {
  const head: SheetRow[] = [];
  const sheetRows: number[] = [];
  let header: XlsxHeader | null | undefined;
  let roles: ColumnRole[] = [];
  let dataStart = 0;
  let titleLines: string[] = [];
  const out = createWriteStream(csvPath);
  // A write error ends the read below; one after a refusal (the stream destroyed) is of no use.
  let writeError: Error | null = null;
  out.on('error', (error) => { writeError ??= error; });
  const lines: string[] = [];
  const addRow = (row: SheetRow) => {
    if (row.row <= dataStart) return;
    let line = '';
    let empty = true;
    for (let i = 0; i < roles.length; i++) {
      const text = cellCsvText(row.cells[i], roles[i]!, book.dateSystem);
      if (text !== '') empty = false;
      line += i === 0 ? quote(text) : `;${quote(text)}`;
    }
    if (empty) return;
    sheetRows.push(row.row);
    lines.push(line);
  };
  const decide = () => {
    const text = headText(book, head);
    header = findXlsxHeader(text);
    if (!header) return;
    titleLines = text.slice(0, header.headerLine).map((cells) => cells.filter((c) => c !== '').join(' ')).filter((line) => line !== '');
    dataStart = header.headerLine + (header.secondHeader ? 2 : 1);
    roles = columnRoles(spec, header, file);
    head.forEach(addRow);
  };
  try {
    await readSheetRows(book, sheet, async (rows) => {
      for (const row of rows) {
        if (header === undefined) {
          if (row.row <= HEAD_ROWS) { head.push(row); continue; }
          decide();
          if (!header) return true;
        }
        addRow(row);
      }
      if (writeError) throw writeError;
      if (lines.length > 0 && !out.write(`${lines.splice(0).join('\n')}\n`)) await once(out, 'drain');
      return false;
    });
    if (header === undefined) decide();
    if (lines.length > 0) out.write(`${lines.splice(0).join('\n')}\n`);
    out.end();
    await once(out, 'finish');
    if (writeError) throw writeError;
  } finally {
    out.destroy();
  }
  if (!header) {
    return head.length === 0
      ? fileIssue(file, 'empty-file', `an empty sheet "${sheet.name}"`, 'Put the column names in one row above the data.')
      : fileIssue(file, 'no-header', `no row that looks like a header in sheet "${sheet.name}"`, 'Put the column names in one row above the data.');
  }
  return { header, sheetRows, titleLines };
}

export async function ingestXlsx(spec: TableSpec, path: string, file: string, workDir: string, options: XlsxIngestOptions = {}): Promise<{ ingested: IngestedXlsx | null; issues: PipelineIssue[] }> {
  let book: OpenWorkbook | null = null;
  try {
    book = await openWorkbook(path);
    const { sheet, issues } = await chooseSheet(book, spec, file, options.sheet);
    if (!sheet) return { ingested: null, issues };
    const csvPath = join(workDir, `${spec.name}.from-xlsx.csv`);
    const written = await writeDataRows(book, spec, sheet, file, csvPath);
    if (!('header' in written)) return { ingested: null, issues: [...issues, written] };
    const { header, sheetRows, titleLines } = written;
    const format = `xlsx; sheet "${sheet.name}"; header on row ${header.headerLine + 1}${header.secondHeader ? ' (two-row header merged)' : ''}${book.dateSystem === 1904 ? '; 1904 date system' : ''}`;
    return { ingested: { csvPath, header: header.header, headerLine: header.headerLine, format, sheetRows, titleLines }, issues };
  } catch (error) {
    if (error instanceof UnsafeXlsxError) {
      const { code = 'unsafe-xlsx', row, column } = error.where;
      return { ingested: null, issues: [{ ...fileIssue(file, code, error.message, error.fix), ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }) }] };
    }
    return { ingested: null, issues: [fileIssue(file, 'unreadable-xlsx', (error as Error).message, RESAVE_FIX)] };
  } finally {
    await book?.close();
  }
}
