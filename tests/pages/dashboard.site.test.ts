/**
 * The dashboard pages in Chromium against the built site: charts present with JavaScript off,
 * tabs, full screen, downloads whose numbers match the Parquet, update() from new rows, both
 * languages, phone and projector widths, and no request leaving 127.0.0.1 on any page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PantauChart } from '../../src/client/chart-element.ts';
import { formatChange, formatCount, formatMonthSpan } from '../../src/i18n/format.ts';
import { WITHHELD } from '../../src/schema/disclosure.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built (tests/site/global-setup.ts builds it).');
  server = await startStaticServer(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => `${server.origin}${path}`;

/** Every page the build wrote, as site paths ("/", "/wilayah/banten/"...). */
function builtPages(dir = DIST): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'data' && entry !== '_astro') out.push(...builtPages(path));
    } else if (entry === 'index.html') out.push(`/${relative(DIST, dir)}${dir === DIST ? '' : '/'}`);
  }
  return out.sort();
}

/** Reads published Parquet in the test with native DuckDB, the way an analyst would. */
async function parquet<T>(sql: string): Promise<T[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await db.runAndReadAll(sql.replaceAll('$DATA', join(DIST, 'data')));
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

async function downloadText(page: Page, selector: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const keys = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

const MAIN_PAGES = ['/kedatangan/', '/sanksi/', '/operasi-timpora/', '/integrasi-data/', '/en/arrivals/', '/en/sanctions/', '/en/timpora-operations/', '/en/data-integration/'];
const AREA_PAGES = ['/wilayah/banten/', '/wilayah/kantor/cilegon/', '/en/regions/bali/', '/en/regions/office/ngurah-rai/'];

test('the build wrote the section pages and one page per province and per Kanim in both languages', () => {
  const pages = builtPages();
  for (const path of [...MAIN_PAGES, ...AREA_PAGES, '/wilayah/', '/en/regions/']) expect(pages).toContain(path);
  expect(pages.filter((p) => /^\/wilayah\/[^/]+\/$/.test(p) && p !== '/wilayah/kantor/')).toHaveLength(38);
  expect(pages.filter((p) => /^\/en\/regions\/[^/]+\/$/.test(p) && p !== '/en/regions/office/')).toHaveLength(38);
  expect(pages.filter((p) => p.startsWith('/wilayah/kantor/')).length).toBeGreaterThan(100);
});

/**
 * The rakor decks (~1,000 dated decks and their redirects) are walked in tests/decks/ instead: a
 * national and a province deck in the browser, every deck's markup there too. Their index pages stay here.
 */
const isDeck = (path: string): boolean => /^\/(en\/presentation|presentasi)\/.+/.test(path);
/**
 * The ~1,000 city/regency pages share one template: tests/regions/ loads Kota Cilegon's in both
 * languages in the browser and checks every one's markup for links off the site; this walk keeps Kota Cilegon's.
 */
const isOtherRegency = (path: string): boolean => /^\/(wilayah|en\/regions)\/(?!kantor\/|office\/)[^/]+\/[^/]+\/$/.test(path) && !path.endsWith('/kota-cilegon/');

test('every built page loads with no console error and no request leaving 127.0.0.1', async () => {
  const pages = builtPages().filter((path) => !isDeck(path) && !isOtherRegency(path));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(`${page.url()}: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  try {
    for (const path of pages) {
      const response = await page.goto(url(path), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
    }
    expect(errors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
  } finally {
    await context.close();
  }
}, 600_000);

describe.each([...MAIN_PAGES, ...AREA_PAGES])('%s', (path) => {
  test('shows every chart as SVG with JavaScript disabled, with its table, source and CSV', async () => {
    const { context, page } = await visitPage(browser, url(path), { javaScriptEnabled: false });
    try {
      const charts = page.locator('pantau-chart');
      const count = await charts.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) {
        const chart = charts.nth(i);
        const svg = chart.locator('[data-plot="wide"] svg').last();
        const box = await svg.boundingBox();
        expect(box?.width, `${path} chart ${i}`).toBeGreaterThan(300);
        expect(box?.height).toBeGreaterThan(100);
        expect((await chart.locator('[data-chart-title]').innerText()).length).toBeGreaterThan(10);
        expect(await chart.locator('[data-table-view] tbody tr').count()).toBeGreaterThanOrEqual(0);
        expect(await chart.locator('[data-source-panel]').count()).toBe(1);
        expect(await chart.locator('a[data-download="csv"]').getAttribute('href')).toMatch(/^data:text\/csv;charset=utf-8,/);
        expect(await chart.locator('[data-chart-source]').innerText()).toMatch(/snapshot \d+ \S+ \d{4}/);
        // Controls that need the script are not offered without it.
        expect(await chart.locator('[data-tabs]').isVisible()).toBe(false);
        expect(await chart.locator('[data-download="png"]').isVisible()).toBe(false);
        expect(await chart.locator('[data-fullscreen]').isVisible()).toBe(false);
      }
    } finally {
      await context.close();
    }
  });

  test.each([360, 1920])('fits %i px without horizontal scrolling, showing the drawing made for that width', async (width) => {
    const { context, page } = await visitPage(browser, url(path), { viewport: { width, height: 800 } });
    try {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const first = page.locator('pantau-chart').first();
      const visible = width < 600 ? 'narrow' : 'wide';
      expect(await first.locator(`[data-plot="${visible}"]`).isVisible()).toBe(true);
      expect(await first.locator(`[data-plot="${visible === 'wide' ? 'narrow' : 'wide'}"]`).isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('languages', () => {
  test('Indonesian and English pages carry the same charts with titles in their language', async () => {
    for (const [idPath, enPath] of [['/kedatangan/', '/en/arrivals/'], ['/wilayah/banten/', '/en/regions/banten/']] as const) {
      const id = await visitPage(browser, url(idPath));
      const en = await visitPage(browser, url(enPath));
      try {
        expect(await id.page.getAttribute('html', 'lang')).toBe('id');
        expect(await en.page.getAttribute('html', 'lang')).toBe('en');
        const ids = (p: Page) => p.$$eval('pantau-chart', (els) => els.map((el) => el.getAttribute('chart-id')));
        expect(await ids(id.page)).toEqual(await ids(en.page));
        const idTitle = await id.page.locator('[data-chart-title]').first().innerText();
        const enTitle = await en.page.locator('[data-chart-title]').first().innerText();
        expect(idTitle).toMatch(/Kedatangan .*(naik|turun) \d+,\d%/);
        expect(enTitle).toMatch(/Arrivals .*(up|down) \d+\.\d%/);
        expect(await id.page.getAttribute('[data-lang-switch]', 'href')).toBe(enPath);
        expect(await en.page.getAttribute('[data-lang-switch]', 'href')).toBe(idPath);
      } finally {
        await id.context.close();
        await en.context.close();
      }
    }
  });

  test('the home page shows the headline figures: arrivals Jan–Jun 2024 5.086.765, +7,3% on 4.741.343 (7,285% with the site\'s one decimal, rounded)', async () => {
    const { context, page } = await visitPage(browser, url('/'));
    try {
      const tile = page.locator('[data-headline="arrivals-h1-2024"]');
      expect(await tile.locator('[data-headline-value]').innerText()).toBe('5.086.765');
      // 5.086.765 / 4.741.343 − 1 = 7,285%: the release truncated it to 7,28%; the tile rounds to one decimal.
      expect(await tile.locator('[data-headline-change]').innerText()).toBe('+7,3%');
      expect(await tile.innerText()).toContain('4.741.343');
      expect(await page.locator('[data-headline]').count()).toBe(5);
      for (const link of await page.locator('[data-headline] a.tile__link').all()) {
        expect((await context.request.get(new URL((await link.getAttribute('href'))!, page.url()).href)).status()).toBe(200);
      }
    } finally {
      await context.close();
    }
  });

  test('every headline that adds up months shows the sum of exactly the months it names, and its change against the same months a year earlier', async () => {
    // The monthly national figure each tile adds up, from the published totals.
    const monthlySql: Record<string, string> = {
      'arrivals-12-months': `SELECT strftime(period, '%Y-%m') AS month, count AS value FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE view = 'total' AND grain = 'month'`,
      'arrivals-h1-2024': `SELECT strftime(period, '%Y-%m') AS month, count AS value FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE view = 'total' AND grain = 'month'`,
      'sanctions-this-year': `SELECT strftime(period, '%Y-%m') AS month, count AS value FROM read_parquet('$DATA/sanctions_totals.parquet') WHERE view = 'is_tak' AND is_tak AND grain = 'month'`,
      'timpora-operations': `SELECT strftime(period, '%Y-%m') AS month, activities AS value FROM read_parquet('$DATA/operations_totals.parquet') WHERE view = 'activity' AND activity = 'operasi_gabungan' AND grain = 'month'`,
    };
    const yearEarlier = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    for (const [path, locale] of [['/', 'id'], ['/en/', 'en']] as const) {
      const { context, page } = await visitPage(browser, url(path));
      try {
        for (const [id, sql] of Object.entries(monthlySql)) {
          const tile = page.locator(`[data-headline="${id}"]`);
          const from = await tile.getAttribute('data-months-from');
          const to = await tile.getAttribute('data-months-to');
          expect(from, `${id}: months`).toMatch(/^\d{4}-\d{2}$/);
          const months = await parquet<{ month: string; value: number }>(sql);
          const sum = (a: string, b: string) => months.filter((m) => m.month >= a && m.month <= b).reduce((s, m) => s + m.value, 0);
          const now = sum(from!, to!);
          expect(await tile.locator('[data-headline-value]').innerText(), `${id} on ${path}`).toBe(formatCount(now, locale));
          const text = await tile.innerText();
          expect([formatMonthSpan(from!, to!, locale), formatMonthSpan(from!, to!, locale, 'short')].some((span) => text.includes(span)), `${id} names ${from}–${to}: ${text}`).toBe(true);
          if (id !== 'arrivals-h1-2024') {
            // (the H1 2024 tile quotes the release's truncated two decimals; tested above)
            expect(await tile.locator('[data-headline-change]').innerText(), `${id} change`).toBe(formatChange(now / sum(yearEarlier(from!), yearEarlier(to!)) - 1, locale));
          }
        }
      } finally {
        await context.close();
      }
    }
  });
});

describe('area pages', () => {
  test('an office opened after the published data ends says so, in both languages, and draws no empty chart', async () => {
    const opened = await parquet<{ code: string; opened: string }>(`SELECT code, opened FROM read_parquet('$DATA/offices.parquet') WHERE opened <> '' ORDER BY code`);
    expect(opened.map((o) => o.code)).toContain('KANIM-GARUT');
    for (const path of ['/wilayah/kantor/garut/', '/en/regions/office/garut/']) {
      const { context, page } = await visitPage(browser, url(path));
      try {
        expect(await page.textContent('[data-opened-after]'), path).toContain('November 2025');
        expect(await page.locator('pantau-chart').count(), path).toBe(0);
      } finally {
        await context.close();
      }
    }
    // an office at work throughout the data keeps its charts
    const { context, page } = await visitPage(browser, url('/wilayah/kantor/bogor/'));
    try {
      expect(await page.locator('[data-opened-after]').count()).toBe(0);
      expect(await page.locator('pantau-chart').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe('chart figure', () => {
  test('a downloaded CSV adds up to the totals in the published Parquet', async () => {
    const { context, page } = await visitPage(browser, url('/kedatangan/'));
    try {
      const trend = parseCsv(await downloadText(page, 'pantau-chart[chart-id="arrivals-trend"] a[data-download="csv"]'));
      const half = await parquet<{ period: string; count: number }>(
        `SELECT strftime(period, '%Y') AS period, count FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE view = 'total' AND grain = 'half' AND month(period) = 1 ORDER BY period`,
      );
      for (const { period, count } of half) {
        const months = trend.filter((r) => r.month! >= `${period}-01-01` && r.month! <= `${period}-06-01`);
        if (months.length < 6) continue;
        expect(months.reduce((s, r) => s + Number(r.count), 0), period).toBe(count);
      }
      const nationalities = parseCsv(await downloadText(page, 'pantau-chart[chart-id="arrivals-nationalities"] a[data-download="csv"]'));
      const cells = await parquet<{ nationality: string; count: number }>(
        `SELECT nationality, count FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE view = 'nationality' AND grain = 'year'
           AND period = (SELECT max(period) FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE grain = 'year')`,
      );
      expect(nationalities.length).toBe(10);
      for (const row of nationalities) expect(Number(row.count), row.code).toBe(cells.find((c) => c.nationality === row.code)?.count);
    } finally {
      await context.close();
    }
  });

  test('is UTF-8 with a byte-order mark and machine number formats', async () => {
    const { context, page } = await visitPage(browser, url('/sanksi/'));
    try {
      const text = await downloadText(page, 'pantau-chart[chart-id="sanctions-map"] a[data-download="csv"]');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(text);
      expect(rows).toHaveLength(38);
      expect(Object.keys(rows[0]!)).toEqual(['province_code', 'name', 'count', 'count_withheld', 'arrivals', 'arrivals_withheld', 'rate', 'rate_withheld', 'period_from', 'period_to']);
      // plain integers, or empty where disclosure control withheld the count (its flag says so)
      for (const row of rows) expect(row.count, row.province_code).toMatch(row.count_withheld === 'true' ? /^$/ : /^\d+$/);
      expect(rows.filter((row) => row.count_withheld === 'false').length).toBeGreaterThan(10);
    } finally {
      await context.close();
    }
  });

  test('switches between chart, table and source with the mouse and the arrow keys', async () => {
    const { context, page } = await visitPage(browser, url('/sanksi/'));
    try {
      const chart = page.locator('pantau-chart[chart-id="sanctions-map"]');
      expect(await chart.locator('[role="tab"][data-tab="chart"]').innerText()).toBe('Peta');
      expect(await chart.locator('[data-panel="table"]').isVisible()).toBe(false);
      await chart.locator('[role="tab"][data-tab="table"]').click();
      expect(await chart.locator('[data-panel="table"] table').isVisible()).toBe(true);
      expect(await chart.locator('[data-panel="chart"]').isVisible()).toBe(false);
      expect(await chart.locator('[data-panel="table"] tbody tr').count()).toBe(38);
      await page.keyboard.press('ArrowRight');
      expect(await chart.locator('[role="tab"][data-tab="source"]').getAttribute('aria-selected')).toBe('true');
      expect(await chart.locator('[data-source-panel]').innerText()).toMatch(/Satuan\s+orang/);
      await page.keyboard.press('Home');
      expect(await chart.locator('[data-panel="chart"]').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  test('goes full screen and back', async () => {
    const { context, page } = await visitPage(browser, url('/kedatangan/'));
    try {
      const chart = page.locator('pantau-chart').first();
      const button = chart.locator('[data-fullscreen]');
      await button.click();
      await expect.poll(() => chart.evaluate((el) => el.classList.contains('is-fullscreen'))).toBe(true);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(1200);
      await button.click();
      await expect.poll(() => chart.evaluate((el) => el.classList.contains('is-fullscreen'))).toBe(false);
      expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    } finally {
      await context.close();
    }
  });

  test('downloads the drawing as SVG and as PNG drawn from it', async () => {
    const { context, page } = await visitPage(browser, url('/operasi-timpora/'));
    try {
      const chart = 'pantau-chart[chart-id="operations-funnel"]';
      const svg = await downloadText(page, `${chart} [data-download="svg"]`);
      expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('WNA diperiksa');
      expect(svg).toContain('Sumber: Pantau WNA');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${chart} [data-download="png"]`)]);
      expect(download.suggestedFilename()).toMatch(/^pantau-wna_operations-funnel_\d{4}-\d{2}-\d{2}\.png$/);
      const png = readFileSync(await download.path());
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(5000);
    } finally {
      await context.close();
    }
  });

  test('update(rows, filters) redraws title, drawing, table, footnote and CSV from new rows', async () => {
    const { context, page, errors, requests } = await visitPage(browser, url('/kedatangan/'));
    try {
      const before = await page.locator('pantau-chart[chart-id="arrivals-nationalities"] [data-chart-title]').innerText();
      const after = await page.evaluate(async () => {
        const el = document.querySelector('pantau-chart[chart-id="arrivals-nationalities"]') as unknown as PantauChart;
        const rows = el.rows.slice(0, 3).map((row, i) => (i === 2 ? { ...row, count: null, count_withheld: true, share: null } : { ...row }));
        [rows[0], rows[1]] = [rows[1]!, rows[0]!];
        await el.update(rows, { period: null, province: '51', nationality: null, category: null, office: null });
        return {
          title: el.querySelector('[data-chart-title]')!.textContent,
          tableRows: el.querySelectorAll('[data-table-view] tbody tr').length,
          withheld: [...el.querySelectorAll('[data-table-view] td[data-withheld]')].map((td) => td.textContent),
          footnote: (el.querySelector('[data-chart-footnote]') as HTMLElement).hidden,
          footnoteText: el.querySelector('[data-footnote-text]')!.textContent,
          csv: decodeURIComponent(el.querySelector<HTMLAnchorElement>('a[data-download="csv"]')!.href.split(',').slice(1).join(',')),
          bars: el.querySelectorAll('[data-plot="wide"] svg rect').length,
          filters: el.dataset.filters,
        };
      });
      expect(after.title).not.toBe(before);
      expect(after.tableRows).toBe(3);
      expect(after.withheld).toEqual([WITHHELD.symbol]);
      expect(after.footnote).toBe(false);
      expect(after.footnoteText).toBe(`${WITHHELD.symbol} ${WITHHELD.meaning.id}. Di grafik ini: 1 sel.`);
      expect(after.csv.split('\r\n').filter(Boolean)).toHaveLength(4);
      expect(after.csv).toContain(',,true,');
      expect(after.bars).toBeGreaterThanOrEqual(3);
      expect(JSON.parse(after.filters!).province).toBe('51');
      expect(errors).toEqual([]);
      expect(foreignRequests(requests)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('glossary terms open a short explanation that links to the methodology glossary', async () => {
    const { context, page } = await visitPage(browser, url('/sanksi/'));
    try {
      const term = page.locator('button.term[data-term="TAK"]').first();
      await term.focus();
      await page.keyboard.press('Enter');
      const popover = page.locator(`#${await term.getAttribute('popovertarget')}`);
      expect(await popover.isVisible()).toBe(true);
      expect(await popover.innerText()).toContain('Tindakan Administratif Keimigrasian');
      const href = await popover.locator('a').getAttribute('href');
      expect(href).toBe('/metodologi/#istilah-tak');
      await page.goto(url(href!));
      expect(await page.locator('#istilah-tak').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
