/** Edits a zip's central directory in place, to make the lying or damaged archives hostile files are. */

/** Offset of the central directory header of entry `name`. */
function centralHeader(zip: Buffer, name: string): number {
  for (let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); at >= 0; at--) {
    if (zip.readUInt32LE(at) !== 0x02014b50) continue;
    const nameBytes = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameBytes).toString('latin1') === name) return at;
  }
  throw new Error(`no entry ${name}`);
}

export interface CentralFields {
  flags?: number;
  method?: number;
  crc32?: number;
  compressedBytes?: number;
  inflatedBytes?: number;
}

/** A copy of `zip` with some central-directory fields of entry `name` replaced. */
export function patchCentralEntry(zip: Buffer, name: string, fields: CentralFields): Buffer {
  const copy = Buffer.from(zip);
  const at = centralHeader(copy, name);
  if (fields.flags !== undefined) copy.writeUInt16LE(fields.flags, at + 8);
  if (fields.method !== undefined) copy.writeUInt16LE(fields.method, at + 10);
  if (fields.crc32 !== undefined) copy.writeUInt32LE(fields.crc32 >>> 0, at + 16);
  if (fields.compressedBytes !== undefined) copy.writeUInt32LE(fields.compressedBytes, at + 20);
  if (fields.inflatedBytes !== undefined) copy.writeUInt32LE(fields.inflatedBytes, at + 24);
  return copy;
}

/** The central-directory fields of entry `name`. */
export function centralEntry(zip: Buffer, name: string): Required<CentralFields> {
  const at = centralHeader(zip, name);
  return {
    flags: zip.readUInt16LE(at + 8), method: zip.readUInt16LE(at + 10), crc32: zip.readUInt32LE(at + 16),
    compressedBytes: zip.readUInt32LE(at + 20), inflatedBytes: zip.readUInt32LE(at + 24),
  };
}
