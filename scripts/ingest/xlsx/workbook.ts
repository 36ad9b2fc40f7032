/**
 * An XLSX file opened for reading: its zip directory, the file's budget of inflated bytes, and a
 * way to parse any of its XML parts under a limit. Parts are found by name, case-insensitively.
 */
import type { FileHandle } from 'node:fs/promises';
import { inflateZipEntry, type InflateBudget } from './inflate-zip-entry.ts';
import { parseXmlPart, type XmlHandler } from './parse-xml-part.ts';
import { RESAVE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';
import type { ZipDirectory } from './zip-directory.ts';

export interface WorkbookFile {
  file: FileHandle;
  directory: ZipDirectory;
  budget: InflateBudget;
}

export const hasPart = (book: WorkbookFile, part: string): boolean => book.directory.find(part) !== undefined;

/** Parses part `part` (a zip entry name) with `handler`; `what` names it in messages. */
export async function parsePart(book: WorkbookFile, part: string, what: string, limit: number, handler: XmlHandler): Promise<void> {
  const entry = book.directory.find(part);
  if (!entry) throw new UnsafeXlsxError(`the workbook has no part "${part}" (${what})`, RESAVE_FIX);
  await parseXmlPart(inflateZipEntry(book.file, entry, what, limit, book.budget), what, handler);
}
