/**
 * axe-core (the rules behind Lighthouse's and Chrome's accessibility audits) on the built site in
 * Chromium: one page of every kind, a chart redrawn in the browser, and the explorer while it waits
 * for its engine. Every rule axe runs by default must pass.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PantauChart } from '../../src/client/chart-element.ts';
import { launchChromium } from '../site/browser-session.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
 * A page as built, with the query engine's downloads held (the wasm never arrives): axe audits the
 * markup readers get first, and the test does not wait on 5 MB it does not look at.
 */
async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*.wasm', () => undefined);
  const page = await context.newPage();
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { context, page };
}

/** axe's violations on the page (or inside `include`), one line each: rule, impact, where. */
async function violations(page: Page, include?: string): Promise<string[]> {
  // Evaluated by Playwright, outside the page's CSP (an inline <script> tag would be refused).
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  }, include ?? null);
}

describe('axe finds nothing', () => {
  // One page of each kind (section pages with every chart kind, the home tiles, methodology, an
  // area page with its h2 sections); English pages use the same components.
  test.each(['/', '/sanksi/', '/operasi-timpora/', '/integrasi-data/', '/metodologi/', '/wilayah/bali/'])('on %s', async (path) => {
    const { context, page } = await open(path);
    try {
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('on /kedatangan/ as built, and on a chart the browser then redraws from new rows', async () => {
    const { context, page } = await open('/kedatangan/');
    try {
      expect(await violations(page)).toEqual([]);
      await page.evaluate(async () => {
        const chart = document.querySelector('pantau-chart[chart-id="arrivals-trend"]') as unknown as PantauChart;
        await chart.update([...chart.rows], { period: null, province: null, nationality: null, category: null, office: null });
      });
      expect(await page.locator('pantau-chart[chart-id="arrivals-trend"] [data-plot="wide"] svg g[aria-label]').count()).toBe(0);
      expect(await violations(page, 'pantau-chart[chart-id="arrivals-trend"]')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('on the explorer while it waits for its engine (the busy table keeps its contrast)', async () => {
    // The engine never arrives: the explorer stays busy.
    const { context, page } = await open('/jelajah/?tabel=sanctions&rincian=nationality%2Baction_group&kolom=year');
    try {
      await page.waitForSelector('[data-explorer-result][aria-busy="true"]');
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
