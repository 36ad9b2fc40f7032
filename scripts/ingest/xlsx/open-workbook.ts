/**
 * Opens an XLSX export for reading: the file size and zip directory are checked, then the parts
 * every sheet needs are read (workbook, relationships, shared strings, styles). Nothing is read
 * into memory whole but the shared strings; the caller closes the file.
 */
import { open, stat } from 'node:fs/promises';
import { newInflateBudget } from './inflate-zip-entry.ts';
import { readDateStyles } from './read-date-styles.ts';
import { readSharedStrings } from './read-shared-strings.ts';
import { readWorkbookSheets, type DateSystem, type SheetEntry } from './read-workbook-sheets.ts';
import { hasPart, type WorkbookFile } from './workbook.ts';
import { readZipDirectory } from './zip-directory.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { UnsafeXlsxError } from './unsafe-xlsx-error.ts';

export interface OpenWorkbook extends WorkbookFile {
  sheets: SheetEntry[];
  dateSystem: DateSystem;
  sharedStrings: string[];
  dateStyles: boolean[];
  close(): Promise<void>;
}

export async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const { size } = await stat(path);
  if (size > XLSX_LIMITS.fileBytes) {
    throw new UnsafeXlsxError(`the file is ${size} bytes, above the ${XLSX_LIMITS.fileBytes}-byte limit for XLSX`, 'Send large exports as CSV.');
  }
  const file = await open(path, 'r');
  try {
    const book: WorkbookFile = { file, directory: await readZipDirectory(file, size), budget: newInflateBudget() };
    const { sheets, dateSystem, sharedStringsPart, stylesPart } = await readWorkbookSheets(book);
    const present = (part: string | null) => (part !== null && hasPart(book, part) ? part : null);
    const sharedStrings = await readSharedStrings(book, present(sharedStringsPart));
    const dateStyles = await readDateStyles(book, present(stylesPart));
    return { ...book, sheets, dateSystem, sharedStrings, dateStyles, close: () => file.close() };
  } catch (error) {
    await file.close();
    throw error;
  }
}
