/**
 * axe-core (the rules behind Lighthouse's and Chrome's accessibility audits) on the built site in
 * Chromium: one page of every kind in both languages, and the states a reader reaches there: a
 * chart page after the query engine redrew it for a filter, the explorer after it answered a
 * query, and a deck as the room sees it (no speaker view). Every rule axe runs by default must pass,
 * with the page's own Content-Security-Policy in force (tests/site/axe.ts).
 */
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PantauChart } from '../../src/client/chart-element.ts';
import { launchChromium } from '../site/browser-session.ts';
import { axeViolations } from '../site/axe.ts';
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

/**
 * A page as built. Unless `engine` is set, the query engine's downloads are held (the wasm never
 * arrives): axe audits the markup readers get first, and the test does not wait on megabytes it
 * does not look at.
 */
async function open(path: string, { engine = false, width = 1280 } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  if (!engine) await context.route('**/*.wasm', () => undefined);
  const page = await context.newPage();
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { context, page };
}

async function audited(path: string, reach?: (page: Page) => Promise<void>, options: { engine?: boolean; width?: number } = {}): Promise<string[]> {
  const { context, page } = await open(path, options);
  try {
    await reach?.(page);
    return await axeViolations(page);
  } finally {
    await context.close();
  }
}

/** Every kind of page, Indonesian and English: the section pages hold every chart kind. */
const PAGE_TYPES: readonly { kind: string; id: string; en: string }[] = [
  { kind: 'home', id: '/', en: '/en/' },
  { kind: 'arrivals', id: '/kedatangan/', en: '/en/arrivals/' },
  { kind: 'sanctions', id: '/sanksi/', en: '/en/sanctions/' },
  { kind: 'TIMPORA operations', id: '/operasi-timpora/', en: '/en/timpora-operations/' },
  { kind: 'data integration', id: '/integrasi-data/', en: '/en/data-integration/' },
  { kind: 'explorer', id: '/jelajah/', en: '/en/explore/' },
  { kind: 'methodology', id: '/metodologi/', en: '/en/methodology/' },
  { kind: 'regions index', id: '/wilayah/', en: '/en/regions/' },
  { kind: 'province', id: '/wilayah/bali/', en: '/en/regions/bali/' },
  { kind: 'immigration office', id: '/wilayah/kantor/ngurah-rai/', en: '/en/regions/office/ngurah-rai/' },
  { kind: 'city/regency', id: '/wilayah/banten/kota-cilegon/', en: '/en/regions/banten/kota-cilegon/' },
  { kind: 'summary', id: '/ringkasan/', en: '/en/summary/' },
  { kind: 'province summary', id: '/ringkasan/bali/', en: '/en/summary/bali/' },
  { kind: 'embed', id: '/embed/arrivals-trend/', en: '/en/embed/arrivals-trend/' },
  { kind: 'map embed', id: '/embed/sanctions-map/', en: '/en/embed/sanctions-map/' },
  { kind: 'deck index', id: '/presentasi/', en: '/en/presentation/' },
];
const PAGES = PAGE_TYPES.flatMap(({ kind, id, en }) => [
  { kind, path: id },
  { kind, path: en },
]);

/** A deck once reveal.js has laid out its slides: what the room sees (the speaker view is a second window). */
const deckReady = async (page: Page) => {
  await page.waitForSelector('.reveal.ready');
};

/** Waits until every chart on the page shows the province, or says it cannot be filtered by it. */
const chartsFiltered = (province: string) => async (page: Page) => {
  await page.waitForFunction(
    (code) => {
      const charts = [...document.querySelectorAll<HTMLElement>('pantau-chart')];
      return charts.length > 0 && charts.every((c) => c.hasAttribute('data-filter-unsupported') || c.dataset.filters?.includes(`"province":"${code}"`));
    },
    province,
    { timeout: 90_000 },
  );
};

/** Waits until the explorer shows an answer from the engine, not the built table. */
const explorerAnswered = async (page: Page) => {
  await page.waitForSelector('[data-explorer-result]:not([data-state="static"]):not([aria-busy])', { timeout: 90_000 });
};

/** The handout: the slides laid out as a page to print, with their notes. */
const handoutReady = async (page: Page) => {
  await page.waitForSelector('html.deck-handout');
};

describe('axe finds nothing', () => {
  test.each(PAGES)('on the $kind page $path as built', async ({ path }) => {
    expect(await audited(path)).toEqual([]);
  });

  test('on a phone: the narrow drawings and the tile map (/en/sanctions/ at 360 px)', async () => {
    expect(await audited('/en/sanctions/', undefined, { width: 360 })).toEqual([]);
  });

  test.each(['/presentasi/2025-10-05/bali/', '/en/presentation/2025-10-05/bali/', '/presentasi/2025-10-05/banten/kota-cilegon/'])(
    'on the deck %s as the room sees it, and as a handout',
    async (path) => {
      expect(await audited(path, deckReady)).toEqual([]);
      expect(await audited(`${path}?handout`, handoutReady)).toEqual([]);
    },
  );

  test('on a chart page filtered to one province, after the engine redrew its charts', async () => {
    expect(await audited('/kedatangan/?provinsi=51', chartsFiltered('51'), { engine: true })).toEqual([]);
  });

  test('on the English explorer after the engine answered a query', async () => {
    expect(await audited('/en/explore/?tabel=sanctions&rincian=nationality%2Baction_group&kolom=year', explorerAnswered, { engine: true })).toEqual([]);
  });

  test('on the explorer while it waits for its engine (the busy table keeps its contrast)', async () => {
    const violations = await audited('/jelajah/?tabel=sanctions&rincian=nationality%2Baction_group&kolom=year', async (page) => {
      await page.waitForSelector('[data-explorer-result][aria-busy="true"]');
    });
    expect(violations).toEqual([]);
  });

  test('on a chart the browser redraws from new rows (no named groups inside the drawing)', async () => {
    const { context, page } = await open('/kedatangan/');
    try {
      await page.evaluate(async () => {
        const chart = document.querySelector('pantau-chart[chart-id="arrivals-trend"]') as unknown as PantauChart;
        await chart.update([...chart.rows], { period: null, province: null, nationality: null, category: null, office: null });
      });
      expect(await page.locator('pantau-chart[chart-id="arrivals-trend"] [data-plot="wide"] svg g[aria-label]').count()).toBe(0);
      expect(await axeViolations(page, 'pantau-chart[chart-id="arrivals-trend"]')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
