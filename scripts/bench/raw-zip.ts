/**
 * A zip archive written byte by byte, for the hostile-file benchmark: each entry's bytes are given
 * as they are to sit in the file (already deflated, or stored), with whatever sizes and checksum
 * its directory should claim; zip64 records where a size or the entry count needs them. A bomb
 * that claims 64 GB, or 600,000 entries, is written without ever being inflated.
 */
import { crc32 } from 'node:zlib';

export interface RawZipEntry {
  name: string;
  /** The bytes as stored in the file. */
  data: Uint8Array;
  /** 0 stored, 8 deflate. */
  method: 0 | 8;
  /** What the directory claims the entry inflates to. */
  inflatedBytes: number;
  crc32: number;
}

const MAX32 = 0xffffffff;

/** A stored entry: its bytes, sizes and checksum are what they say. */
export const storedEntry = (name: string, data: Uint8Array): RawZipEntry => ({ name, data, method: 0, inflatedBytes: data.length, crc32: crc32(data) });

export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(Math.min(entry.data.length, MAX32), 18);
    local.writeUInt32LE(Math.min(entry.inflatedBytes, MAX32), 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(entry.data));
    const zip64 = entry.inflatedBytes >= MAX32 || offset >= MAX32;
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.inflatedBytes), 4);
      extra.writeBigUInt64LE(BigInt(entry.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(45, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(zip64 ? MAX32 : entry.data.length, 20);
    header.writeUInt32LE(zip64 ? MAX32 : entry.inflatedBytes, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(zip64 ? MAX32 : offset, 42);
    central.push(header, name, extra);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const tail: Buffer[] = [];
  const needsZip64 = entries.length > 0xffff;
  if (needsZip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(needsZip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(needsZip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(needsZip64 ? MAX32 : directory.length, 12);
  end.writeUInt32LE(needsZip64 ? MAX32 : offset, 16);
  return Buffer.concat([...chunks, directory, ...tail, end]);
}
