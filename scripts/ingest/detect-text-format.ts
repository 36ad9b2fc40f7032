/**
 * Looks at the first lines of a text export and decides how to read it: encoding (UTF-8 with or
 * without BOM, or Windows-1252), delimiter, which line holds the header (offices put title rows
 * above it), and the header cells themselves. Only the head of the file is read, so this costs
 * the same for a 2 kB file and a 2 GB one.
 */
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { splitCsvLine } from '../lib/split-csv-line.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface TextFormat {
  encoding: TextEncoding;
  delimiter: string;
  /** 0-based index of the header line among the file's lines. */
  headerLine: number;
  /** Lines above the header (titles), as text. */
  titleLines: string[];
  /** Header cells, trimmed, in file order. */
  header: string[];
  /** The line after the header when it looks like the second row of a merged two-row header. */
  secondHeader: string[] | null;
}

const HEAD_BYTES = 256 * 1024;
const DELIMITERS = [';', ',', '\t', '|'];

export async function readHead(path: string, bytes = HEAD_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return 'utf-8';
  }
  return 'windows-1252';
}

export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const nonEmpty = (cells: string[]) => cells.filter((c) => c !== '').length;

/** The delimiter that splits the most lines into the same number (≥ 2) of cells. */
export function detectDelimiter(lines: string[]): string {
  let best = { delimiter: ';', score: -1 };
  for (const delimiter of DELIMITERS) {
    const widths = lines.slice(0, 50).map((l) => splitCsvLine(l, delimiter).length).filter((w) => w >= 2);
    if (widths.length === 0) continue;
    const mode = [...widths].sort((a, b) => widths.filter((w) => w === b).length - widths.filter((w) => w === a).length)[0]!;
    const score = widths.filter((w) => w === mode).length * 100 + mode;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The header is the first line whose cells are mostly filled and mostly not numbers; title rows
 * above it have one filled cell. A following line with no numbers and few filled cells continuing
 * the header is the second row of a merged two-row header.
 */
export function findHeaderLine(rows: string[][]): number {
  const widest = Math.max(...rows.map(nonEmpty), 0);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    const filled = nonEmpty(cells);
    const textual = cells.filter((c) => c !== '' && !/^[\d.,\s-]+$/.test(c)).length;
    if (filled >= 2 && filled >= widest * 0.6 && textual === filled) return i;
  }
  return -1;
}

export async function detectTextFormat(path: string): Promise<TextFormat> {
  const head = await readHead(path);
  const encoding = detectEncoding(head);
  const text = decodeText(head, encoding);
  const lines = text.split(/\r?\n/);
  if (head.length === HEAD_BYTES) lines.pop(); // last line may be cut
  const delimiter = detectDelimiter(lines.filter((l) => l.trim() !== ''));
  const rows = lines.slice(0, 60).map((l) => splitCsvLine(l, delimiter));
  const headerLine = findHeaderLine(rows);
  const header = headerLine >= 0 ? rows[headerLine]! : [];
  const next = headerLine >= 0 ? rows[headerLine + 1] : undefined;
  const secondHeader =
    next && nonEmpty(next) > 0 && next.every((c) => c === '' || !/^[\d.,\s-]+$/.test(c)) && nonEmpty(next) < nonEmpty(header)
      ? next
      : null;
  return {
    encoding,
    delimiter,
    headerLine,
    titleLines: headerLine > 0 ? lines.slice(0, headerLine).filter((l) => l.trim() !== '') : [],
    header,
    secondHeader,
  };
}
