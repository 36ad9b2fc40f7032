/**
 * Browser copies of the published tables (Node, build time only); the index they are listed in is
 * declared in src/schema/browser-copies.ts.
 *
 * DuckDB-WASM 1.29+ has no Parquet reader built in and would fetch the extension from another host
 * (see docs/architecture.md, "Querying in the browser"). So the site publishes, beside each Parquet
 * file, the same rows as an Arrow IPC stream, gzip-compressed: the browser inflates it with the
 * native DecompressionStream and hands it to DuckDB-WASM's `insertArrowFromIPCStream`, with no
 * decoding code of ours and no extension. The Parquet stays the downloadable format; the copy is
 * derived from it (same rows, same column types) and names the Parquet's sha256 it was made from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { Bool, DateDay, Dictionary, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import { BROWSER_COPIES_INDEX, browserCopyFile, type BrowserCopiesIndex } from '../schema/browser-copies.ts';
import { MANIFEST_FILE, parseManifestText } from '../schema/manifest.ts';
import { sqlString } from '../shared/sql-text.ts';

/** One column as an Arrow vector of the Parquet column's type. Strings are dictionary-encoded (codes repeat). */
function arrowVector(type: string, values: readonly unknown[]): Vector {
  switch (type) {
    case 'VARCHAR':
      return vectorFromArray(values as (string | null)[], new Dictionary(new Utf8(), new Int32()));
    case 'BIGINT':
      return vectorFromArray(values as (bigint | null)[], new Int64());
    case 'INTEGER':
      return vectorFromArray(values as (number | null)[], new Int32());
    case 'BOOLEAN':
      return vectorFromArray(values as (boolean | null)[], new Bool());
    case 'DATE':
      return vectorFromArray(values as (Date | null)[], new DateDay());
    default:
      throw new Error(`browser copy: column type ${type} has no Arrow mapping yet; add it in src/build/browser-copies.ts`);
  }
}

/** The Arrow IPC stream of one Parquet file (same columns, same order, same rows). */
export async function parquetToArrowIpc(parquetPath: string): Promise<{ ipc: Uint8Array; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const db = await instance.connect();
  try {
    const source = `read_parquet(${sqlString(parquetPath)})`;
    const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
    const columns = (await db.runAndReadAll(`SELECT * FROM ${source}`)).getColumnsObjectJS();
    const vectors: Record<string, Vector> = {};
    let rows = 0;
    for (const { column_name: name, column_type: type } of described) {
      const values = columns[name] ?? [];
      rows = values.length;
      vectors[name] = arrowVector(type, values);
    }
    return { ipc: tableToIPC(new Table(vectors), 'stream'), rows };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** Writes every published table's browser copy and the index into `outDir` (one file per table). */
export async function writeBrowserCopies(publishedDir: string, outDir: string, write: (path: string, bytes: Uint8Array) => Promise<void>): Promise<BrowserCopiesIndex> {
  const manifestPath = join(publishedDir, MANIFEST_FILE);
  const manifest = parseManifestText(readFileSync(manifestPath, 'utf8'), manifestPath);
  const index: BrowserCopiesIndex = { format: 'arrow-ipc-stream+gzip', snapshotDate: manifest.snapshotDate, tables: {} };
  for (const [name, published] of Object.entries(manifest.tables)) {
    const { ipc, rows } = await parquetToArrowIpc(join(publishedDir, published.file));
    if (rows !== published.rows) throw new Error(`browser copy of ${name}: ${rows} rows, the manifest says ${published.rows}`);
    // mtime 0 in the gzip header: same Parquet in, same bytes out.
    const gz = gzipSync(ipc, { level: 9 });
    const file = browserCopyFile(name);
    await write(join(outDir, file), gz);
    index.tables[name] = { file, rows, bytes: gz.length, arrowBytes: ipc.length, parquetSha256: published.sha256 };
  }
  await write(join(outDir, BROWSER_COPIES_INDEX), new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`));
  return index;
}
