/**
 * A worksheet's rows, streamed: each chunk of XML parsed hands its finished rows to `onRows`,
 * which may stop the read (`true`). Parsing ends at `</sheetData>`; what follows (merged cells,
 * conditional formats, extensions) holds no values, and is only inflated to verify its checksum. Any formula cell
 * (`<f>` in a cell, shared and array formulas alike, under any namespace prefix) refuses the sheet:
 * a published figure must be a value the office typed or exported. So does a value in a hidden
 * row or column (`<row hidden="1">`, `<col hidden="1">`, as hiding, grouping or a filter leaves
 * them): like a hidden sheet, it often keeps old or working figures, and what is published must be
 * what the sheet shows the office.
 */
import { excelErrorFix, isExcelErrorValue } from '../../lib/excel-error-value.ts';
import { decodeXlsxEscapes } from './decode-xlsx-escapes.ts';
import { columnLetters, type SheetCell, type SheetRow } from './sheet-cell.ts';
import { parsePart, type WorkbookFile } from './workbook.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { RESAVE_FIX, TOO_LARGE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

export interface SheetSource {
  name: string;
  part: string;
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
}

const XSD_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const HIDDEN_CELLS_FIX = 'Unhide every row and column (select the whole sheet, right-click a row or column header → Unhide) and clear any filter; delete the rows or columns that are not part of this export, then save and send again.';

/** SpreadsheetML booleans: "1"/"true" (Excel writes 1, LibreOffice true). */
const isTrue = (value: string | undefined) => value === '1' || value === 'true';

export const FORMULA_FIX = 'Copy the sheet and paste it as values only (Paste Special → Values), then save and send again.';

/** 0-based column of a reference such as "C12"; -1 when it has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? -1 : column - 1;
}

/**
 * `hiddenCells`: 'refuse' a value in a hidden row or column (reading the table), or 'skip' it
 * (looking at a sheet's first rows to choose the sheet, where no value is used yet).
 */
export async function readSheetRows(book: WorkbookFile, sheet: SheetSource, onRows: (rows: SheetRow[]) => boolean | Promise<boolean>, hiddenCells: 'refuse' | 'skip' = 'refuse'): Promise<void> {
  const what = `sheet "${sheet.name}"`;
  const malformed = (why: string) => new UnsafeXlsxError(`${what} is malformed (${why})`, RESAVE_FIX);
  let ready: SheetRow[] = [];
  let inSheetData = false;
  let ended = false;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let column = -1;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let inCell = false;
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let value = '';
  let inline = '';
  let hasValue = false;
  let formula = false;
  let emptyCells = 0;
  let hiddenRow = false;
  /** 1 for each hidden column (0-based), from `<cols>` before the sheet data. */
  const hiddenColumns = new Uint8Array(XLSX_LIMITS.columns);
  let columnRanges = 0;

  const reference = () => `${columnLetters(column)}${row?.row ?? lastRow}`;

  /** The refusal of a formula cell; one whose formula failed (a cached #REF!) says so. */
  function formulaCell(): UnsafeXlsxError {
    const error = type === 'e' && isExcelErrorValue(value) ? value.trim().toUpperCase() : null;
    if (!error) return new UnsafeXlsxError(`${what} contains formula cells (cell ${reference()})`, FORMULA_FIX);
    return new UnsafeXlsxError(`${what} contains formula cells (cell ${reference()}, whose formula failed with ${error})`, excelErrorFix(error));
  }

  function finishCell(): SheetCell | undefined {
    if (!hasValue) return undefined;
    switch (type) {
      case 's': {
        const index = Number(value);
        const text = Number.isInteger(index) ? sheet.sharedStrings[index] : undefined;
        if (text === undefined) throw malformed(`cell ${reference()} points to shared string ${value.trim()}, which does not exist`);
        return textCell(text);
      }
      case 'inlineStr': return textCell(decodeXlsxEscapes(inline));
      case 'str': return textCell(decodeXlsxEscapes(value));
      case 'b': return value.trim() === '1' || value.trim() === '0' ? { kind: 'boolean', value: value.trim() === '1' } : textCell(value);
      case 'e': return value.trim() === '' ? undefined : { kind: 'error', code: value.trim() };
      case 'd': return value.trim() === '' ? undefined : { kind: 'date', iso: value.trim() };
      case 'n': {
        const text = value.trim();
        if (text === '') return undefined;
        // Not a number as XML Schema writes one: kept as the text it is, and refused as such later.
        if (!XSD_NUMBER.test(text)) return textCell(text);
        return { kind: 'number', value: Number(text), dateFormatted: sheet.dateStyles[style] === true };
      }
      default: throw malformed(`cell ${reference()} has the unknown type "${type}"`);
    }
  }

  await parsePart(book, sheet.part, what, XLSX_LIMITS.sheetBytes, {
    open(name, attributes) {
      if (!inSheetData) {
        if (name === 'sheetData') inSheetData = true;
        else if (name === 'col' && isTrue(attributes.hidden) && !ended) {
          const from = Number(attributes.min) - 1;
          const to = Math.min(Number(attributes.max) - 1, XLSX_LIMITS.columns - 1);
          if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) throw malformed(`a column range ${attributes.min}:${attributes.max}`);
          if (++columnRanges > XLSX_LIMITS.columns) throw malformed('more column ranges than the grid has columns');
          hiddenColumns.fill(1, from, to + 1);
        }
        return;
      }
      if (inCell) {
        if (name === 'f') formula = true;
        else if (name === 'v') { inValue = true; hasValue = true; }
        else if (name === 'is') { inInline = true; hasValue = true; }
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && phonetic === 0) inInlineText = true;
        return;
      }
      // Row and cell attributes are unqualified in SpreadsheetML (whatever the element's prefix).
      if (name === 'row') {
        const r = attributes.r;
        const number = r === undefined ? lastRow + 1 : Number(r);
        if (!Number.isInteger(number) || number <= lastRow || number > XLSX_LIMITS.rows) throw malformed(`row ${r ?? number} is out of order or outside the grid`);
        row = { row: number, cells: [] };
        hiddenRow = isTrue(attributes.hidden);
        lastRow = number;
        column = -1;
      } else if (name === 'c') {
        if (!row) throw malformed('a cell outside a row');
        const r = attributes.r;
        const at = r === undefined ? column + 1 : columnOf(r);
        if (at <= column || at >= XLSX_LIMITS.columns) throw malformed(`cell ${r ?? columnLetters(at)} is out of order or outside the grid`);
        column = at;
        type = attributes.t ?? 'n';
        style = attributes.s === undefined ? 0 : Number(attributes.s);
        inCell = true;
        formula = false;
        hasValue = false;
        value = '';
        inline = '';
      }
    },
    close(name) {
      if (!inSheetData) return;
      if (inCell) {
        if (name === 'v') inValue = false;
        else if (name === 'is') inInline = false;
        else if (name === 't') inInlineText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') {
          inCell = false;
          if (formula) throw formulaCell();
          const cell = finishCell();
          if (cell && (hiddenRow || hiddenColumns[column] === 1)) {
            if (hiddenCells === 'skip') return;
            const where = hiddenRow ? `hidden row ${row!.row}` : `hidden column ${columnLetters(column)}`;
            throw new UnsafeXlsxError(`${what} holds a value in a ${where} (cell ${reference()})`, HIDDEN_CELLS_FIX, { code: 'xlsx-hidden-cells', row: row!.row, column: columnLetters(column) });
          }
          if (cell) row!.cells[column] = cell;
          else if (++emptyCells > XLSX_LIMITS.emptyCells) {
            throw new UnsafeXlsxError(`${what} holds more than ${XLSX_LIMITS.emptyCells} cells with no value (formatting only)`, `Clear the formatting of the unused cells (select them, Clear → Clear All), or ${TOO_LARGE_FIX.charAt(0).toLowerCase()}${TOO_LARGE_FIX.slice(1)}`);
          }
        }
        return;
      }
      if (name === 'row' && row) {
        ready.push(row);
        row = null;
      } else if (name === 'sheetData') {
        inSheetData = false;
        ended = true;
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInlineText) inline += text;
    },
    async afterChunk() {
      const rows = ready;
      ready = [];
      if (rows.length > 0 && (await onRows(rows))) return 'stop';
      return ended ? 'skip' : 'continue';
    },
  });
}

function textCell(raw: string): SheetCell | undefined {
  const text = raw.trim();
  return text === '' ? undefined : { kind: 'text', text };
}
