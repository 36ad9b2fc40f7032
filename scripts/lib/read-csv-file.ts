/** Reads a small, well-formed comma-separated reference file (one record per line) into objects. */
import { readFileSync } from 'node:fs';
import { splitCsvLine } from './split-csv-line.ts';

export function readCsvRecords(path: string, expectedColumns?: readonly string[]): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '', ',');
  for (const column of expectedColumns ?? []) {
    if (!header.includes(column)) throw new Error(`${path}: missing column "${column}" (columns found: ${header.join(', ')})`);
  }
  return lines.slice(1).map((line, i) => {
    const cells = splitCsvLine(line, ',');
    if (cells.length !== header.length) throw new Error(`${path}, line ${i + 2}: ${cells.length} cells where the header has ${header.length}`);
    return Object.fromEntries(header.map((name, j) => [name, cells[j] ?? '']));
  });
}
