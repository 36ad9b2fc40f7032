/**
 * `npm run bench:decks`: the rakor decks on the built site (dist/), in headless Debian Chromium on
 * this machine: bytes of a deck and of the files it shares with every deck, time to the first slide
 * cold (new browser context, nothing cached) on the local server and on a throttled slow link, and
 * the requests it makes (no `.wasm`, nothing from another host). Writes a section into
 * docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../src/build/static-server.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** A slow link: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency (Lighthouse's "slow 4G"), for hotel Wi-Fi. */
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const RUNS = 5;

const kb = (n: number) => `${(n / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KiB`;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const log = (message: string) => process.stderr.write(`[bench:decks] ${message}\n`);

const presentations = join(DIST, 'presentasi');
if (!existsSync(presentations)) throw new Error('dist/ has no decks: run `npm run data && npx astro build` first.');
const date = readdirSync(presentations).filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort().at(-1)!;
const DECKS = [`/presentasi/${date}/nasional/`, `/presentasi/${date}/banten/`, `/presentasi/${date}/kanim-serang/`];

const file = (path: string) => readFileSync(join(DIST, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : ''));
const shared = [...file(DECKS[0]!).toString().matchAll(/(?:src|href)="(\/_astro\/[^"]+)"/g)].map((m) => m[1]!);

const server = await startStaticServer(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface Load { ms: number; requests: string[]; bytes: number }

async function firstSlide(path: string, slow: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const requests: string[] = [];
  let bytes = 0;
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', async (response) => {
    bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  });
  await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW);
  }
  const start = performance.now();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
  await page.waitForSelector('.reveal.ready .slides > section.present');
  const elapsed = performance.now() - start;
  await page.waitForLoadState('load');
  await context.close();
  return { ms: elapsed, requests, bytes };
}

const rows: string[] = [];
const requestNotes: string[] = [];
for (const path of DECKS) {
  const html = file(path);
  const cold: Load[] = [];
  for (let i = 0; i < RUNS; i += 1) cold.push(await firstSlide(path, false));
  const slow: Load[] = [];
  for (let i = 0; i < 3; i += 1) slow.push(await firstSlide(path, true));
  const requests = cold[0]!.requests;
  const wasm = requests.filter((url) => /\.wasm/i.test(url));
  const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('data:'));
  if (wasm.length > 0 || foreign.length > 0) throw new Error(`${path} requested ${[...wasm, ...foreign].join(', ')}`);
  const slides = (html.toString().match(/<section data-slide=/g) ?? []).length;
  rows.push(`| \`${path}\` | ${slides} | ${kb(html.length)} / ${kb(gzipSync(html, { level: 9 }).length)} | ${kb(cold[0]!.bytes)} | ${requests.length} | ${ms(median(cold.map((r) => r.ms)))} | ${ms(median(slow.map((r) => r.ms)))} |`);
  requestNotes.push(`\`${path}\`: ${requests.map((url) => url.replace(server.origin, '')).join(', ')}`);
  log(`${path}: ${ms(median(cold.map((r) => r.ms)))} cold, ${ms(median(slow.map((r) => r.ms)))} slow`);
}
await browser.close();
await server.close();

const sharedRows = shared.map((path) => {
  const bytes = file(path);
  return `| \`${path.replace(/\.[A-Za-z0-9_-]{8}\./, '.….')}\` | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} |`;
});
const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim();
const section = `<!-- bench:decks -->
## Rakor decks — ${new Date().toISOString().slice(0, 10)}

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0]!.toFixed(1)} at the end; ${chromiumVersion}, headless;
dist/ served from 127.0.0.1 by src/build/static-server.ts (the precompressed brotli files, as a deploy sends them). Time to the first
slide: from navigation to reveal.js ready with the title slide shown, new browser context each run (nothing cached), median of
${RUNS} runs; slow link: Chromium's network emulation at 1.6 Mbit/s down, 150 ms latency, median of 3. Any request to another
host would fail the run; none was made, and no \`.wasm\` was requested (decks never load DuckDB-WASM).

| deck | slides | HTML raw / gzip | bytes fetched | requests | first slide, cold | first slide, slow link |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Files every deck shares (fingerprinted under \`/_astro/\`, cached once):

| file | raw | gzip -9 |
|---|---:|---:|
${sharedRows.join('\n')}

Requests of a cold load: ${requestNotes.join('; ')}.
<!-- /bench:decks -->
`;
replaceMarkedSection('decks', section, join(ROOT, 'docs', 'benchmarks.md'));
log('wrote docs/benchmarks.md');
process.stdout.write(section);
