/**
 * Text encodings and line endings as office exports deliver them: Excel's "Unicode Text" (UTF-16
 * LE with a BOM, tab-delimited), UTF-16 BE, UTF-16 without a BOM, bare CR line ends (Excel for
 * Mac) and files mixing LF and CRLF. Each must publish exactly the values the same table
 * publishes as plain UTF-8 — never a raw parser error or "empty file". Two publications per file:
 * the plain snapshot and one holding every variant (one table each), read back with DuckDB.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BOM, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';

const DATE = '2024-03-05';
const TABLES = ['arrivals', 'sanctions', 'operations', 'registry'] as const;

const plain = (file: string) => VALID_FILES[file]!.replace(BOM, '');
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => utf16le(text).swap16();

/** Every table of the snapshot, each written in a different way. */
const VARIANTS: Record<string, { bytes: Buffer; encoding: string; lineEnding: string }> = {
  // Excel "Save as Unicode Text": UTF-16 LE, BOM, tab-delimited, CRLF
  'sanctions.csv': { bytes: utf16le(BOM + plain('sanctions.csv').replaceAll(';', '\t')), encoding: 'utf-16le', lineEnding: 'crlf' },
  'registry.csv': { bytes: utf16be(BOM + plain('registry.csv')), encoding: 'utf-16be', lineEnding: 'crlf' },
  // Excel for Mac: bare CR, and UTF-16 LE without a BOM
  'arrivals.csv': { bytes: utf16le(plain('arrivals.csv').replaceAll('\r\n', '\r')), encoding: 'utf-16le', lineEnding: 'cr' },
  // a file edited on two machines: some lines LF, some CRLF, one bare CR
  'operations.csv': { bytes: Buffer.from(plain('operations.csv').replace('\r\n', '\n').replace(/\r\n(?=20\/02)/, '\r')), encoding: 'utf-8', lineEnding: 'mixed' },
};

/** Every "format" value anywhere in the manifest (how each source file was read). */
function formatsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(formatsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'format' && typeof v === 'string' ? [v] : formatsIn(v)));
}

async function publishedRows(files: Record<string, string | Buffer | null>): Promise<{ rows: Record<string, unknown[]>; formats: string[] }> {
  const out = tempDir();
  await publish(writeSnapshot(tempDir(), files), DATE, out, 'internal');
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const rows: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    rows[table] = (await db.runAndReadAll(`SELECT * FROM '${join(out, 'current', `${table}.parquet`)}' ORDER BY ALL`)).getRowObjectsJson();
  }
  db.closeSync();
  return { rows, formats: formatsIn(JSON.parse(readFileSync(join(out, 'current', 'manifest.json'), 'utf8'))) };
}

describe('text encodings and line endings', () => {
  let baseline: Awaited<ReturnType<typeof publishedRows>>;
  let variants: Awaited<ReturnType<typeof publishedRows>>;
  beforeAll(async () => {
    baseline = await publishedRows({});
    variants = await publishedRows(Object.fromEntries(Object.entries(VARIANTS).map(([file, v]) => [file, v.bytes])));
  }, 60_000);

  it('publishes the same values from every encoding and line-ending variant as from plain UTF-8', () => {
    for (const table of TABLES) {
      expect(baseline.rows[table]!.length, table).toBeGreaterThan(0);
      expect(variants.rows[table], table).toEqual(baseline.rows[table]);
    }
  });

  it('records in the manifest how each file was read', () => {
    const formats = variants.formats.join('\n');
    for (const [file, v] of Object.entries(VARIANTS)) {
      expect(formats, file).toContain(`${v.encoding}; ${v.lineEnding} line endings`);
    }
    expect(formats).toContain('delimiter "\\t"');
  });
});
