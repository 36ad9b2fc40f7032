/**
 * Filters redraw the charts in the browser, with the network cut: choosing a province on the
 * arrivals page re-runs each chart's SQL in DuckDB-WASM, and the rows a chart then shows equal the
 * same SQL run by native DuckDB on the published Parquet. The choice is in the address, and
 * reloading that address draws the same view.
 */
import { resolve, join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../site/browser-session.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chartById } from '../../src/charts/registry.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { NO_FILTERS, type Filters } from '../../src/schema/filters.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
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

async function offlinePage(): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const foreign: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') {
      foreign.push(url.href);
      await route.abort('internetdisconnected');
    } else await route.continue();
  });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, foreign, errors };
}

/** Waits until a chart has been redrawn for a province, then returns the rows it shows. */
async function rowsShown(page: Page, chartId: string, province: string): Promise<unknown[]> {
  const selector = `pantau-chart[chart-id="${chartId}"]`;
  await page.waitForFunction(
    ([sel, code]) => (document.querySelector(sel) as HTMLElement | null)?.dataset.filters?.includes(`"province":"${code}"`),
    [selector, province] as const,
    { timeout: 90_000 },
  );
  return page.evaluate((sel) => [...((document.querySelector(sel) as unknown as { rows: unknown[] }).rows)], selector);
}

const BALI: Filters = { ...NO_FILTERS, province: '51' };

describe('filters on a chart page', () => {
  test('a province choice redraws the charts from DuckDB-WASM, equal to native DuckDB, and survives a reload', async () => {
    const { page, foreign, errors } = await offlinePage();
    await page.goto(`${server.origin}/kedatangan/`);
    const before = await page.locator('pantau-chart[chart-id="arrivals-trend"] [data-chart-title]').textContent();
    await page.selectOption('select[data-filter="province"]', '51');
    await expect.poll(() => new URL(page.url()).searchParams.get('provinsi')).toBe('51');

    for (const id of ['arrivals-trend', 'arrivals-nationalities', 'arrivals-ports']) {
      const expected = await queryPublished(chartById(id).sql(BALI));
      expect(expected.length, id).toBeGreaterThan(0);
      expect(await rowsShown(page, id, '51'), id).toEqual(expected);
    }
    const after = await page.locator('pantau-chart[chart-id="arrivals-trend"] [data-chart-title]').textContent();
    expect(after).not.toBe(before);
    expect(await page.locator('pantau-chart[chart-id="arrivals-trend"] [data-filter-caption]').textContent()).toBe('Disaring: Bali');

    await page.reload();
    expect(await rowsShown(page, 'arrivals-nationalities', '51')).toEqual(await queryPublished(chartById('arrivals-nationalities').sql(BALI)));
    expect(await page.inputValue('select[data-filter="province"]')).toBe('51');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the time slider of a trend chart narrows the months drawn, and the table keeps them all', async () => {
    const { page, foreign, errors } = await offlinePage();
    await page.goto(`${server.origin}/kedatangan/`);
    const chart = page.locator('pantau-chart[chart-id="arrivals-trend"]');
    const slider = chart.locator('[data-window-start]');
    await expect.poll(() => slider.isVisible()).toBe(true);
    const before = await chart.locator('[data-plot="wide"]').innerHTML();
    const tableRows = await chart.locator('[data-table-view] tbody tr').count();
    const max = Number(await slider.getAttribute('max'));
    expect(max).toBeGreaterThan(0);
    await slider.fill(String(max));
    // the newest 12 months remain: the label names the first of them
    const months = (await queryPublished<{ month: string }>(chartById('arrivals-trend').sql(NO_FILTERS))).map((r) => r.month).sort();
    const first = new Date(`${months.at(-12)}T00:00:00Z`).toLocaleDateString('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    await expect.poll(() => chart.locator('[data-window-text]').textContent()).toBe(first);
    await expect.poll(() => chart.locator('[data-plot="wide"]').innerHTML()).not.toBe(before);
    expect(await chart.locator('[data-table-view] tbody tr').count()).toBe(tableRows);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
