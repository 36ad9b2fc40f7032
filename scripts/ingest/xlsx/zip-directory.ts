/**
 * The table of contents of an XLSX (zip) file: its central directory, read from the end of the
 * file. Sizes come from here, never from the local header in front of each entry: LibreOffice and
 * every streaming zip writer put 0 there and record the sizes in a data descriptor after the data.
 * Everything a hostile archive can claim is checked before a byte is inflated: entry count, paths,
 * duplicates, encryption, compression method, and each entry's declared size and ratio.
 */
import type { FileHandle } from 'node:fs/promises';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { RESAVE_FIX, TOO_LARGE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedBytes: number;
  /** Inflated size as the central directory records it. */
  inflatedBytes: number;
  crc32: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: readonly ZipEntry[];
  /** Part names are case-insensitive (Open Packaging Conventions). */
  find(name: string): ZipEntry | undefined;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const EOCD_BYTES = 22;
const MAX_COMMENT = 0xffff;

const notAZip = (why: string) => new UnsafeXlsxError(`the file is not a valid XLSX (zip) archive (${why})`, RESAVE_FIX);

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw notAZip('it ends early');
  return buffer;
}

/** Offset, size and entry count of the central directory, from the end-of-central-directory record (zip64 too). */
async function findCentralDirectory(file: FileHandle, fileBytes: number): Promise<{ offset: number; bytes: number; entries: number }> {
  const tailBytes = Math.min(fileBytes, EOCD_BYTES + MAX_COMMENT);
  const tail = await readAt(file, fileBytes - tailBytes, tailBytes);
  let at = -1;
  for (let i = tailBytes - EOCD_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + EOCD_BYTES + tail.readUInt16LE(i + 20) === tailBytes) { at = i; break; }
  }
  if (at < 0) throw notAZip('no central directory');
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw notAZip('a multi-part archive');
  let entries = tail.readUInt16LE(at + 10);
  let bytes = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  const eocdOffset = fileBytes - tailBytes + at;
  if ((entries === 0xffff || bytes === 0xffffffff || offset === 0xffffffff) && eocdOffset >= 20) {
    const locator = await readAt(file, eocdOffset - 20, 20);
    if (locator.readUInt32LE(0) === ZIP64_LOCATOR) {
      const recordOffset = Number(locator.readBigUInt64LE(8));
      if (recordOffset + 56 > eocdOffset) throw notAZip('a zip64 record outside the file');
      const record = await readAt(file, recordOffset, 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw notAZip('a damaged zip64 record');
      entries = Number(record.readBigUInt64LE(32));
      bytes = Number(record.readBigUInt64LE(40));
      offset = Number(record.readBigUInt64LE(48));
    }
  }
  if (entries > XLSX_LIMITS.entries) {
    throw new UnsafeXlsxError(`the archive holds ${entries} entries, more than the ${XLSX_LIMITS.entries} a workbook can need`, RESAVE_FIX);
  }
  if (offset + bytes > eocdOffset) throw notAZip('a central directory outside the file');
  return { offset, bytes, entries };
}

/** Sizes and offset, with the zip64 extra field (id 1) where the 32-bit fields are full. */
function zip64Sizes(extra: Buffer, entry: { compressedBytes: number; inflatedBytes: number; localHeaderOffset: number }): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let p = i + 4;
      const next = () => {
        if (p + 8 > i + 4 + size) throw notAZip('a damaged zip64 field');
        const value = Number(extra.readBigUInt64LE(p));
        p += 8;
        return value;
      };
      if (entry.inflatedBytes === 0xffffffff) entry.inflatedBytes = next();
      if (entry.compressedBytes === 0xffffffff) entry.compressedBytes = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    i += 4 + size;
  }
}

function checkEntry(entry: ZipEntry, flags: number, directoryOffset: number): void {
  const { name } = entry;
  if (name === '' || name.includes('\0') || name.includes('\\') || name.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(name)) {
    throw new UnsafeXlsxError(`the archive has an unsafe entry path "${name}"`, RESAVE_FIX);
  }
  if (/vbaProject\.bin$/i.test(name)) throw new UnsafeXlsxError('the workbook contains macros (vbaProject.bin)', 'Export the data as a plain .xlsx (not .xlsm) without macros.');
  if (flags & 1) throw new UnsafeXlsxError(`entry "${name}" is encrypted (the workbook has a password)`, 'Remove the password (File → Info → Protect Workbook), save as .xlsx and send again.');
  if (entry.method !== 0 && entry.method !== 8) throw new UnsafeXlsxError(`entry "${name}" uses compression method ${entry.method}, which Excel and LibreOffice never write`, RESAVE_FIX);
  if (entry.localHeaderOffset + 30 + entry.compressedBytes > directoryOffset) throw notAZip(`entry "${name}" lies outside the file`);
  if (entry.method === 0 && entry.inflatedBytes !== entry.compressedBytes) throw notAZip(`stored entry "${name}" records two sizes`);
  if (entry.inflatedBytes > XLSX_LIMITS.compressionRatioFromBytes && entry.inflatedBytes > entry.compressedBytes * XLSX_LIMITS.compressionRatio) {
    throw new UnsafeXlsxError(`entry "${name}" would inflate ${entry.compressedBytes} bytes to ${entry.inflatedBytes} (a zip bomb)`, TOO_LARGE_FIX);
  }
}

export async function readZipDirectory(file: FileHandle, fileBytes: number): Promise<ZipDirectory> {
  if (fileBytes < EOCD_BYTES) throw notAZip('it is too short');
  const head = await readAt(file, 0, 4);
  if (head.readUInt32LE(0) === 0xe011cfd0) {
    throw new UnsafeXlsxError('the file is an old binary workbook (.xls) or a password-protected one, not an .xlsx', 'Remove any password, save as "Excel Workbook (.xlsx)" and send again, or export CSV.');
  }
  const directory = await findCentralDirectory(file, fileBytes);
  const bytes = await readAt(file, directory.offset, directory.bytes);
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < directory.entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw notAZip('a damaged central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const nameBytes = bytes.readUInt16LE(at + 28);
    const extraBytes = bytes.readUInt16LE(at + 30);
    const commentBytes = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameBytes + extraBytes + commentBytes > bytes.length) throw notAZip('a damaged central directory');
    const rawName = bytes.subarray(at + 46, at + 46 + nameBytes);
    const entry: ZipEntry = {
      name: rawName.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      compressedBytes: bytes.readUInt32LE(at + 20),
      inflatedBytes: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    zip64Sizes(bytes.subarray(at + 46 + nameBytes, at + 46 + nameBytes + extraBytes), entry);
    checkEntry(entry, flags, directory.offset);
    const key = entry.name.toLowerCase();
    if (byName.has(key)) throw new UnsafeXlsxError(`the archive holds two entries named "${entry.name}"`, RESAVE_FIX);
    byName.set(key, entry);
    entries.push(entry);
    at += 46 + nameBytes + extraBytes + commentBytes;
  }
  if (entries.length === 0) throw notAZip('it is empty');
  return { entries, find: (name) => byName.get(name.toLowerCase()) };
}
