/**
 * The data explorer in Debian's Chromium with the network cut: every request not to 127.0.0.1 is
 * aborted and recorded, and none may be attempted. DuckDB-WASM (self-hosted) answers the
 * explorer's queries; its answers must equal the same SQL run by native DuckDB on the Parquet.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { launchChromium } from '../site/browser-session.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explorerModel, type TotalsRow } from '../../src/explorer/explorer-table.ts';
import { writeBrowserCopies } from '../../src/build/browser-copies.ts';
import { precompressDir } from '../../src/build/integrations/precompress.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { totalsQuery, type TotalsRequest } from '../../src/explorer/totals-query.ts';
import { WITHHELD } from '../../src/schema/disclosure.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';
import type { Manifest } from '../../src/schema/manifest.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface OfflineVisit {
  context: BrowserContext;
  page: Page;
  /** Every URL requested, in order. */
  requests: string[];
  /** Requests to another host: aborted, and a failure of the test if any. */
  foreign: string[];
  errors: string[];
}

/** A browser context where only 127.0.0.1 answers; `hold` can keep matching requests waiting. */
async function offline(options: { javaScriptEnabled?: boolean; origin?: string; hold?: { match: RegExp; until: Promise<void> } } = {}): Promise<OfflineVisit> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      foreign.push(url.href);
      await route.abort('internetdisconnected');
      return;
    }
    if (options.hold && options.hold.match.test(url.pathname)) await options.hold.until;
    await route.continue();
  });
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, foreign, errors };
}

const origin = () => server.origin;

/** Waits until the explorer shows an answer from the engine (not the built table). */
async function engineAnswer(page: Page): Promise<void> {
  await page.waitForSelector('[data-explorer-result]:not([data-state="static"]):not([aria-busy])', { timeout: 90_000 });
}

/** The displayed cells as [row, column, value] triples ("<k" for withheld). */
async function displayedCells(page: Page): Promise<string[][]> {
  return page.$$eval('[data-explorer-result] table', (tables) => {
    const table = tables[0] as HTMLTableElement | undefined;
    if (!table) return [];
    const columns = [...table.querySelectorAll('thead th[data-column]')].map((th) => th.getAttribute('data-column')!);
    const out: string[][] = [];
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = [...tr.querySelectorAll('td')];
      cells.forEach((td, i) => {
        const value = td.hasAttribute('data-withheld') ? td.textContent! : td.getAttribute('data-value') ?? '–';
        out.push([tr.getAttribute('data-row')!, columns[i]!, value]);
      });
    }
    return out;
  });
}

/** The same cells computed with native DuckDB over the Parquet, through the same pivot. */
async function nativeCells(request: TotalsRequest): Promise<string[][]> {
  const plan = totalsQuery(request);
  const rows = await queryPublished<TotalsRow>(plan.sql);
  const model = explorerModel(rows, plan, request.measure, request.locale, '', '');
  return model.rows.flatMap((row) =>
    row.cells.map((cell, i) => [row.key, model.columns[i]!.key, cell === null ? '–' : cell.withheld ? WITHHELD.symbol : String(cell.value)]),
  );
}

const CASES: { path: string; request: Omit<TotalsRequest, 'filters' | 'locale'>; filters: Partial<Filters>; locale: 'id' | 'en' }[] = [
  { path: '/jelajah/', request: { table: 'arrivals', view: 'total', measure: 'count', grain: 'month' }, filters: {}, locale: 'id' },
  {
    path: '/jelajah/?tabel=arrivals&rincian=nationality&kolom=month&periode=2024-H1&provinsi=51',
    request: { table: 'arrivals', view: 'nationality', measure: 'count', grain: 'month' },
    filters: { period: '2024-H1', province: '51' },
    locale: 'id',
  },
  {
    path: '/en/explore/?tabel=sanctions&rincian=office_code%2Bis_tak&kolom=half&kategori=tak',
    request: { table: 'sanctions', view: 'office_code+is_tak', measure: 'count', grain: 'half' },
    filters: { category: 'tak' },
    locale: 'en',
  },
  {
    path: '/jelajah/?tabel=operations&rincian=total&ukuran=findings&kolom=month',
    request: { table: 'operations', view: 'total', measure: 'findings', grain: 'month' },
    filters: {},
    locale: 'id',
  },
];

describe('explorer with the network cut', () => {
  test.each(CASES)('$path: DuckDB-WASM answers, equal to native DuckDB on the Parquet', async ({ path, request, filters, locale }) => {
    const visit = await offline();
    try {
      await visit.page.goto(`${origin()}${path}`);
      await engineAnswer(visit.page);
      const expected = await nativeCells({ ...request, filters: { ...NO_FILTERS, ...filters }, locale });
      expect(expected.length).toBeGreaterThan(0);
      expect(await displayedCells(visit.page)).toEqual(expected);
      expect(visit.foreign).toEqual([]);
      expect(visit.errors).toEqual([]);
      // The engine's files came from the site itself: fingerprinted wasm and worker under /_astro/.
      const wasm = visit.requests.filter((url) => url.endsWith('.wasm'));
      expect(wasm).toHaveLength(1);
      expect(wasm[0]).toMatch(new RegExp(`^${origin()}/_astro/duckdb-(eh|mvp)\\.[\\w-]+\\.wasm$`));
      expect(visit.requests.some((url) => /\/_astro\/duckdb-browser-(eh|mvp)\.worker\.[\w-]+\.js$/.test(url))).toBe(true);
      // Only the tables the query names were fetched (plus the reference tables it joins).
      const tables = visit.requests.filter((url) => url.includes('/data/browser/') && url.includes('.arrow.gz')).map((url) => new URL(url).pathname.split('/').pop());
      expect(tables).toContain(`${request.table}_totals.arrow.gz`);
      expect(tables).not.toContain(`${request.table}.arrow.gz`);
      expect(visit.requests.some((url) => url.endsWith('.parquet'))).toBe(false);
    } finally {
      await visit.context.close();
    }
  });

  test('changing a filter updates the table and the address; reload restores it; Back undoes it', async () => {
    const visit = await offline();
    const { page } = visit;
    try {
      await page.goto(`${origin()}/jelajah/`);
      await engineAnswer(page);
      await page.selectOption('#explorer-view', 'nationality');
      await page.waitForURL(/rincian=nationality/);
      await engineAnswer(page);
      const national = await displayedCells(page);
      await page.selectOption('#filter-province', '51');
      await page.waitForURL(/provinsi=51/);
      await page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.startsWith('arrivals|province_code+nationality|'));
      await engineAnswer(page);
      const bali = await displayedCells(page);
      expect(bali).not.toEqual(national);
      expect(bali).toEqual(await nativeCells({ table: 'arrivals', view: 'nationality', measure: 'count', grain: 'month', locale: 'id', filters: { ...NO_FILTERS, province: '51' } }));
      const address = page.url();
      expect(new URL(address).searchParams.get('provinsi')).toBe('51');
      expect(new URL(address).searchParams.get('rincian')).toBe('nationality');

      await page.reload();
      await engineAnswer(page);
      expect(page.url()).toBe(address);
      expect(await page.inputValue('#filter-province')).toBe('51');
      expect(await page.inputValue('#explorer-view')).toBe('nationality');
      expect(await displayedCells(page)).toEqual(bali);

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has('provinsi'));
      await page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.startsWith('arrivals|nationality|'));
      await engineAnswer(page);
      expect(await page.inputValue('#filter-province')).toBe('');
      expect(await displayedCells(page)).toEqual(national);
      expect(visit.foreign).toEqual([]);
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });

  test('a breakdown that does not publish the measure cannot be chosen with it, and an address asking for one gets the national total', async () => {
    const visit = await offline();
    try {
      await visit.page.goto(`${origin()}/jelajah/?tabel=operations&rincian=province_code%2Blevel&ukuran=findings&kolom=month`);
      await engineAnswer(visit.page);
      expect(new URL(visit.page.url()).searchParams.get('rincian')).toBe('total');
      const request = { table: 'operations', view: 'total', measure: 'findings', grain: 'month', locale: 'id', filters: NO_FILTERS } as const;
      expect(await displayedCells(visit.page)).toEqual(await nativeCells(request));
      const disabled = await visit.page.$$eval('#explorer-view option', (options) => options.filter((o) => (o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value));
      expect(disabled).toEqual(expect.arrayContaining(['level', 'province_code', 'province_code+level', 'office_code+activity']));
      expect(disabled).not.toContain('total');
      // activities are published in every breakdown
      await visit.page.selectOption('#explorer-measure', 'activities');
      await visit.page.waitForURL(/ukuran=activities/);
      await visit.page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.startsWith('operations|total|activities|'));
      await engineAnswer(visit.page);
      expect(await visit.page.$$eval('#explorer-view option', (options) => options.filter((o) => (o as HTMLOptionElement).disabled).length)).toBe(0);
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });

  test('foreign residents (a stock) by half-year: no figures, and a note that they are published by month', async () => {
    const visit = await offline();
    try {
      await visit.page.goto(`${origin()}/jelajah/?tabel=registry&rincian=metric%2Bsource_agency&kolom=half&kategori=foreign_residents`);
      await engineAnswer(visit.page);
      expect(await displayedCells(visit.page)).toEqual([]);
      expect(await visit.page.textContent('[data-explorer-notes]')).toContain('hanya tersedia per bulan');
      await visit.page.selectOption('#explorer-grain', 'month');
      await visit.page.waitForFunction(() => document.querySelector('[data-explorer-result]')?.getAttribute('data-state')?.includes('|month|'));
      await engineAnswer(visit.page);
      expect((await displayedCells(visit.page)).length).toBeGreaterThan(0);
      expect(await visit.page.textContent('[data-explorer-notes]')).not.toContain('hanya tersedia per bulan');
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });

  test('an address with unknown codes falls back to defaults and is cleaned up', async () => {
    const visit = await offline();
    try {
      await visit.page.goto(`${origin()}/jelajah/?provinsi=99&periode=2031-H1&negara=%3Cscript%3E&tabel=nope`);
      await engineAnswer(visit.page);
      expect(new URL(visit.page.url()).search).toBe('?tabel=arrivals&rincian=total&ukuran=count');
      expect(await displayedCells(visit.page)).toEqual(await nativeCells({ table: 'arrivals', view: 'total', measure: 'count', grain: 'month', locale: 'id', filters: NO_FILTERS }));
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });

  // Each CSV's cells against the published total of the same period (a different view): every
  // cell of these breakdowns is published, so their sum must be it.
  test.each([
    { path: '/jelajah/?tabel=arrivals&rincian=total&kolom=month&periode=2024-H1', total: "SELECT count AS total FROM arrivals_totals WHERE view = 'total' AND grain = 'half' AND period = DATE '2024-01-01'", figure: 5_086_765 },
    { path: '/en/explore/?tabel=sanctions&rincian=action&kolom=half&periode=2024-H1&kategori=tak', total: "SELECT count AS total FROM sanctions_totals WHERE view = 'is_tak' AND is_tak AND grain = 'half' AND period = DATE '2024-01-01'", figure: 2_041 },
    { path: '/jelajah/?tabel=sanctions&rincian=action_group&kolom=month&periode=2023', total: "SELECT count AS total FROM sanctions_totals WHERE view = 'total' AND grain = 'year' AND period = DATE '2023-01-01'", figure: null },
  ])('the downloaded CSV of $path sums to the Parquet total', async ({ path, total, figure }) => {
    const visit = await offline();
    try {
      await visit.page.goto(`${origin()}${path}`);
      await engineAnswer(visit.page);
      const [download] = await Promise.all([visit.page.waitForEvent('download'), visit.page.click('[data-download-csv]')]);
      expect(download.suggestedFilename()).toMatch(/^pantau-wna_.+\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trimEnd().split('\n');
      const header = lines[0]!.split(',');
      const countAt = header.indexOf('count');
      expect(countAt).toBeGreaterThan(0);
      // Machine format: plain integers, no thousands separators.
      const counts = lines.slice(1).map((line) => line.split(',').at(countAt - header.length)!);
      for (const count of counts) expect(count).toMatch(/^\d+$/);
      const sum = counts.reduce((total, count) => total + Number(count), 0);
      const [parquet] = await queryPublished<{ total: number }>(total);
      expect(sum).toBe(parquet!.total);
      if (figure !== null) expect(sum).toBe(figure);
      expect(visit.foreign).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });

  test('the built table is on screen before the engine arrives: the wasm request is held', async () => {
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    const visit = await offline({ hold: { match: /\.wasm$/, until } });
    const { page } = visit;
    try {
      const wasmRequested = page.waitForRequest((request) => request.url().endsWith('.wasm'));
      await page.goto(`${origin()}/jelajah/?tabel=arrivals&rincian=nationality&kolom=year`);
      await wasmRequested;
      // The built table is visible and painted; the engine is loading and says so.
      expect(await page.locator('[data-explorer-result][data-state="static"] table').isVisible()).toBe(true);
      const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((entry) => entry.name));
      expect(paint).toContain('first-contentful-paint');
      const status = page.locator('pantau-engine-status');
      await expect.poll(async () => (await status.isVisible()) && (await status.innerText())).toMatch(/Memuat mesin kueri… \d+\s?%/);
      expect(await status.getAttribute('role')).toBe('status');
      release();
      await engineAnswer(page);
      expect(await page.locator('[data-explorer-result] caption').innerText()).toContain('Kewarganegaraan');
      expect(visit.errors).toEqual([]);
      expect(visit.foreign).toEqual([]);
    } finally {
      release();
      await visit.context.close();
    }
  });

  test('with JavaScript off: the national monthly table from the build, and a note that filtering needs JavaScript', async () => {
    const visit = await offline({ javaScriptEnabled: false });
    try {
      await visit.page.goto(`${origin()}/jelajah/?provinsi=51`);
      expect(await visit.page.locator('[data-noscript]').innerText()).toContain('Penyaringan membutuhkan JavaScript');
      expect(await displayedCells(visit.page)).toEqual(await nativeCells({ table: 'arrivals', view: 'total', measure: 'count', grain: 'month', locale: 'id', filters: NO_FILTERS }));
      // The filter bar is a plain GET form with options rendered at build time.
      expect(await visit.page.getAttribute('form[data-filter-form]', 'method')).toBe('get');
      expect(await visit.page.locator('#filter-province option').count()).toBe(39);
      expect(visit.requests.some((url) => url.endsWith('.wasm'))).toBe(false);
      expect(visit.foreign).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });
});

describe('caching', () => {
  test('the fingerprinted engine files are immutable for a year; data revalidates with an ETag', async () => {
    const { readdirSync } = await import('node:fs');
    const wasm = readdirSync(join(DIST, '_astro')).find((f) => /^duckdb-eh\..+\.wasm$/.test(f))!;
    const engine = await fetch(`${origin()}/_astro/${wasm}`, { method: 'HEAD' });
    expect(engine.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(engine.headers.get('content-type')).toBe('application/wasm');
    const manifest = await fetch(`${origin()}/data/manifest.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const etag = manifest.headers.get('etag')!;
    expect((await fetch(`${origin()}/data/manifest.json`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('explorer layout', () => {
  test.each([360, 1920])('fits a %i px wide screen (the wide table scrolls in its own box)', async (width) => {
    const visit = await offline();
    try {
      await visit.page.setViewportSize({ width, height: 800 });
      await visit.page.goto(`${origin()}/en/explore/?tabel=arrivals&rincian=port_code%2Bnationality&kolom=month`);
      await engineAnswer(visit.page);
      const overflow = await visit.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });
});

describe('withheld cells in a fixture publication', () => {
  let fixture: StaticServer;
  let dir: string;

  beforeAll(async () => {
    // The built site with one change: every yearly sanctions cell by nationality and action group
    // below 10 is withheld (count null, count_withheld true) on top of what disclosure control withheld.
    dir = mkdtempSync(join(tmpdir(), 'pantau-withheld-'));
    cpSync(DIST, dir, { recursive: true });
    const data = join(dir, 'data');
    const file = join(data, 'sanctions_totals.parquet');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const withheld = "view = 'nationality+action_group' AND grain = 'year' AND count BETWEEN 1 AND 9";
    await db.run(`COPY (SELECT * REPLACE (CASE WHEN ${withheld} THEN NULL ELSE count END AS count, count_withheld OR (${withheld}) IS TRUE AS count_withheld)
      FROM read_parquet('${join(DIST, 'data', 'sanctions_totals.parquet')}')) TO '${file}' (FORMAT parquet)`);
    const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
    const bytes = readFileSync(file);
    manifest.tables.sanctions_totals = { ...manifest.tables.sanctions_totals!, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest));
    await writeBrowserCopies(data, join(data, 'browser'), async (path, content) => writeFileSync(path, content));
    // The copied .br/.gz of the rewritten manifest and index are the built site's: compress them anew, as the build would.
    await precompressDir(data);
    fixture = await startStaticServer(dir);
  });

  afterAll(async () => {
    await fixture?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('show as "[c]" with a footnote, never as a number', async () => {
    const visit = await offline();
    try {
      await visit.page.goto(`${fixture.origin}/jelajah/?tabel=sanctions&rincian=nationality%2Baction_group&kolom=year`);
      await engineAnswer(visit.page);
      const cells = await displayedCells(visit.page);
      const withheldCells = cells.filter(([, , value]) => value === WITHHELD.symbol);
      expect(withheldCells.length).toBeGreaterThan(0);
      expect(cells.every(([, , value]) => value === WITHHELD.symbol || value === '–' || Number(value) >= 10)).toBe(true);
      expect(await visit.page.locator('[data-withheld-note]').innerText()).toBe(`${WITHHELD.symbol} ${WITHHELD.meaning.id}.`);
      expect(visit.errors).toEqual([]);
    } finally {
      await visit.context.close();
    }
  });
});
