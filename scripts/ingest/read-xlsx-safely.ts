/**
 * Reads the first sheet of an XLSX export into rows of strings, refusing hostile files before the
 * parser sees them: zip bombs (entry count, inflated size, compression ratio), formula cells
 * (a published figure must be a value an office typed or exported, not a formula), and macros.
 * The parsing itself is done by `read-excel-file` (maintained, no open advisories); every cell
 * comes back as the text written in the file (numbers are not re-rounded).
 */
import { readFile, stat } from 'node:fs/promises';
import { Unzip, UnzipInflate } from 'fflate';
import readXlsxFile from 'read-excel-file/node';

export const XLSX_LIMITS = {
  fileBytes: 64 * 1024 * 1024,
  entries: 2_000,
  entryInflatedBytes: 256 * 1024 * 1024,
  totalInflatedBytes: 512 * 1024 * 1024,
  /** Ratio of inflated to compressed size above which an entry is treated as a zip bomb. */
  compressionRatio: 300,
};

export class UnsafeXlsxError extends Error {
  constructor(message: string, readonly fix: string) {
    super(message);
    this.name = 'UnsafeXlsxError';
  }
}

/** Inflates every entry as a stream, counting bytes, and stops as soon as a limit is passed. */
function inspectZip(bytes: Uint8Array): void {
  let entries = 0;
  let total = 0;
  let failure: UnsafeXlsxError | null = null;
  const fail = (message: string, fix: string) => {
    failure ??= new UnsafeXlsxError(message, fix);
  };
  const unzip = new Unzip((entry) => {
    if (failure) return;
    entries++;
    if (entries > XLSX_LIMITS.entries) return fail(`the archive holds more than ${XLSX_LIMITS.entries} entries`, 'Save the sheet again from Excel or LibreOffice as a plain .xlsx workbook.');
    if (/vbaProject\.bin$/i.test(entry.name)) return fail('the workbook contains macros (vbaProject.bin)', 'Export the data as a plain .xlsx (not .xlsm) without macros.');
    if (/\.\.|^\//.test(entry.name)) return fail(`the archive has an unsafe entry path "${entry.name}"`, 'Save the sheet again from Excel or LibreOffice.');
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    let inflated = 0;
    let tail = '';
    entry.ondata = (err, chunk) => {
      if (failure) return;
      if (err) return fail(`entry "${entry.name}" is corrupt (${err.message})`, 'Export the file again; it may be truncated.');
      inflated += chunk.length;
      total += chunk.length;
      const compressed = entry.size ?? 0;
      const ratio = compressed > 0 ? inflated / compressed : inflated;
      if (inflated > XLSX_LIMITS.entryInflatedBytes || total > XLSX_LIMITS.totalInflatedBytes || (inflated > 1_000_000 && ratio > XLSX_LIMITS.compressionRatio)) {
        entry.terminate();
        return fail(`entry "${entry.name}" inflates beyond the safe limit (a zip bomb or an oversized sheet)`, 'Send the data as CSV, or split the workbook; a monthly export is a few megabytes at most.');
      }
      if (isSheet) {
        const text = tail + Buffer.from(chunk).toString('latin1');
        if (/<f[\s>/]/.test(text)) return fail(`sheet "${entry.name}" contains formula cells`, 'Copy the sheet and paste it as values only (Paste Special → Values), then save and send again.');
        tail = text.slice(-8);
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    fail(`the file is not a valid XLSX (zip) archive (${(error as Error).message})`, 'Open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.');
  }
  if (failure) throw failure;
  if (entries === 0) throw new UnsafeXlsxError('the file is not a valid XLSX (zip) archive', 'Open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

/** Rows of the first sheet; index i holds sheet row i + 1. */
export async function readXlsxSafely(path: string): Promise<string[][]> {
  const { size } = await stat(path);
  if (size > XLSX_LIMITS.fileBytes) {
    throw new UnsafeXlsxError(`the file is ${size} bytes, above the ${XLSX_LIMITS.fileBytes}-byte limit for XLSX`, 'Send large exports as CSV.');
  }
  const bytes = await readFile(path);
  inspectZip(bytes);
  const sheets = await readXlsxFile(bytes, { parseNumber: (text: string) => text, trim: true });
  const first = sheets[0];
  if (!first) throw new UnsafeXlsxError('the workbook has no sheet', 'Export the data into the first sheet of the workbook.');
  return first.data.map((row: unknown[]) => row.map(cellText));
}
