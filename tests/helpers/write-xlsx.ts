/** XLSX fixtures for tests: the sample generator's own writer, with hostile extras where a test needs them. */
import { buildXlsx, type XlsxCell } from '../../scripts/sample/raw-export.ts';

export type Cell = XlsxCell;

export function xlsx(rows: Cell[][], extraEntries: Record<string, Uint8Array> = {}): Buffer {
  return Buffer.from(buildXlsx('Data', rows, extraEntries));
}
