/**
 * Ingest: one raw export (CSV or XLSX) becomes a DuckDB relation of text columns c0..cN, one row
 * per data line, in file order. Title rows above the header, a merged two-row header,
 * Windows-1252 or UTF-16 text, bare-CR or mixed line endings and `;` or `,` delimiters are handled here; values are parsed in validate.
 * A cross-tab (months or one column's values across the header, cross-tab-layout.ts) becomes one
 * row per cell, so validate sees the long format whatever the layout.
 * DuckDB streams the CSV itself, so a 20-million-row file never passes through a JavaScript loop
 * and is never held in memory as text.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { TableSpec } from '../../src/schema/tables.ts';
import { refuseIdentifyingColumns } from './refuse-identifying-columns.ts';
import { sqlString } from '../lib/duckdb.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { detectTextFormat, readHead, utf32Bom } from './detect-text-format.ts';
import { mapHeaders, mergeTwoRowHeader } from './map-headers.ts';
import { ingestXlsx, type XlsxIngestOptions } from './xlsx/ingest-xlsx.ts';
import { transcodeToUtf8 } from './transcode-to-utf8.ts';
import { findCrossTab, type CrossTabLayout } from './cross-tab-layout.ts';

export interface IngestedFile {
  /** Path as shown in messages (relative to the repository when possible). */
  file: string;
  /** A DuckDB table function reading the data rows as text columns c0..cN, in file order. */
  relation: string;
  /** Delimiter of the text DuckDB reads (decides the number convention). */
  delimiter: string;
  /** Schema column name → raw column name (c3). */
  columns: Map<string, string>;
  /** Raw column name → its header as written in the file. */
  headerOf: Map<string, string>;
  /** The file's other columns, which the table does not read (still scanned for personal data). */
  ignoredColumns: { label: string; column: string }[];
  /** How the file was read, for the manifest. */
  format: string;
  /** Lines before the first data line (to turn DuckDB's error line numbers into file lines). */
  firstDataLine: number;
  /** 1-based file line (CSV) or sheet row (XLSX) of each data row index given. */
  lineOf(rowIds: readonly number[]): Promise<Map<number, number>>;
  /**
   * A cross-tab read as long rows (months or categories across the columns): the file's header of
   * the cell a row's value of `column` came from ("Februari", "Perempuan"); undefined otherwise.
   */
  spreadHeaderOf?(column: string | undefined, rowId: number): string | undefined;
  /** Set for a cross-tab read as long rows (cross-tab-layout.ts): each file row became `perRow` rows. */
  crossTab?: CrossTabRead;
}

export interface CrossTabRead {
  layout: CrossTabLayout;
  /** Long rows per file data row: long row i comes from file data row ⌊i / perRow⌋, cell i mod perRow. */
  perRow: number;
  /** The file's data rows as read (text columns c0..cN), in file order, for the row-total check. */
  fileRelation: string;
  /** 1-based file line (CSV) or sheet row (XLSX) of each file data row index given. */
  fileLineOf(rowIds: readonly number[]): Promise<Map<number, number>>;
}

export interface IngestResult {
  ingested: IngestedFile | null;
  issues: PipelineIssue[];
}

const fileIssue = (file: string, code: string, found: string, fix: string, row?: number): PipelineIssue => ({
  severity: 'error', code, file, found, fix, ...(row === undefined ? {} : { row }),
});

/** Lines of a text file after `skip` lines, skipping empty ones as DuckDB does. */
async function csvLineOf(path: string, firstDataLine: number, rowIds: readonly number[]): Promise<Map<number, number>> {
  const wanted = new Set(rowIds);
  const result = new Map<number, number>();
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  let dataRow = 0;
  for await (const text of lines) {
    line++;
    if (line <= firstDataLine || text.trim() === '') continue;
    if (wanted.has(dataRow)) result.set(dataRow, line);
    dataRow++;
    if (result.size === wanted.size) break;
  }
  lines.close();
  return result;
}

/** read_csv with every column as text; null_padding only for short files (it disables parallel reading). */
function csvRelation(path: string, delimiter: string, skip: number, width: number, padShortRows: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `${sqlString(`c${i}`)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(path)}, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', header = false,
    skip = ${skip}, auto_detect = false, columns = {${columns}}, null_padding = ${padShortRows}, strict_mode = true)`;
}

/** Files below this size are read with null padding (short rows allowed); above it, in parallel. */
const PADDED_READ_MAX_BYTES = 64 * 1024 * 1024;

/** DuckDB's own CSV error, turned into the file/line/fix shape. */
export function csvReadIssue(file: string, error: Error, firstDataLine: number): PipelineIssue {
  const message = error.message;
  const line = Number(message.match(/on Line: (\d+)/)?.[1]);
  const row = Number.isFinite(line) ? line + firstDataLine : undefined;
  if (/unterminated quote/i.test(message)) {
    return fileIssue(file, 'unclosed-quote', 'a value that opens a quote (") and never closes it', 'The file looks truncated or a value contains a stray quote. Export the file again, or close the quote.', row);
  }
  if (/Expected Number of Columns|too many columns/i.test(message)) {
    return fileIssue(file, 'too-many-cells', 'a row with more cells than the header', 'A value probably contains the delimiter: quote it, or remove the extra cells.', row);
  }
  return fileIssue(file, 'unreadable-csv', message.split('\n')[0] ?? message, 'Export the file again as CSV (UTF-8, ";" delimiter).', row);
}

export async function ingestFile(spec: TableSpec, path: string, file: string, workDir: string, options: XlsxIngestOptions = {}): Promise<IngestResult> {
  const isXlsx = /\.xlsx$/i.test(path);
  let csvPath = path;
  let delimiter = ';';
  let header: string[];
  let headerLine: number; // 0-based
  let dataStart: number; // lines to skip before data
  let format: string;
  let lineOf: IngestedFile['lineOf'];

  let xlsxIssues: PipelineIssue[] = [];
  let titleLines: string[] = [];
  if (isXlsx) {
    const read = await ingestXlsx(spec, path, file, workDir, { sheet: options.sheet });
    if (!read.ingested) return { ingested: null, issues: read.issues };
    xlsxIssues = read.issues;
    ({ csvPath, header, headerLine, format, titleLines } = read.ingested);
    const { sheetRows } = read.ingested;
    dataStart = 0;
    lineOf = async (rowIds) => new Map(rowIds.map((id) => [id, sheetRows[id] ?? -1]));
  } else {
    const utf32 = utf32Bom(await readHead(path, 4));
    if (utf32) return { ingested: null, issues: [fileIssue(file, 'unsupported-encoding', `text encoded as ${utf32} (its byte order mark)`, 'Save the file again as "CSV UTF-8 (Comma delimited)" (Excel) or as CSV with the character set "Unicode (UTF-8)" (LibreOffice).')] };
    const detected = await detectTextFormat(path);
    if (detected.headerLine < 0) {
      const first = detected.firstLine;
      const shown = first === null ? '' : first.length > 120 ? `${first.slice(0, 120)}…` : first;
      return { ingested: null, issues: [fileIssue(file, 'no-header', first === null ? 'an empty file' : `no line that looks like a header (the first line is "${shown}")`,
        first === null ? 'The export is empty: export the table again.' : 'Export the table with its column names in one row above the data: names such as "Bulan" and "Jumlah", not numbers.')] };
    }
    delimiter = detected.delimiter;
    headerLine = detected.headerLine;
    titleLines = detected.titleLines;
    header = detected.secondHeader ? mergeTwoRowHeader(detected.header, detected.secondHeader) : detected.header;
    dataStart = headerLine + (detected.secondHeader ? 2 : 1);
    const plainUtf8 = detected.encoding === 'utf-8' || detected.encoding === 'utf-8-bom';
    const oneLineEnding = detected.lineEnding === 'lf' || detected.lineEnding === 'crlf' || detected.lineEnding === 'none';
    if (!plainUtf8 || !oneLineEnding) {
      csvPath = join(workDir, `${spec.name}.utf8.csv`);
      await transcodeToUtf8(path, csvPath, detected.encoding);
    }
    format = `csv; delimiter "${delimiter === '\t' ? '\\t' : delimiter}"; ${detected.encoding}; ${detected.lineEnding} line endings; header on line ${headerLine + 1}${detected.secondHeader ? ' (two-row header merged)' : ''}`;
    const readPath = csvPath;
    const skip = dataStart;
    lineOf = (rowIds) => csvLineOf(readPath, skip, rowIds);
  }

  const issues = [...xlsxIssues, ...refuseIdentifyingColumns(spec, file, header, headerLine + 1)];
  const crossTab = findCrossTab(spec, header, titleLines, file, headerLine + 1);
  // A layout that cannot be read is one message: not also the columns its header lacks.
  if (crossTab?.refusal) return { ingested: null, issues: [...issues, crossTab.refusal] };
  const readHeader = crossTab ? longHeader(header, crossTab) : header;
  const mapping = mapHeaders(spec, readHeader, file, headerLine + 1);
  issues.push(...mapping.issues);
  if (issues.some((i) => i.severity === 'error')) return { ingested: null, issues };

  const { size } = await stat(csvPath);
  const readDelimiter = isXlsx ? ';' : delimiter;
  const fileRelation = csvRelation(csvPath, readDelimiter, dataStart, header.length, size <= PADDED_READ_MAX_BYTES);
  const columns = new Map([...mapping.indexOf].map(([name, index]) => [name, `c${index}`]));
  const headerOf = new Map(readHeader.map((cell, index) => [`c${index}`, cell]));
  const read = new Set(mapping.indexOf.values());
  const counted = new Set(crossTab ? [...crossTab.spread.map((c) => c.index), crossTab.totalIndex, crossTab.yearIndex] : []);
  const ignoredColumns = header.flatMap((cell, index) => (read.has(index) || counted.has(index) ? [] : [{ label: cell === '' ? `column ${index + 1}` : cell, column: `c${index}` }]));
  const ingested: IngestedFile = { file, relation: fileRelation, delimiter: readDelimiter, columns, headerOf, ignoredColumns, format, lineOf, firstDataLine: isXlsx ? 0 : dataStart };
  if (crossTab) {
    const perRow = crossTab.spread.length;
    Object.assign(ingested, {
      relation: longRelation(fileRelation, header.length, crossTab),
      format: `${format}; cross-tab: ${crossTab.column.name} across ${perRow === 1 ? 'one column' : `${perRow} columns`} (${crossTab.spread[0]!.header}${perRow === 1 ? '' : ` … ${crossTab.spread.at(-1)!.header}`}) read as rows${crossTab.totalIndex !== null ? `, total column "${header[crossTab.totalIndex]}" checked, not read` : ''}`,
      lineOf: (rowIds: readonly number[]) => remapLines(rowIds, perRow, lineOf),
      spreadHeaderOf: (column: string | undefined, rowId: number) => (column === crossTab.column.name || column === crossTab.count.name ? crossTab.spread[rowId % perRow]!.header : undefined),
      crossTab: { layout: crossTab, perRow, fileRelation, fileLineOf: lineOf },
    } satisfies Partial<IngestedFile>);
  }
  return { ingested, issues };
}

/** The header a cross-tab is read with: its spread, total and year cells replaced by the long format's two columns at the end. */
function longHeader(header: readonly string[], layout: CrossTabLayout): string[] {
  const consumed = new Set([...layout.spread.map((c) => c.index), layout.totalIndex, layout.yearIndex]);
  return [...header.map((cell, i) => (consumed.has(i) ? '' : cell)), layout.column.rawHeaders[0]!, layout.count.rawHeaders[0]!];
}

/**
 * The cross-tab's file rows as long rows, in file order: each row becomes one row per spread
 * column, with the column's value (its header) in column c<width> and its cell in c<width + 1>.
 * A row whose spread cells are all empty (a note, a blank line) gets no value, so it stays what
 * it is: a note or blank row, not a data row.
 */
function longRelation(fileRelation: string, width: number, layout: CrossTabLayout): string {
  const blank = (index: number) => `coalesce(trim(c${index}), '') = ''`;
  const noCells = layout.spread.map((c) => blank(c.index)).join(' AND ');
  const label = (cell: CrossTabLayout['spread'][number]) => {
    const text = layout.yearIndex === null ? sqlString(cell.value) : `concat(${sqlString(cell.value)}, ' ', trim(c${layout.yearIndex}))`;
    return `CASE WHEN ${noCells} THEN NULL ELSE ${text} END`;
  };
  const cells = layout.spread.map((c) => `{'label': ${label(c)}, 'value': c${c.index}}`).join(', ');
  const kept = Array.from({ length: width }, (_, i) => `c${i}`).join(', ');
  return `(SELECT ${kept}, __cell.label AS c${width}, __cell.value AS c${width + 1} FROM (SELECT *, unnest([${cells}]) AS __cell FROM ${fileRelation}))`;
}

async function remapLines(rowIds: readonly number[], perRow: number, fileLineOf: IngestedFile['lineOf']): Promise<Map<number, number>> {
  const lines = await fileLineOf([...new Set(rowIds.map((id) => Math.floor(id / perRow)))]);
  return new Map(rowIds.map((id) => [id, lines.get(Math.floor(id / perRow)) ?? -1]));
}
