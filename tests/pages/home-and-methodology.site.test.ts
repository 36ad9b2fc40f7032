/**
 * The built site in a real browser: serves dist/ on 127.0.0.1 and opens every page in Debian's
 * Chromium. Needs a built dist/ (global-setup.ts builds it when missing).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../site/browser-session.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseManifest, withheldCells, type Manifest } from '../../src/schema/manifest.ts';
import { DISCLOSURE, totalsTableName, WITHHELD } from '../../src/schema/disclosure.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';

const PAGES = [
  // The data release (files, row counts, manifest, warnings) is on the methodology page.
  { path: '/', lang: 'id', intl: 'id-ID', overview: false, methodology: false, alternate: '/en/' },
  { path: '/en/', lang: 'en', intl: 'en-GB', overview: false, methodology: false, alternate: '/' },
  { path: '/metodologi/', lang: 'id', intl: 'id-ID', overview: true, methodology: true, alternate: '/en/methodology/' },
  { path: '/en/methodology/', lang: 'en', intl: 'en-GB', overview: true, methodology: true, alternate: '/metodologi/' },
] as const;

const NOTICE = {
  id: 'Data contoh sintetis — bukan angka resmi. Dikalibrasi terhadap angka yang dipublikasikan Ditjen Imigrasi; lihat Metodologi.',
  en: 'Synthetic sample data — not official figures. Calibrated against figures published by the Directorate General of Immigration; see Methodology.',
} as const;

let server: StaticServer;
let browser: Browser;
let manifest: Manifest;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `npm run data && npx astro build` (tests/site/global-setup.ts does it).');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  server = await startStaticServer(DIST);
  browser = await launchChromium();
  manifest = parseManifest(await (await fetch(`${server.origin}/data/manifest.json`)).json(), 'dist/data/manifest.json');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  context: BrowserContext;
  page: Page;
  status: number | undefined;
  requests: string[];
  errors: string[];
}

async function visit(path: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return { context, page, status: response?.status(), requests, errors };
}

const foreignRequests = (requests: string[]) =>
  requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1');
  });

describe.each(PAGES)('$path', (spec) => {
  test('loads with status 200, no console errors and no request to another host', async () => {
    const { context, page, status, requests, errors } = await visit(spec.path);
    try {
      expect(status).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(spec.lang);
      await page.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
      expect(foreignRequests(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('shows the synthetic-data notice when the data is synthetic, and the snapshot date in the footer', async () => {
    const { context, page } = await visit(spec.path);
    try {
      const notice = page.locator('[data-synthetic-notice]');
      if (manifest.synthetic) {
        await expect(notice.isVisible()).resolves.toBe(true);
        expect((await notice.innerText()).replace(/\s+/g, ' ').trim()).toBe(NOTICE[spec.lang]);
        // Pinned: still on screen after scrolling to the bottom.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        const box = await notice.boundingBox();
        expect(box?.y).toBe(0);
      } else {
        expect(await notice.count()).toBe(0);
      }
      const date = new Intl.DateTimeFormat(spec.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
        .format(new Date(`${manifest.snapshotDate}T00:00:00Z`));
      expect(await page.locator('[data-footer-snapshot]').innerText()).toBe(date);
      expect(await page.locator('footer').innerText()).toContain('ODbL');
    } finally {
      await context.close();
    }
  });

  test('links only to pages and files that exist; the language switch leads to the same page', async () => {
    const { context, page } = await visit(spec.path);
    try {
      expect(await page.getAttribute('[data-lang-switch]', 'href')).toBe(spec.alternate);
      const hrefs = await page.$$eval('a[href]', (as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
      for (const href of hrefs) {
        const url = new URL(href);
        // a chart's CSV download is the data itself (data:), not a link to anything
        if (url.protocol === 'data:') continue;
        expect(url.hostname, href).toBe('127.0.0.1');
        const response = await context.request.get(url.origin + url.pathname);
        expect(response.status(), href).toBe(200);
      }
    } finally {
      await context.close();
    }
  });

  test.each([360, 1920])('fits a %i px wide screen without horizontal scrolling', async (width) => {
    const { context, page } = await visit(spec.path, { width, height: 800 });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

describe.each(PAGES.filter((p) => p.overview))('overview $path', (spec) => {
  test('lists every published table with its row count and a working Parquet download', async () => {
    const { context, page } = await visit(spec.path);
    try {
      const format = new Intl.NumberFormat(spec.intl);
      const names = Object.keys(manifest.tables);
      // every table's totals; detail rows where the public design has them (not sanctions)
      expect(names).toEqual(expect.arrayContaining([...TABLE_NAMES.filter((t) => DISCLOSURE[t].publicDetail), ...TABLE_NAMES.map(totalsTableName)]));
      expect(names).not.toContain('sanctions');
      expect(await page.locator('tr[data-table]').count()).toBe(names.length);
      for (const [name, file] of Object.entries(manifest.tables)) {
        const cell = page.locator(`tr[data-table="${name}"] [data-rows]`);
        expect(await cell.getAttribute('data-rows'), name).toBe(String(file.rows));
        expect(await cell.innerText(), name).toBe(format.format(file.rows));
        const href = await page.getAttribute(`a[data-download="${name}"]`, 'href');
        expect(href).toBe(`/data/${file.file}`);
        const body = await (await context.request.get(new URL(href!, page.url()).href)).body();
        expect(body.subarray(0, 4).toString('latin1'), file.file).toBe('PAR1');
        expect(body.length, file.file).toBe(file.bytes);
      }
      for (const name of TABLE_NAMES) {
        // sanctions: no detail rows in the public build, so its totals are counted and say so
        const counted = DISCLOSURE[name].publicDetail ? name : totalsTableName(name);
        const figure = page.locator(`[data-figure-rows="${name}"]`);
        expect(await figure.innerText()).toBe(format.format(manifest.tables[counted]!.rows));
        if (!DISCLOSURE[name].publicDetail) expect(await figure.locator('xpath=..').innerText()).toMatch(/rincian tidak diterbitkan|no detail published/);
      }
      const manifestHref = await page.getAttribute('a[data-download="manifest"]', 'href');
      expect(await (await context.request.get(new URL(manifestHref!, page.url()).href)).json()).toEqual(manifest);
      const warnings = page.locator('ul[data-warnings] > li');
      expect(await warnings.count()).toBe(manifest.warnings.length);
    } finally {
      await context.close();
    }
  });
});

describe.each(PAGES.filter((p) => p.methodology))('methodology $path', (spec) => {
  test('describes the five pipeline stages and every table from the schema', async () => {
    const { context, page } = await visit(spec.path);
    try {
      expect(await page.$$eval('[data-stage]', (els) => els.map((el) => el.getAttribute('data-stage')))).toEqual([
        'ingest', 'validate', 'anonymise', 'aggregate', 'publish',
      ]);
      expect(await page.$$eval('[data-table-spec]', (els) => els.map((el) => el.getAttribute('data-table-spec')))).toEqual(TABLE_NAMES);
      expect(await page.getAttribute('[data-table-spec="arrivals"] [data-units]', 'data-units')).toBe('events');
      expect(await page.getAttribute('[data-table-spec="sanctions"] [data-units]', 'data-units')).toBe('persons');
      // operations' person counts are left out of its public detail rows, and the page says so
      expect(await page.$$eval('[data-table-spec="operations"] [data-measure-totals-only]', (els) => els.map((el) => el.getAttribute('data-measure-totals-only'))))
        .toEqual(['foreigners_checked', 'findings', 'follow_ups']);
      expect(await page.locator('[data-table-spec="arrivals"] [data-measure-totals-only]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('explains the withheld mark and prints only how many cells each measure withheld, never per rule', async () => {
    const { context, page } = await visit(spec.path);
    try {
      expect(await page.locator('[data-withheld-symbol]').innerText()).toBe(`${WITHHELD.symbol} ${WITHHELD.meaning[spec.lang]}.`);
      const rows = await page.$$eval('[data-disclosure-table]', (trs) => trs.map((tr) => ({
        table: tr.getAttribute('data-disclosure-table')!,
        measure: tr.getAttribute('data-measure')!,
        cells: [...tr.querySelectorAll('[data-count]')].map((td) => [td.getAttribute('data-count'), td.textContent!.trim()]),
      })));
      const protectedMeasures = TABLE_NAMES.flatMap((table) => DISCLOSURE[table].measures.filter((m) => m.k !== null).map((m) => ({ table, measure: m.name })));
      expect(protectedMeasures.length).toBeGreaterThan(0);
      for (const { table, measure } of protectedMeasures) {
        const counts = manifest.suppression[table]?.measures?.[measure];
        const row = rows.find((r) => r.table === table && r.measure === measure)!;
        expect(row.cells.map(([kind]) => kind)).toEqual(['withheld']);
        expect(Number(row.cells[0]![1]!.replace(/\D/g, ''))).toBe(withheldCells(counts!));
      }
      // sanctions withhold cells on the sample: the total is a real figure, not a placeholder
      expect(withheldCells(manifest.suppression.sanctions!.measures!.count!)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe('static server', () => {
  test('answers range requests on Parquet files with the right content type', async () => {
    const file = manifest.tables.arrivals!;
    const response = await fetch(`${server.origin}/data/${file.file}`, { headers: { Range: 'bytes=0-3' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(response.headers.get('content-range')).toBe(`bytes 0-3/${file.bytes}`);
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toBe('PAR1');
    const tail = await fetch(`${server.origin}/data/${file.file}`, { headers: { Range: 'bytes=-4' } });
    expect(Buffer.from(await tail.arrayBuffer()).toString('latin1')).toBe('PAR1');
  });
});
