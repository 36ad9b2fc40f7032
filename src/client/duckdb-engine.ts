/**
 * DuckDB-WASM behind the QueryEngine interface (src/client/query-engine.ts). A chunk of its own:
 * nothing here is fetched until the engine starts. See query-engine.ts for the contract.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { DataType, type Table } from 'apache-arrow';
import { BROWSER_COPIES_DIR, BROWSER_COPIES_INDEX, parseBrowserCopiesIndex } from '../schema/browser-copies.ts';
import { MANIFEST_FILE, parseManifest } from '../schema/manifest.ts';
import { exactNumber, isoDay } from '../shared/plain-value.ts';
import { referencedTables, type QueryEngine, type QueryEngineProgress, type QueryRow, type QueryValue } from './query-engine.ts';

/** The site's base path ("/" or "/sub/"), from Vite. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const dataUrl = (path: string) => `${BASE}data/${path}`;

async function fetchJson(url: string): Promise<unknown> {
  // The manifest and index change with each publication: revalidate, never trust a stale copy.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** The bytes of a gzip body, inflated by the browser; passes through bytes that were already inflated. */
async function inflateGzip(response: Response): Promise<Uint8Array> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server that sends `.gz` with Content-Encoding: gzip has already had the browser inflate it.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Arrow value → plain JS value of the documented shape. */
function plainValue(value: unknown, type: DataType, column: string): QueryValue {
  if (value === null || value === undefined) return null;
  if (DataType.isDate(type)) return isoDay(new Date(Number(value)));
  if (DataType.isTimestamp(type)) return new Date(Number(value)).toISOString();
  if (typeof value === 'bigint') return exactNumber(value, column);
  if (DataType.isDecimal(type)) {
    // HUGEINT sums arrive as Decimal128 scale 0 (or a scaled decimal): via its string form.
    const text = String(value);
    const scale = (type as unknown as { scale: number }).scale;
    return scale > 0 ? Number(text) / 10 ** scale : exactNumber(BigInt(text), column);
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint32Array || value instanceof Int32Array) {
    // Decimal128/HUGEINT without a Decimal type: four little-endian 32-bit words.
    let result = 0n;
    for (let i = value.length - 1; i >= 0; i -= 1) result = (result << 32n) | BigInt(value[i]! >>> 0);
    if (value[value.length - 1]! < 0 && value instanceof Int32Array) result -= 1n << BigInt(32 * value.length);
    return exactNumber(result, column);
  }
  return String(value);
}

/** Arrow table → array of plain row objects. */
export function arrowToRows<T>(table: Table): T[] {
  const fields = table.schema.fields;
  const columns = fields.map((field) => table.getChild(field.name)!);
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i += 1) {
    const row: QueryRow = {};
    for (let c = 0; c < fields.length; c += 1) row[fields[c]!.name] = plainValue(columns[c]!.get(i), fields[c]!.type, fields[c]!.name);
    rows[i] = row as T;
  }
  return rows;
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

async function readIndexes() {
  const manifestUrl = dataUrl(MANIFEST_FILE);
  const indexUrl = dataUrl(`${BROWSER_COPIES_DIR}/${BROWSER_COPIES_INDEX}`);
  const [manifest, copies] = await Promise.all([
    fetchJson(manifestUrl).then((json) => parseManifest(json, manifestUrl)),
    fetchJson(indexUrl).then((json) => parseBrowserCopiesIndex(json, indexUrl)),
  ]);
  return { manifest, copies, tables: Object.keys(copies.tables).filter((name) => name in manifest.tables) };
}

type BrowserCopy = Awaited<ReturnType<typeof readIndexes>>['copies']['tables'][string];

/** Where a table's browser copy is fetched from: `?v=` names the Parquet it was made from. */
const copyUrl = (copy: BrowserCopy) => dataUrl(`${BROWSER_COPIES_DIR}/${copy.file}?v=${copy.parquetSha256.slice(0, 16)}`);

async function fetchCopy(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return inflateGzip(response);
}

export async function startEngine(report: (progress: QueryEngineProgress) => void): Promise<QueryEngine> {
  report({ phase: 'engine', loaded: 0, total: 0, fraction: 0 });
  const [{ manifest, copies, tables }, bundle] = await Promise.all([readIndexes(), duckdb.selectBundle(BUNDLES)]);
  const engineProgress = (loaded: number, total: number) =>
    report({ phase: 'engine', loaded, total, fraction: total > 0 ? Math.min(1, loaded / total) : null });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => engineProgress(p.bytesLoaded, p.bytesTotal));
  await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  const conn = await db.connect();
  // Never reach for an extension: with no network the autoloader would hang on another host.
  await conn.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false");

  const loading = new Map<string, Promise<void>>();
  let pendingBytes = 0;
  let receivedBytes = 0;

  async function loadTable(name: string): Promise<void> {
    const copy = copies.tables[name]!;
    pendingBytes += copy.bytes;
    report({ phase: 'tables', loaded: receivedBytes, total: pendingBytes, fraction: receivedBytes / pendingBytes });
    const ipc = await fetchCopy(copyUrl(copy));
    await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    receivedBytes += copy.bytes;
    report(receivedBytes >= pendingBytes
      ? { phase: 'ready', loaded: receivedBytes, total: pendingBytes, fraction: 1, engineVersion: version }
      : { phase: 'tables', loaded: receivedBytes, total: pendingBytes, fraction: receivedBytes / pendingBytes });
  }

  function ensureLoaded(names: readonly string[]): Promise<void> {
    return Promise.all(
      names.map((name) => {
        let promise = loading.get(name);
        if (!promise) {
          promise = loadTable(name);
          // A failed load can be tried again by the next query.
          promise.catch(() => loading.delete(name));
          loading.set(name, promise);
        }
        return promise;
      }),
    ).then(() => undefined);
  }

  const version = await db.getVersion();
  report({ phase: 'ready', loaded: 0, total: 0, fraction: 1, engineVersion: version });
  return {
    version,
    tables,
    snapshotDate: manifest.snapshotDate,
    bundle: bundle.mainModule === ehWasmUrl ? 'eh' : 'mvp',
    preload: (names) => ensureLoaded(names.filter((name) => tables.includes(name))),
    async query<T extends object>(sql: string): Promise<T[]> {
      await ensureLoaded(referencedTables(sql, tables));
      return arrowToRows<T>(await conn.query(sql));
    },
  };
}

