/**
 * `npm run bench:first-filter`: the first filter on /kedatangan/ in headless Chromium on the built
 * site (dist/), with the engine prefetched at idle and without it (Save-Data, which switches the
 * prefetch off), on loopback and on a 20 Mbit/s, 40 ms link, cold cache each time. A province is
 * chosen 5 s after first paint; the time is until the trend chart shows it. Also the main
 * thread's long tasks in those 5 s (what the prefetch costs the page). Writes its section of
 * docs/benchmarks.md.
 */
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer } from '../../src/build/static-server.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CLICK_AFTER_MS = 5000;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

interface Run {
  answeredMs: number;
  longTasksMs: number;
  wasmRequests: number;
}

async function firstFilter(browser: Browser, origin: string, prefetch: boolean, link: { mbit: number; latencyMs: number } | null): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let wasmRequests = 0;
  context.on('request', (request) => void (new URL(request.url()).pathname.endsWith('.wasm') && (wasmRequests += 1)));
  if (link) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: link.latencyMs, downloadThroughput: (link.mbit * 1e6) / 8, uploadThroughput: (link.mbit * 1e6) / 8 });
  }
  await page.addInitScript((saveData: boolean) => {
    if (saveData) Object.defineProperty(navigator, 'connection', { value: { saveData: true } });
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  }, !prefetch);
  await page.goto(`${origin}/kedatangan/`, { waitUntil: 'load' });
  await page.waitForTimeout(CLICK_AFTER_MS);
  const longTasksMs = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.reduce((s, d) => s + d, 0));
  const started = Date.now();
  await page.selectOption('select[data-filter="province"]', '51');
  await page.waitForFunction(() => {
    const chart = document.querySelector<HTMLElement>('pantau-chart[chart-id="arrivals-trend"]');
    return chart?.dataset.filters?.includes('"province":"51"') && !chart.hasAttribute('aria-busy');
  }, undefined, { timeout: 300_000, polling: 50 });
  const answeredMs = Date.now() - started;
  await context.close();
  return { answeredMs, longTasksMs, wasmRequests };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startStaticServer(DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const rows: string[] = [];
try {
  for (const link of [null, { mbit: 20, latencyMs: 40 }]) {
    for (const prefetch of [true, false]) {
      const runs: Run[] = [];
      for (let i = 0; i < (link ? 1 : RUNS); i += 1) runs.push(await firstFilter(browser, server.origin, prefetch, link));
      const label = `${link ? `${link.mbit} Mbit/s, ${link.latencyMs} ms` : 'loopback'} | ${prefetch ? 'prefetch at idle' : 'no prefetch (Save-Data)'}`;
      const row = `| ${label} | ${runs.length} | ${median(runs.map((r) => r.answeredMs))} ms | ${median(runs.map((r) => Math.round(r.longTasksMs)))} ms | ${Math.max(...runs.map((r) => r.wasmRequests))} |`;
      console.error(row);
      rows.push(row);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const section = `<!-- bench:first-filter -->
## First filter on /kedatangan/ (\`npm run bench:first-filter\`, ${new Date().toISOString().slice(0, 10)})

Headless Debian Chromium on dist/ (src/build/static-server.ts), cold cache per run; a province is
chosen ${CLICK_AFTER_MS / 1000} s after \`load\`, timed until the trend chart shows it. Long tasks: the main
thread's in those ${CLICK_AFTER_MS / 1000} s. The machine is shared (2 cores, load average ${loadavg()[0]!.toFixed(1)}): read ratios.

| link | prefetch | runs | filter → chart (median) | long tasks before the click | .wasm requests |
|---|---|---|---|---|---|
${rows.join('\n')}
<!-- /bench:first-filter -->
`;
replaceMarkedSection('first-filter', section);
console.error(section);
