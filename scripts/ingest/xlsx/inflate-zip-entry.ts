/**
 * One zip entry, inflated as a stream in chunks of at most 64 KiB, with every limit enforced on
 * each chunk: the size the central directory records, the part's own limit, the file's budget
 * of inflated bytes, and the ratio of bytes out to bytes in. A zip bomb is stopped at the first
 * chunk over a limit, having cost a few megabytes, however far it would inflate. Node's own zlib
 * inflates (about three times faster here than fflate's JavaScript inflate; docs/architecture.md).
 */
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { Readable } from 'node:stream';
import type { ZipEntry } from './zip-directory.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { RESAVE_FIX, TOO_LARGE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

const LOCAL_HEADER = 0x04034b50;
const READ_BYTES = 16 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** Bytes one file may still inflate, shared by every entry read from it. */
export interface InflateBudget {
  remaining: number;
}

export const newInflateBudget = (): InflateBudget => ({ remaining: XLSX_LIMITS.fileInflatedBytes });

const damaged = (entry: ZipEntry, why: string) => new UnsafeXlsxError(`entry "${entry.name}" is damaged (${why})`, 'Export the file again; it may be truncated or damaged.');
const tooLarge = (what: string, bytes: number, limit: number) =>
  new UnsafeXlsxError(`${what} inflates to ${bytes} bytes, beyond the safe limit of ${limit} bytes for an XLSX export (a zip bomb or an oversized sheet)`, TOO_LARGE_FIX);

/** The bytes from `start`, in reads of 16 KiB, reporting each read's size. */
async function* readRange(file: FileHandle, start: number, length: number, onRead: (bytes: number) => void): AsyncGenerator<Buffer> {
  for (let position = start; position < start + length;) {
    const wanted = Math.min(READ_BYTES, start + length - position);
    const buffer = Buffer.allocUnsafe(wanted);
    const { bytesRead } = await file.read(buffer, 0, wanted, position);
    if (bytesRead === 0) throw new Error('the file ends inside the entry');
    position += bytesRead;
    onRead(bytesRead);
    yield buffer.subarray(0, bytesRead);
  }
}

async function dataOffset(file: FileHandle, entry: ZipEntry): Promise<number> {
  const header = Buffer.alloc(30);
  const { bytesRead } = await file.read(header, 0, 30, entry.localHeaderOffset);
  if (bytesRead !== 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw damaged(entry, 'no local header where the directory points');
  const nameBytes = header.readUInt16LE(26);
  const name = Buffer.alloc(nameBytes);
  await file.read(name, 0, nameBytes, entry.localHeaderOffset + 30);
  const flags = header.readUInt16LE(6);
  if (name.toString(flags & 0x800 ? 'utf8' : 'latin1').toLowerCase() !== entry.name.toLowerCase() || header.readUInt16LE(8) !== entry.method) {
    throw new UnsafeXlsxError(`entry "${entry.name}" has a local header that disagrees with the central directory`, RESAVE_FIX);
  }
  return entry.localHeaderOffset + 30 + nameBytes + header.readUInt16LE(28);
}

/**
 * The inflated bytes of `entry`, chunk by chunk. `what` names the part in messages ("the sheet
 * \"Data\""); `limit` is the part's limit in inflated bytes.
 */
export async function* inflateZipEntry(file: FileHandle, entry: ZipEntry, what: string, limit: number, budget: InflateBudget): AsyncGenerator<Buffer> {
  if (entry.inflatedBytes > limit) throw tooLarge(what, entry.inflatedBytes, limit);
  if (entry.inflatedBytes > budget.remaining) throw tooLarge('the workbook', XLSX_LIMITS.fileInflatedBytes - budget.remaining + entry.inflatedBytes, XLSX_LIMITS.fileInflatedBytes);
  const start = await dataOffset(file, entry);
  if (entry.compressedBytes === 0) {
    if (entry.inflatedBytes !== 0 || entry.method === 8) throw damaged(entry, 'no data');
    return;
  }
  let fed = 0;
  const source = Readable.from(readRange(file, start, entry.compressedBytes, (bytes) => { fed += bytes; }), { objectMode: false });
  let output: Readable = source;
  if (entry.method === 8) {
    const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
    source.on('error', (error) => inflater.destroy(error));
    output = source.pipe(inflater);
  }
  let inflated = 0;
  let crc = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      budget.remaining -= chunk.length;
      if (inflated > entry.inflatedBytes) {
        throw new UnsafeXlsxError(`entry "${entry.name}" inflates beyond the ${entry.inflatedBytes} bytes its directory records (a zip bomb or a damaged file)`, TOO_LARGE_FIX);
      }
      if (budget.remaining < 0) throw tooLarge('the workbook', XLSX_LIMITS.fileInflatedBytes - budget.remaining, XLSX_LIMITS.fileInflatedBytes);
      if (inflated > XLSX_LIMITS.compressionRatioFromBytes && inflated > fed * XLSX_LIMITS.compressionRatio) {
        throw new UnsafeXlsxError(`entry "${entry.name}" inflates ${fed} bytes to more than ${inflated} (a zip bomb)`, TOO_LARGE_FIX);
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof UnsafeXlsxError) throw error;
    throw damaged(entry, (error as Error).message);
  } finally {
    source.destroy();
    output.destroy();
  }
  if (inflated !== entry.inflatedBytes) throw damaged(entry, `${inflated} bytes where the directory records ${entry.inflatedBytes}`);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw damaged(entry, 'its checksum does not match');
}
