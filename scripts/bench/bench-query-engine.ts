/**
 * `npm run bench:browser`: measures querying in the browser on the built site (dist/), in headless
 * Debian Chromium on this machine, and writes a section into docs/benchmarks.md.
 *
 * - Sizes: the DuckDB-WASM files the site serves (raw, gzip -9, brotli q11) and the browser copies.
 * - (a) the chosen path: the explorer page, network cut, timed from navigation to engine ready and
 *   to the first answer; bytes over the wire by kind; memory (RSS of Chromium's process tree).
 * - (b) the alternative of decoding the Parquet in the page (hyparquet + fzstd → Arrow IPC),
 *   against (a)'s own step (fetch the gzip Arrow copy, inflate): the step after is the same insert.
 * - (c) DuckDB-WASM 1.28.0 (the last with Parquet built in) reading the Parquet over HTTP ranges:
 *   fetched with `npm pack` into bench-data/ if missing; skipped with a note if that fails.
 *
 * Everything is served from 127.0.0.1; any other request is aborted and fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer } from '../../src/build/static-server.ts';
import { reportNumber } from '../lib/report-numbers.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const BENCH = join(ROOT, 'bench-data');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const EXPLORER = '/jelajah/?tabel=sanctions&rincian=nationality&kolom=year';
const BIG_TABLE = 'sanctions_totals';

const kb = (n: number) => `${reportNumber(n / 1024)} KiB`;
const mb = (n: number) => (n < 1024 * 1024 ? kb(n) : `${reportNumber(n / 1024 / 1024, 1)} MiB`);
const ms = (n: number) => `${reportNumber(n)} ms`;
const brotli = (bytes: Uint8Array) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
const log = (message: string) => process.stderr.write(`[bench:browser] ${message}\n`);

if (!existsSync(join(DIST, 'data', 'browser', 'index.json'))) throw new Error('dist/ is not built: run `npm run data && npx astro build` first.');

// --- sizes -----------------------------------------------------------------------------------
const assets = join(DIST, '_astro');
const sizeRows: string[] = [];
for (const file of readdirSync(assets).filter((f) => /^duckdb-(eh|mvp)\..*\.wasm$|^duckdb-browser-(eh|mvp)\.worker|^duckdb-engine|^Explorer/.test(f)).sort()) {
  log(`compressing ${file}`);
  const bytes = readFileSync(join(assets, file));
  sizeRows.push(`| \`_astro/${file.replace(/\.[\w-]{8}\./, '.*.')}\` | ${mb(bytes.length)} | ${mb(gzipSync(bytes, { level: 9 }).length)} | ${mb(brotli(bytes))} |`);
}
const copies = JSON.parse(readFileSync(join(DIST, 'data', 'browser', 'index.json'), 'utf8')) as { tables: Record<string, { file: string; bytes: number; arrowBytes: number; rows: number }> };
const copyRows = Object.entries(copies.tables).map(([name, copy]) => {
  const parquet = statSync(join(DIST, 'data', `${name}.parquet`)).size;
  return `| ${name} | ${reportNumber(copy.rows)} | ${kb(parquet)} | ${kb(copy.arrowBytes)} | ${kb(copy.bytes)} |`;
});

// --- browser helpers -------------------------------------------------------------------------
/** RSS of a Chromium process tree (the browser whose command line names `profile`, and its descendants). */
function treeRss(profile: string): number {
  const procs = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      return { pid: Number(pid), ppid, cmd, rss };
    } catch {
      return null;
    }
  }).filter((p) => p !== null);
  const roots = procs.filter((p) => p.cmd.includes(profile) && !procs.some((q) => q.pid === p.ppid && q.cmd.includes(profile)));
  const tree = new Set(roots.map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!tree.has(p.pid) && tree.has(p.ppid)) (tree.add(p.pid), (grew = true));
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.rss, 0);
}

interface Session {
  context: BrowserContext;
  page: Page;
  profile: string;
  bytes: Map<string, number>;
  foreign: string[];
  urls: string[];
}

async function session(): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'pantau-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true });
  const foreign: string[] = [];
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.fallback() : (foreign.push(route.request().url()), route.abort())));
  const page = context.pages()[0] ?? (await context.newPage());
  // Bytes by kind, from every request of the context, the engine's worker included.
  const bytes = new Map<string, number>();
  const urls: string[] = [];
  context.on('requestfinished', async (request) => {
    const url = request.url();
    urls.push(url);
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    const kind = url.endsWith('.wasm') ? 'wasm' : /\.m?js(\?|$)/.test(url) ? 'js' : url.includes('/data/') ? 'data' : 'page';
    bytes.set(kind, (bytes.get(kind) ?? 0) + responseBodySize + responseHeadersSize);
  });
  return { context, page, profile, bytes, foreign, urls };
}

async function close(s: Session) {
  await s.context.close();
  rmSync(s.profile, { recursive: true, force: true });
  if (s.foreign.length) throw new Error(`requests to other hosts: ${s.foreign.join(', ')}`);
}

const server = await startStaticServer(DIST);
const origin = server.origin;
// Other work on a shared machine slows every timing below: record how busy it was.
const loadAtStart = loadavg()[0]!;

// --- (a) the explorer ------------------------------------------------------------------------
log('(a) explorer, cold');
const a = await session();
await a.page.addInitScript(() => {
  const marks: Record<string, number> = {};
  (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
  new MutationObserver(() => {
    const phase = document.querySelector('pantau-engine-status')?.getAttribute('data-phase');
    if (phase && !(`phase:${phase}` in marks)) marks[`phase:${phase}`] = performance.now();
    const state = document.querySelector('[data-explorer-result]');
    if (state && state.getAttribute('data-state') !== 'static' && !state.hasAttribute('aria-busy') && !('answer' in marks)) marks.answer = performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true });
});
const rssBefore = treeRss(a.profile);
await a.page.goto(`${origin}${EXPLORER}`);
await a.page.waitForFunction(() => 'answer' in (window as unknown as { benchMarks: object }).benchMarks, null, { timeout: 120_000 });
const marks: Record<string, number> = await a.page.evaluate(() => ({
  ...(window as unknown as { benchMarks: Record<string, number> }).benchMarks,
  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
}));
await new Promise((r) => setTimeout(r, 500));
const rssAnswer = treeRss(a.profile);
const bytesA = Object.fromEntries(a.bytes);
// A second query that loads another table, and one that loads nothing new.
const t0 = Date.now();
await a.page.selectOption('#explorer-table', 'arrivals');
await a.page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.startsWith('arrivals|') && !document.querySelector('[data-explorer-result]')?.hasAttribute('aria-busy'));
const secondTable = Date.now() - t0;
const t1 = Date.now();
await a.page.selectOption('#filter-province', '51');
await a.page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.includes('province_code') && !document.querySelector('[data-explorer-result]')?.hasAttribute('aria-busy'));
const filterChange = Date.now() - t1;
const bundle = a.urls.find((url) => url.endsWith('.wasm'))?.match(/duckdb-(eh|mvp)/)?.[1] ?? '?';
const version = (await a.page.getAttribute('pantau-engine-status', 'data-engine-version')) ?? '?';
await close(a);

// --- (b) Parquet decoded in the page vs (a)'s gzip Arrow copy ---------------------------------
log('(b) hyparquet decode vs gzip Arrow inflate');
const decoder = await build({
  stdin: {
    contents: `
      import { parquetReadObjects } from 'hyparquet';
      import { decompress } from 'fzstd';
      import { Bool, DateDay, Dictionary, Int32, Int64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
      const compressors = { ZSTD: (input, length) => decompress(input, new Uint8Array(length)) };
      function vector(values) {
        const sample = values.find((v) => v !== null && v !== undefined);
        if (typeof sample === 'bigint') return vectorFromArray(values, new Int64());
        if (typeof sample === 'boolean') return vectorFromArray(values, new Bool());
        if (sample instanceof Date) return vectorFromArray(values, new DateDay());
        if (typeof sample === 'number') return vectorFromArray(values, new Int32());
        return vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));
      }
      window.benchParquet = async (url) => {
        const t0 = performance.now();
        const file = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
        const t1 = performance.now();
        const rows = await parquetReadObjects({ file, compressors });
        const t2 = performance.now();
        const names = Object.keys(rows[0]);
        const vectors = Object.fromEntries(names.map((n) => [n, vector(rows.map((r) => r[n] ?? null))]));
        const ipc = tableToIPC(new Table(vectors), 'stream');
        const t3 = performance.now();
        return { fetch: t1 - t0, decode: t2 - t1, arrow: t3 - t2, total: t3 - t0, rows: rows.length, ipc: ipc.length };
      };
      window.benchArrowGz = async (url) => {
        const t0 = performance.now();
        const response = await fetch(url, { cache: 'no-store' });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const t1 = performance.now();
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        const ipc = new Uint8Array(await new Response(stream).arrayBuffer());
        const t2 = performance.now();
        return { fetch: t1 - t0, inflate: t2 - t1, total: t2 - t0, ipc: ipc.length };
      };`,
    resolveDir: ROOT,
    loader: 'js',
  },
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  write: false,
});
const decoderJs = decoder.outputFiles[0]!.contents;
const decoderOnly = await build({
  stdin: { contents: "import { parquetReadObjects } from 'hyparquet'; import { decompress } from 'fzstd'; window.x = [parquetReadObjects, decompress];", resolveDir: ROOT, loader: 'js' },
  bundle: true, minify: true, format: 'iife', platform: 'browser', write: false,
});
const decoderBytes = decoderOnly.outputFiles[0]!.contents;
const b = await session();
await b.page.route('**/bench-decoder.js', (route) => route.fulfill({ body: Buffer.from(decoderJs), contentType: 'text/javascript' }));
await b.page.goto(`${origin}/`);
await b.page.addScriptTag({ url: `${origin}/bench-decoder.js` });
const runs = 5;
const parquetRuns: { fetch: number; decode: number; arrow: number; total: number; rows: number; ipc: number }[] = [];
const arrowRuns: { fetch: number; inflate: number; total: number; ipc: number }[] = [];
for (let i = 0; i < runs; i += 1) {
  parquetRuns.push(await b.page.evaluate((url) => (window as unknown as { benchParquet: (u: string) => Promise<never> }).benchParquet(url), `${origin}/data/${BIG_TABLE}.parquet`));
  arrowRuns.push(await b.page.evaluate((url) => (window as unknown as { benchArrowGz: (u: string) => Promise<never> }).benchArrowGz(url), `${origin}/data/browser/${BIG_TABLE}.arrow.gz`));
}
await close(b);
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

// --- (c) DuckDB-WASM 1.28.0 reading the Parquet over HTTP ranges -------------------------------
let oldResult: string;
const oldDir = join(BENCH, 'duckdb-wasm-1.28.0', 'package');
try {
  if (!existsSync(join(oldDir, 'dist', 'duckdb-eh.wasm'))) {
    log('(c) fetching @duckdb/duckdb-wasm@1.28.0 with npm pack');
    mkdirSync(join(BENCH, 'duckdb-wasm-1.28.0'), { recursive: true });
    execFileSync('npm', ['pack', '@duckdb/duckdb-wasm@1.28.0', '--pack-destination', join(BENCH, 'duckdb-wasm-1.28.0')], { stdio: 'ignore' });
    execFileSync('tar', ['xzf', join(BENCH, 'duckdb-wasm-1.28.0', 'duckdb-duckdb-wasm-1.28.0.tgz'), '-C', join(BENCH, 'duckdb-wasm-1.28.0')]);
  }
  log('(c) DuckDB-WASM 1.28.0');
  const oldWasm = readFileSync(join(oldDir, 'dist', 'duckdb-eh.wasm'));
  const oldJs = await build({
    stdin: {
      contents: `
        import * as duckdb from './dist/duckdb-browser.mjs';
        window.benchOld = async (origin, file) => {
          const t0 = performance.now();
          const worker = new Worker(origin + '/bench-old/duckdb-browser-eh.worker.js');
          const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
          await db.instantiate(origin + '/bench-old/duckdb-eh.wasm');
          await db.open({});
          const conn = await db.connect();
          const t1 = performance.now();
          await db.registerFileURL(file, origin + '/data/' + file, duckdb.DuckDBDataProtocol.HTTP, false);
          const sql = "SELECT CAST(period AS VARCHAR) AS period, nationality, count FROM read_parquet('" + file + "') WHERE view = 'nationality' AND grain = 'year'";
          const result = await conn.query(sql);
          const t2 = performance.now();
          const again = await conn.query(sql.replace("'year'", "'half'"));
          const t3 = performance.now();
          return { ready: t1 - t0, firstAnswer: t2 - t0, query: t2 - t1, secondQuery: t3 - t2, rows: result.numRows + again.numRows * 0, version: (await conn.query('SELECT version() AS v')).toArray()[0].v };
        };`,
      resolveDir: oldDir,
      loader: 'js',
    },
    bundle: true, minify: true, format: 'iife', platform: 'browser', write: false,
    // 1.28 was built against apache-arrow 13; the installed 17 keeps the API it uses.
    alias: { 'apache-arrow': join(ROOT, 'node_modules', 'apache-arrow') },
  });
  const c = await session();
  await c.page.route('**/bench-old/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    if (name === 'bench.js') return route.fulfill({ body: Buffer.from(oldJs.outputFiles[0]!.contents), contentType: 'text/javascript' });
    return route.fulfill({ body: readFileSync(join(oldDir, 'dist', name)), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  await c.page.goto(`${origin}/`);
  const rssOldBefore = treeRss(c.profile);
  await c.page.addScriptTag({ url: `${origin}/bench-old/bench.js` });
  const rangeRequests: number[] = [];
  c.page.on('request', (r) => r.url().endsWith('.parquet') && rangeRequests.push(1));
  const before = Object.fromEntries(c.bytes);
  const old = await c.page.evaluate(([o, f]) => (window as unknown as { benchOld: (o: string, f: string) => Promise<Record<string, number | string>> }).benchOld(o!, f!), [origin, `${BIG_TABLE}.parquet`]);
  await new Promise((r) => setTimeout(r, 500));
  const rssOld = treeRss(c.profile);
  const dataBytes = (c.bytes.get('data') ?? 0) - (before.data ?? 0);
  await close(c);
  c.bytes.set('js', (c.bytes.get('js') ?? 0));
  oldResult = [
    `| DuckDB version | ${old.version} (native build side: 1.5) |`,
    `| \`duckdb-eh.wasm\` raw / gzip / brotli | ${mb(oldWasm.length)} / ${mb(gzipSync(oldWasm, { level: 9 }).length)} / ${mb(brotli(oldWasm))} |`,
    `| engine ready (instantiate, open) | ${ms(Number(old.ready))} |`,
    `| first answer (\`${BIG_TABLE}\` read over HTTP ranges, ${rangeRequests.length} requests, ${kb(dataBytes)}) | ${ms(Number(old.firstAnswer))} |`,
    `| second query, same file | ${ms(Number(old.secondQuery))} |`,
    `| RSS of Chromium (all processes): before / after the answer | ${mb(rssOldBefore)} / ${mb(rssOld)} |`,
    `| bytes over the wire: wasm / JS / data | ${mb(c.bytes.get('wasm') ?? 0)} / ${kb(c.bytes.get('js') ?? 0)} / ${kb(dataBytes)} |`,
  ].join('\n');
} catch (error) {
  oldResult = `| (c) not measured | ${(error as Error).message.split('\n')[0]} |`;
}
await server.close();

// --- write ------------------------------------------------------------------------------------
const pMed = { fetch: median(parquetRuns.map((r) => r.fetch)), decode: median(parquetRuns.map((r) => r.decode)), arrow: median(parquetRuns.map((r) => r.arrow)), total: median(parquetRuns.map((r) => r.total)) };
const aMed = { fetch: median(arrowRuns.map((r) => r.fetch)), inflate: median(arrowRuns.map((r) => r.inflate)), total: median(arrowRuns.map((r) => r.total)) };
const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim();
const date = new Date().toISOString().slice(0, 10);
const section = `<!-- bench:browser -->
## Querying in the browser — ${date}

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromiumVersion}, headless; site served from
127.0.0.1 by src/build/static-server.ts (the precompressed brotli files with Content-Encoding, as a
deploy sends them). Command: \`npm run bench:browser\`.
Every request to another host is aborted; none was made. Load average (1 min) at the start of
the browser runs: ${loadAtStart.toFixed(1)} on ${cpus().length} cores — timings scale with it.

**Files the engine needs** (fingerprinted, cacheable for ever):

| file | raw | gzip -9 | brotli q11 |
|---|---:|---:|---:|
${sizeRows.join('\n')}

**Browser copies** (Arrow IPC stream, gzip; made at site build beside each Parquet):

| table | rows | Parquet (zstd) | Arrow IPC | Arrow IPC gzip (sent) |
|---|---:|---:|---:|---:|
${copyRows.join('\n')}

**(a) Chosen: DuckDB-WASM ${JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8')).version} (DuckDB ${version}) + gzip Arrow copies**, explorer \`${EXPLORER}\`
(loads \`${BIG_TABLE}\` and \`countries\`), cold cache, bundle chosen by feature detection: \`${bundle}\`:

| measurement | value |
|---|---:|
| first contentful paint (built table on screen) | ${ms(marks.fcp ?? NaN)} |
| engine starts loading (after load + idle) | ${ms(marks['phase:engine'] ?? NaN)} |
| engine ready (wasm fetched, compiled, opened) | ${ms(marks['phase:ready'] ?? NaN)} |
| first answer on screen (tables fetched, inserted, queried, pivoted) | ${ms(marks.answer ?? NaN)} |
| next query loading one more table (\`arrivals_totals\`) | ${ms(secondTable)} |
| next query, tables already loaded (province filter) | ${ms(filterChange)} |
| bytes over the wire: wasm / JS / data / page | ${mb(bytesA.wasm ?? 0)} / ${kb(bytesA.js ?? 0)} / ${kb(bytesA.data ?? 0)} / ${kb(bytesA.page ?? 0)} |
| RSS of Chromium (all processes): before / after the first answer | ${mb(rssBefore)} / ${mb(rssAnswer)} |

**(b) Alternative: decode the Parquet in the page** (hyparquet + fzstd, then build the same Arrow
stream), against (a)'s step for the same table, \`${BIG_TABLE}\` (${parquetRuns[0] ? reportNumber(parquetRuns[0].rows) : undefined} rows), median of ${runs}:

| step | (b) Parquet → Arrow in JS | (a) gzip Arrow copy |
|---|---:|---:|
| bytes fetched | ${kb(statSync(join(DIST, 'data', `${BIG_TABLE}.parquet`)).size)} | ${kb(copies.tables[BIG_TABLE]!.bytes)} |
| fetch | ${ms(pMed.fetch)} | ${ms(aMed.fetch)} |
| decode / inflate | ${ms(pMed.decode)} | ${ms(aMed.inflate)} |
| build Arrow IPC | ${ms(pMed.arrow)} | — |
| total before the insert | ${ms(pMed.total)} | ${ms(aMed.total)} |
| extra JavaScript shipped (minified, gzip) | ${kb(decoderBytes.length)} (${kb(gzipSync(decoderBytes).length)}) | 0 (DecompressionStream is built in) |

**(c) Alternative: pin DuckDB-WASM 1.28.0** (Parquet built in), same query on the Parquet over HTTP:

| measurement | value |
|---|---:|
${oldResult}
<!-- /bench:browser -->
`;
replaceMarkedSection('browser', section);
log('wrote docs/benchmarks.md');
process.stdout.write(section);
