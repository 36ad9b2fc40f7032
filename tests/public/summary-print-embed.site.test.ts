/**
 * The pages for the public, in one real browser: the summary's figures equal the published
 * totals (read back from dist/data with DuckDB), it prints on at most two A4 pages in each
 * language, axe finds nothing on it and on an embed; an embed renders framed by another origin
 * with JavaScript off and on (filters from its address, redrawn); a section page printed shows no
 * form controls.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { frameAncestors } from '../../src/build/frame-policy.ts';
import { formatCount } from '../../src/i18n/format.ts';
import { launchChromium } from '../site/browser-session.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let host: StaticServer;
let hostDir: string;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(DIST);
  hostDir = mkdtempSync(join(tmpdir(), 'pantau-embed-host-'));
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><head><title>Host</title></head><body>
<iframe id="plain" src="${server.origin}/embed/arrivals-trend/" title="plain" width="720" height="600"></iframe>
<iframe id="filtered" src="${server.origin}/embed/arrivals-trend/?provinsi=51" title="filtered" width="720" height="600"></iframe>
</body></html>`,
  );
  // Another site that embeds two charts: it sends none of our headers (our policy would not let it frame anything).
  host = await startStaticServer(hostDir, { siteHeaders: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(path.startsWith('http') ? path : `${server.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by Playwright, outside the page's CSP (an inline <script> tag would be refused).
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  });
}

/** Pages of a PDF as Chromium writes it: the page tree's /Count. */
function pdfPages(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  expect(counts.length).toBeGreaterThan(0);
  return Math.max(...counts);
}

/** A published half-year total, read back from the Parquet the site serves. */
async function publishedHalf(sql: string): Promise<number> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = (await db.runAndReadAll(sql.replaceAll('{data}', join(DIST, 'data')))).getRowObjectsJS();
  db.closeSync();
  return Number(rows[0]!.value);
}

describe('summary', () => {
  test.each([
    { path: '/ringkasan/', locale: 'id' as const, province: null },
    { path: '/en/summary/', locale: 'en' as const, province: null },
    { path: '/ringkasan/bali/', locale: 'id' as const, province: '51' },
  ])('$path: figures equal the published totals, prints on at most 2 A4 pages, axe finds nothing', async ({ path, locale, province }) => {
    const page = await open(path);
    try {
      const half = await page.locator('[data-summary]').getAttribute('data-half');
      expect(half).toMatch(/^\d{4}-(01|07)-01$/);
      const arrivals = await publishedHalf(`SELECT count AS value FROM read_parquet('{data}/arrivals_totals.parquet')
        WHERE grain = 'half' AND period = DATE '${half}' AND ${province ? `view = 'province_code' AND province_code = '${province}'` : "view = 'total'"}`);
      const tak = await publishedHalf(`SELECT count AS value FROM read_parquet('{data}/sanctions_totals.parquet')
        WHERE grain = 'half' AND period = DATE '${half}' AND is_tak AND ${province ? `view = 'province_code+is_tak' AND province_code = '${province}'` : "view = 'is_tak'"}`);
      const arrivalsText = (await page.locator('[data-figure="arrivals"]').textContent()) ?? '';
      const takText = (await page.locator('[data-figure="sanctioned"]').textContent()) ?? '';
      expect(arrivalsText).toContain(formatCount(arrivals, locale));
      expect(takText).toContain(formatCount(tak, locale));
      // every figure says its period and the snapshot date
      const metas = await page.locator('.summary__meta').allTextContents();
      expect(metas).toHaveLength(4);
      for (const meta of metas) expect(meta).toMatch(/2025/);
      await page.emulateMedia({ media: 'print' });
      expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBeLessThanOrEqual(2);
      await page.emulateMedia({ media: 'screen' });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe('embeds', () => {
  test('only embeds may be framed by other sites', () => {
    expect(frameAncestors('/embed/arrivals-trend/')).toBe('*');
    expect(frameAncestors('/en/embed/registry-gaps/')).toBe('*');
    expect(frameAncestors('/kedatangan/')).toBe("'self'");
    expect(frameAncestors('/')).toBe("'self'");
  });

  test('an embed renders inside an iframe on another origin, with JavaScript off and on', async () => {
    const off = await open(`${host.origin}/`, { javaScriptEnabled: false });
    try {
      const frame = off.frameLocator('#plain');
      await expect.poll(() => frame.locator('[data-plot="wide"] svg').count()).toBeGreaterThan(0);
      expect(await frame.locator('[data-plot="wide"]').isVisible()).toBe(true);
      expect(await frame.locator('[data-chart-title]').textContent()).toMatch(/\d/);
      expect(await frame.locator('[data-chart-source]').textContent()).toMatch(/2025/);
      expect(await frame.locator('a[data-embed-back]').getAttribute('href')).toBe('/kedatangan/');
    } finally {
      await off.context().close();
    }
    const on = await open(`${host.origin}/`);
    try {
      const plain = on.frameLocator('#plain');
      const filtered = on.frameLocator('#filtered');
      await filtered.locator('body[data-embed-filtered]').waitFor({ timeout: 60_000 });
      const [plainTitle, filteredTitle] = [await plain.locator('[data-chart-title]').textContent(), await filtered.locator('[data-chart-title]').textContent()];
      expect(filteredTitle).not.toBe(plainTitle);
      expect(await filtered.locator('pantau-chart').getAttribute('data-filters')).toContain('"province":"51"');
    } finally {
      await on.context().close();
    }
  });

  test('an embed passes axe, and each chart offers its <iframe> code', async () => {
    const page = await open('/embed/sanctions-map/');
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
    const section = await open('/wilayah/bali/');
    try {
      const codes = await section.locator('[data-embed-code] textarea').allTextContents();
      expect(codes.length).toBe(await section.locator('pantau-chart').count());
      expect(codes[0]).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/[a-z-]+\/\?provinsi=51" /);
    } finally {
      await section.context().close();
    }
  });
});

test('a section page printed shows its charts and no form controls, tabs or buttons', async () => {
  const page = await open('/kedatangan/');
  try {
    await page.locator('pantau-chart[data-enhanced]').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const visibleControls = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button:not(.term), [role="tablist"], form, summary')].filter((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(visibleControls).toEqual([]);
    expect(await page.locator('[data-plot="wide"] svg').first().isVisible()).toBe(true);
  } finally {
    await page.context().close();
  }
});

describe('home', () => {
  test.each([
    { path: '/', locale: 'id' as const },
    { path: '/en/', locale: 'en' as const },
  ])('$path leads with findings in sentences with numbers, in the page language only, and passes axe', async ({ path, locale }) => {
    const page = await open(path);
    try {
      const half = await page.evaluate(() => document.querySelector('[data-finding]') !== null);
      expect(half).toBe(true);
      // the first thing under the header is the findings section, its heading the page's h1
      expect(await page.locator('main > section').first().getAttribute('data-findings')).not.toBeNull();
      expect(await page.locator('h1').count()).toBe(1);
      const arrivals = await publishedHalf(`SELECT count AS value FROM read_parquet('{data}/arrivals_totals.parquet')
        WHERE grain = 'half' AND view = 'total' AND period = (SELECT max(period) FROM read_parquet('{data}/arrivals_totals.parquet') WHERE grain = 'half')`);
      expect(await page.locator('[data-finding="arrivals"]').textContent()).toContain(formatCount(arrivals, locale));
      expect(await page.locator('[data-finding]').count()).toBe(4);
      // the file inventory is on the methodology page now
      expect(await page.locator('tr[data-table]').count()).toBe(0);
      if (locale === 'id') {
        expect(await page.locator('main [lang="en"]').count()).toBe(0);
        const words = (await page.locator('main').innerText()).match(/\b(the|and|of|arrivals|persons|foreign|largest|between)\b/gi) ?? [];
        expect(words).toEqual([]);
      }
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

test('the files table on the methodology page fits a 360 px screen: no part of it scrolls out of view', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/metodologi/`, { waitUntil: 'load' });
    const regions = await page.locator('.table-scroll:has(.files-table)').evaluateAll((els) => els.map((el) => el.scrollWidth - el.clientWidth));
    expect(regions.length).toBeGreaterThan(0);
    expect(Math.max(...regions)).toBeLessThanOrEqual(0);
    expect(await page.locator('tr[data-table] a[data-download]').first().isVisible()).toBe(true);
  } finally {
    await context.close();
  }
});
