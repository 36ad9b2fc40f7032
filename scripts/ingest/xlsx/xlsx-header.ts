/**
 * The header of a sheet, from its first rows as text: title rows above it are skipped, and a
 * merged two-row header ("Jenis" over "Visa/Izin" and "Kelamin") is joined into one.
 */
import { findHeaderLine } from '../detect-text-format.ts';
import { mergeTwoRowHeader } from '../map-headers.ts';

/** Rows looked at for the header. */
export const HEAD_ROWS = 60;

export interface XlsxHeader {
  /** 0-based index of the header row among the head rows (sheet row headerLine + 1). */
  headerLine: number;
  header: string[];
  secondHeader: boolean;
}

/** `head[i]` is sheet row i + 1, every row as wide as the widest. */
export function findXlsxHeader(head: string[][]): XlsxHeader | null {
  const headerLine = findHeaderLine(head);
  if (headerLine < 0) return null;
  let header = head[headerLine]!;
  const next = head[headerLine + 1] ?? [];
  const secondHeader = next.some((c) => c !== '') && next.every((c) => c === '' || !/^[\d.,\s-]+$/.test(c)) && next.filter(Boolean).length < header.filter(Boolean).length;
  if (secondHeader) header = mergeTwoRowHeader(header, next);
  return { headerLine, header, secondHeader };
}
