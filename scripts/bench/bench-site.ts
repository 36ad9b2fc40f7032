/**
 * `npm run bench:site`: the budgets of the site on weak Wi-Fi (issue "The site on weak Wi-Fi"),
 * measured on the built site (dist/) in headless Debian Chromium on this machine, served from
 * 127.0.0.1 by src/build/static-server.ts, and written as one section of docs/benchmarks.md:
 * - bytes: each page type's HTML (brotli), and the JS/WASM requested before its first paint;
 *   every JavaScript file a chart page runs, brotli, split into chart code and query engine;
 * - Lighthouse (from npm, mobile, its default simulated throttling): LCP, TBT, CLS and the four
 *   category scores per page type;
 * - the first filter on a 20 Mbit/s, 40 ms link with a cold cache: clicked at first paint and
 *   5 s after it, then with a warm cache; filter → redrawn chart over 50 changes once ready;
 * - decks and the summary request no `.wasm`;
 * - a baseline page drawn the way notebook-style dashboards draw (the chart only after the engine
 *   has loaded and queried at page load), so the gain of pre-rendered charts reads as a ratio.
 * Timings are this machine's (2 cores, shared): read ratios, not absolutes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer } from '../../src/build/static-server.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** The issue's Wi-Fi profile: 20 Mbit/s down, 40 ms latency. */
const WIFI = { offline: false, latency: 40, downloadThroughput: (20 * 1e6) / 8, uploadThroughput: (5 * 1e6) / 8 };
const CHANGES = 50;

const log = (message: string) => process.stderr.write(`[bench:site] ${message}\n`);
const kb = (n: number) => `${(n / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KiB`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
const brotli = (bytes: Uint8Array) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
const distFile = (path: string) => readFileSync(join(DIST, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : ''));

if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is empty: run `npm run data && npx astro build` first (or the site tests once).');
const release = readdirSync(join(DIST, 'presentasi')).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort().at(-1)!;
const firstDir = (dir: string) => readdirSync(join(DIST, dir)).filter((n) => existsSync(join(DIST, dir, n, 'index.html'))).sort()[0]!;

/** One page of each type, Indonesian (the English pages are built from the same components). */
const PAGES: { type: string; path: string; filters: boolean }[] = [
  { type: 'home', path: '/', filters: false },
  { type: 'arrivals', path: '/kedatangan/', filters: true },
  { type: 'sanctions', path: '/sanksi/', filters: true },
  { type: 'TIMPORA operations', path: '/operasi-timpora/', filters: true },
  { type: 'data integration', path: '/integrasi-data/', filters: true },
  { type: 'explorer', path: '/jelajah/', filters: true },
  { type: 'methodology', path: '/metodologi/', filters: false },
  { type: 'province', path: '/wilayah/banten/', filters: false },
  { type: 'office', path: `/wilayah/kantor/${firstDir('wilayah/kantor')}/`, filters: false },
  { type: 'city/regency', path: '/wilayah/banten/kota-cilegon/', filters: false },
  { type: 'summary', path: '/ringkasan/', filters: false },
  { type: 'embed', path: `/embed/${firstDir('embed')}/`, filters: false },
  { type: 'deck', path: `/presentasi/${release}/banten/`, filters: false },
].filter((p) => existsSync(join(DIST, p.path.replace(/^\//, ''), 'index.html')));

const server = await startStaticServer(DIST);
const url = (path: string) => `${server.origin}${path}`;
const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface Loaded {
  context: BrowserContext;
  page: Page;
  requests: string[];
  encodings: Map<string, string>;
}

async function open(path: string, options: { throttle?: boolean; context?: BrowserContext } = {}): Promise<Loaded> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: 390, height: 844 } }));
  const page = await context.newPage();
  const requests: string[] = [];
  const encodings = new Map<string, string>();
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => encodings.set(response.url(), response.headers()['content-encoding'] ?? 'none'));
  await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
  if (options.throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', WIFI);
  }
  await page.goto(url(path), { waitUntil: 'load' });
  return { context, page, requests, encodings };
}

/** first-contentful-paint of the page (waits for it: a busy machine may record it after `load`). */
const firstPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((done) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) done(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => done(NaN), 10_000);
      }),
  );

/** Bytes (brotli) the first chart needs: the HTML up to the end of its first chart and the render-blocking stylesheets. */
function firstChartBytes(html: string): { bytes: number; blockingScripts: number } | null {
  const end = html.search(/<\/svg>/);
  if (!/<svg[^>]*pantau-plot/.test(html) || end < 0) return null;
  const head = html.slice(0, html.indexOf('</head>'));
  const css = [...head.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => distFile(m[1]!));
  const blockingScripts = [...head.matchAll(/<script(?![^>]*(type="module"|async|defer))[^>]*src=/g)].length;
  return { bytes: brotli(Buffer.from(html.slice(0, end + 6))) + css.reduce((sum, file) => sum + brotli(file), 0), blockingScripts };
}

// 1. Bytes per page type: HTML brotli, JS/WASM before the first paint, whether the first chart is in the HTML.
log('bytes per page type');
const byteRows: string[] = [];
for (const p of PAGES) {
  const html = distFile(p.path);
  const first = firstChartBytes(html.toString());
  // The first paint with JavaScript off: the chart needs nothing but the HTML and the stylesheets.
  const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const plainPage = await plain.newPage();
  await plainPage.goto(url(p.path), { waitUntil: 'load' });
  const chartsWithoutJs = await plainPage.locator('svg.pantau-plot').count();
  await plain.close();
  const loaded = await open(p.path);
  const fcp = await firstPaint(loaded.page);
  await loaded.page.waitForTimeout(p.filters ? 4000 : 2500); // the idle prefetch, if any
  const wasm = loaded.requests.filter((r) => /\.wasm(\?|$)/.test(r)).length;
  byteRows.push(`| ${p.type} | \`${p.path}\` | ${kb(html.length)} / ${kb(brotli(html))} | ${first ? kb(first.bytes) : '–'} | ${first ? first.blockingScripts : '–'} | ${chartsWithoutJs} | ${ms(fcp)} | ${wasm} | ${loaded.encodings.get(url(p.path)) ?? '?'} |`);
  await loaded.context.close();
}

// 2. Every JavaScript file a chart page runs after a filter was answered, brotli.
log('chart JavaScript');
const ENGINE = /duckdb|apache-arrow|arrow|worker/i;
const arrivals = await open('/kedatangan/');
await arrivals.page.selectOption('select[data-filter="province"]', '51');
await arrivals.page.waitForFunction(() => (document.querySelector('pantau-chart') as HTMLElement | null)?.dataset.filters?.includes('"province":"51"'), undefined, { timeout: 180_000 });
const scripts = [...new Set(arrivals.requests.filter((r) => r.startsWith(server.origin) && /\.js(\?|$)/.test(r)))].map((r) => new URL(r).pathname);
await arrivals.context.close();
const sized = scripts.map((path) => ({ path, raw: distFile(path).length, br: brotli(distFile(path)), engine: ENGINE.test(path) }));
const chartJs = sized.filter((s) => !s.engine).reduce((sum, s) => sum + s.br, 0);
const engineJs = sized.filter((s) => s.engine).reduce((sum, s) => sum + s.br, 0);
const wasmFile = readdirSync(join(DIST, '_astro')).find((n) => /^duckdb-eh\..*\.wasm$/.test(n))!;
const wasmBytes = readFileSync(join(DIST, '_astro', wasmFile));
const wasmBr = existsSync(join(DIST, '_astro', `${wasmFile}.br`)) ? readFileSync(join(DIST, '_astro', `${wasmFile}.br`)).length : brotliCompressSync(wasmBytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;

// 3. The first filter on the 20 Mbit/s, 40 ms link.
/** Milliseconds from a province choice to the first chart drawn for it. */
async function filterAnswered(page: Page, province: string): Promise<number> {
  const start = Date.now();
  await page.selectOption('select[data-filter="province"]', province);
  await page.waitForFunction((code) => (document.querySelector('pantau-chart') as HTMLElement | null)?.dataset.filters?.includes(`"province":"${code}"`), province, { timeout: 300_000, polling: 'raf' });
  return Date.now() - start;
}
log('first filter, cold, at first paint');
const atPaintContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
/** The engine's download as the browser saw it (the worker fetches it, so it is not in the page's resource timing). */
const wasmSeen = new Promise<{ ms: number; bytes: number }>((done) => {
  atPaintContext.on('requestfinished', async (request) => {
    if (!/duckdb-eh\..*\.wasm/.test(request.url())) return;
    const timing = request.timing();
    done({ ms: timing.responseEnd - timing.requestStart, bytes: (await request.sizes()).responseBodySize });
  });
});
const atPaint = await open('/kedatangan/', { throttle: true, context: atPaintContext });
const coldAtPaint = await filterAnswered(atPaint.page, '51');
const wasmDownload = await Promise.race([wasmSeen, new Promise<{ ms: number; bytes: number }>((done) => setTimeout(() => done({ ms: NaN, bytes: NaN }), 5000))]);
const wasmTransfer = wasmDownload.ms;
const wasmOnWire = wasmDownload.bytes;
await atPaint.context.close();

log('first filter, cold, 5 s after first paint');
const later = await open('/kedatangan/', { throttle: true });
await later.page.waitForTimeout(Math.max(0, 5000 - (await firstPaint(later.page))));
const coldAfter5s = await filterAnswered(later.page, '51');
log('first filter, warm cache');
const warmPage = await later.context.newPage();
const cdp = await later.context.newCDPSession(warmPage);
await cdp.send('Network.enable');
await cdp.send('Network.emulateNetworkConditions', WIFI);
await warmPage.goto(url('/kedatangan/'), { waitUntil: 'load' });
const warm = await filterAnswered(warmPage, '36');
log(`filter → redraw, ${CHANGES} changes`);
const provinces = await warmPage.locator('select[data-filter="province"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
const redraws: number[] = [];
for (let i = 0; i < CHANGES; i += 1) redraws.push(await filterAnswered(warmPage, provinces[(i * 7) % provinces.length]!));
await later.context.close();

// 4. Baseline: the chart drawn only by the engine at page load (a filtered address is drawn client-side).
log('baseline: chart drawn after the engine loads');
const baselineRuns: number[] = [];
const prerenderedRuns: number[] = [];
for (let i = 0; i < 3; i += 1) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', WIFI);
  const start = Date.now();
  await page.goto(url('/kedatangan/?provinsi=51'), { waitUntil: 'commit' });
  await page.waitForFunction(() => (document.querySelector('pantau-chart') as HTMLElement | null)?.dataset.filters?.includes('"province":"51"'), undefined, { timeout: 300_000 });
  baselineRuns.push(Date.now() - start);
  await context.close();
  const plain = await open('/kedatangan/', { throttle: true });
  prerenderedRuns.push(await firstPaint(plain.page));
  await plain.context.close();
}

// 5. Decks and the summary never request a .wasm.
log('decks and summary: no .wasm');
const noWasm: string[] = [];
for (const path of [`/presentasi/${release}/nasional/`, '/ringkasan/', '/en/summary/']) {
  const loaded = await open(path);
  await loaded.page.waitForTimeout(5000);
  const wasm = loaded.requests.filter((r) => /\.wasm(\?|$)/.test(r));
  if (wasm.length > 0) throw new Error(`${path} requested ${wasm.join(', ')}`);
  noWasm.push(`\`${path}\` ${loaded.requests.length} requests, none \`.wasm\``);
  await loaded.context.close();
}
await browser.close();

// 6. Lighthouse, mobile (default config: simulated slow 4G, 4× CPU slowdown).
log('Lighthouse');
// Lighthouse drives a Chromium of its own over the DevTools port (the same Debian Chromium, launched here).
const LIGHTHOUSE_PORT = 9333;
const lighthouseBrowser = await chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, `--remote-debugging-port=${LIGHTHOUSE_PORT}`] });
const lighthouseRows: string[] = [];
let lighthouseVersion = '';
for (const p of PAGES) {
  const result = await lighthouse(url(p.path), { port: LIGHTHOUSE_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  if (!result) throw new Error(`Lighthouse gave no result for ${p.path}`);
  const { lhr } = result;
  lighthouseVersion = lhr.lighthouseVersion;
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  lighthouseRows.push(`| ${p.type} | ${ms(audit('largest-contentful-paint'))} | ${ms(audit('total-blocking-time'))} | ${audit('cumulative-layout-shift').toFixed(3)} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  log(`${p.path}: LCP ${ms(audit('largest-contentful-paint'))}`);
}
await lighthouseBrowser.close();
await server.close();

const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim();
const transferAt20 = (wasmOnWire * 8) / 20e6 * 1000 + 40;
const section = `<!-- bench:site -->
## The site on weak Wi-Fi (\`npm run bench:site\`) — ${new Date().toISOString().slice(0, 10)}

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0]!.toFixed(1)} at the end (other work was running: read ratios); ${chromiumVersion}, headless, 390 × 844;
Lighthouse ${lighthouseVersion}. dist/ served from 127.0.0.1 by src/build/static-server.ts. Brotli sizes below are quality 11 of the built file.

**Bytes per page type** (cold load, no throttling). "First chart needs" = brotli of the HTML up to the end of the page's first chart plus its render-blocking stylesheets (target ≤ 20 KB, with no render-blocking script: every script is a module, run after parsing); "charts with JS off" = pre-rendered charts drawn in a context with JavaScript disabled; first paint = first-contentful-paint with JavaScript on; \`.wasm\` = requests within 2.5–4 s after load (the idle prefetch, on pages with filters only); encoding = the HTML's Content-Encoding as served:

| page type | path | HTML raw / brotli | first chart needs | render-blocking scripts | charts with JS off | first paint | \`.wasm\` requests | encoding |
|---|---|---:|---:|---:|---:|---:|---:|---|
${byteRows.join('\n')}

**JavaScript a chart page runs** (\`/kedatangan/\` until a filter was answered): chart code (Plot, d3, glue) ${kb(chartJs)} brotli in ${sized.filter((s) => !s.engine).length} files; query engine glue (DuckDB-WASM, Arrow, workers) ${kb(engineJs)} brotli; \`${wasmFile.replace(/\.[A-Za-z0-9_-]{8}\./, '.….')}\` ${kb(wasmBytes.length)} raw, ${kb(wasmBr)} brotli.

| file | raw | brotli | part |
|---|---:|---:|---|
${sized.map((s) => `| \`${s.path.replace(/\.[A-Za-z0-9_-]{8}\./, '.….')}\` | ${kb(s.raw)} | ${kb(s.br)} | ${s.engine ? 'engine' : 'chart'} |`).join('\n')}

**First filter on 20 Mbit/s, 40 ms** (Chromium network emulation, new context = cold cache; time from the province choice to the first chart drawn for it):

| case | time | target |
|---|---:|---|
| clicked at first paint, cold | ${ms(coldAtPaint)} | ≤ engine transfer (${ms(wasmTransfer)} measured; ${ms(transferAt20)} for ${kb(wasmOnWire)} at 20 Mbit/s) + 500 ms |
| clicked 5 s after first paint, cold | ${ms(coldAfter5s)} | ≤ 1,500 ms |
| warm cache (second page load in the same context) | ${ms(warm)} | ≤ 300 ms |
| filter → redrawn chart once ready, p50 / p95 of ${CHANGES} | ${ms(quantile(redraws, 0.5))} / ${ms(quantile(redraws, 0.95))} | p95 < 50 ms |

**Baseline** (a chart drawn by the engine at page load, the way notebook-style dashboards draw: \`/kedatangan/?provinsi=51\`, from navigation to the chart drawn for Bali) on the same link: median ${ms(quantile(baselineRuns, 0.5))} of 3, against a first paint of the pre-rendered charts of ${ms(quantile(prerenderedRuns, 0.5))}: **${(quantile(baselineRuns, 0.5) / quantile(prerenderedRuns, 0.5)).toFixed(0)}× sooner** with the charts in the HTML.

**Lighthouse, mobile** (simulated throttling; targets LCP ≤ 1,000 ms, TBT < 50 ms, CLS 0):

| page type | LCP | TBT | CLS | performance | accessibility | best practices | SEO |
|---|---:|---:|---:|---:|---:|---:|---:|
${lighthouseRows.join('\n')}

Decks and the summary: ${noWasm.join('; ')}.
<!-- /bench:site -->
`;
replaceMarkedSection('site', section, join(ROOT, 'docs', 'benchmarks.md'));
log('wrote docs/benchmarks.md');
process.stdout.write(section);
