/**
 * Looks at the first lines of a text export and decides how to read it: encoding (UTF-8 with or
 * without BOM, UTF-16 as Excel's "Unicode Text" writes it, or Windows-1252), line endings (LF,
 * CRLF, bare CR from Excel for Mac, or a mix), delimiter, which line holds the header (offices put title rows
 * above it), and the header cells themselves. Only the head of the file is read, so this costs
 * the same for a 2 kB file and a 2 GB one.
 */
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { splitCsvLine } from '../lib/split-csv-line.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How lines end: one convention, or 'mixed' when a file holds more than one. */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface TextFormat {
  encoding: TextEncoding;
  lineEnding: LineEnding;
  delimiter: string;
  /** 0-based index of the header line among the file's lines. */
  headerLine: number;
  /** Lines above the header (titles), as text. */
  titleLines: string[];
  /** Header cells, trimmed, in file order. */
  header: string[];
  /** The line after the header when it looks like the second row of a merged two-row header. */
  secondHeader: string[] | null;
  /** The first line that is not blank (for a message when no header is found); null for an empty file. */
  firstLine: string | null;
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

/**
 * UTF-16 without a BOM: text in the Latin range has a zero byte in every other position (odd
 * positions for little-endian, even for big-endian). Plain UTF-8 or Windows-1252 text has none.
 */
function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * UTF-32, by its byte order mark (a few tools offer it; Excel and LibreOffice never write it). Not
 * read: it is refused with the advice to save as UTF-8, rather than misread as UTF-16, whose BOM
 * its little-endian form begins with.
 */
export function utf32Bom(head: Buffer): 'UTF-32LE' | 'UTF-32BE' | null {
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return 'UTF-32LE';
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'UTF-32BE';
  return null;
}

export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  // A multi-byte character may be cut at the end of the head: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) return 'utf-8';
  }
  return 'windows-1252';
}

export function decodeText(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(bytes);
  const text = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Which line endings the text uses (a line end inside a quoted value counts too). */
export function detectLineEnding(text: string): LineEnding {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
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

/** A month or date as a cross-tab's header writes it ("2024-01", "2024-01-01", "01/2024"): a name, not a number. */
const PERIOD_HEADER = /^(\d{4}-\d{1,2}(-\d{1,2})?|\d{1,2}[/.-]\d{4})$/;

/**
 * The header is the first line whose cells are mostly filled and not numbers (months across the
 * columns, "2024-01", are names there); title rows above it have one filled cell. A following line
 * with no numbers and few filled cells continuing the header is the second row of a merged two-row header.
 */
export function findHeaderLine(rows: string[][]): number {
  const widest = Math.max(...rows.map(nonEmpty), 0);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    const filled = nonEmpty(cells);
    const textual = cells.filter((c) => c !== '' && !/^[\d.,\s-]+$/.test(c)).length;
    // Years across the columns ("2023", "2024") name periods too, when two or more different ones do.
    const years = new Set(cells.map((c) => c.trim()).filter((c) => /^(19|20)\d\d$/.test(c)));
    const periods = cells.filter((c) => PERIOD_HEADER.test(c.trim()) || (years.size >= 2 && years.has(c.trim()))).length;
    if (filled >= 2 && filled >= widest * 0.6 && textual + periods === filled && textual >= 2) return i;
  }
  return -1;
}

export async function detectTextFormat(path: string): Promise<TextFormat> {
  const head = await readHead(path);
  const encoding = detectEncoding(head);
  const text = decodeText(head, encoding);
  // A head cut between CR and LF would look like a bare CR: drop a trailing CR before counting.
  const lineEnding = detectLineEnding(head.length === HEAD_BYTES ? text.replace(/\r$/, '') : text);
  const lines = text.split(/\r\n|\r|\n/);
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
    lineEnding,
    delimiter,
    headerLine,
    titleLines: headerLine > 0 ? lines.slice(0, headerLine).filter((l) => l.trim() !== '') : [],
    header,
    secondHeader,
    firstLine: lines.find((l) => l.trim() !== '') ?? null,
  };
}
