/**
 * City/regency pages in Debian's Chromium, one browser for the file: Kota Cilegon with JavaScript
 * off shows its activities, the Kanim serving it and the Disdukcapil–Kemenag gap read from the
 * published totals, in both languages; the data-integration ranking links to it; a withheld
 * figure shows "[c]" and no gap; Kabupaten Badung shows the arrivals at Ngurah Rai airport (the
 * sum of the checkpoints' published monthly totals, read back from the Parquet files), Kota Cilegon
 * (no checkpoint) no arrivals section; no console error and no request off the site.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { regencyAreas } from '../../src/build/areas.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { formatCount } from '../../src/i18n/format.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';
import { lastTwoYears, publishedCheckpointArrivals } from '../helpers/checkpoint-arrivals.ts';

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startStaticServer('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Kota Cilegon's published mixed-marriage totals per year and agency. */
async function cilegonMixedMarriages(): Promise<Map<string, { disdukcapil: number | null; kemenag: number | null }>> {
  const rows = await queryPublished<{ year: string; source_agency: string; count: number | null }>(`SELECT CAST(year(period) AS VARCHAR) AS year, source_agency, count FROM registry_totals
WHERE view = 'region_code+metric+source_agency' AND grain = 'year' AND metric = 'mixed_marriages' AND region_code = '36.72' ORDER BY 1`);
  const out = new Map<string, { disdukcapil: number | null; kemenag: number | null }>();
  for (const r of rows) out.set(r.year, { ...(out.get(r.year) ?? { disdukcapil: null, kemenag: null }), [r.source_agency]: r.count });
  return out;
}

describe('city/regency pages', () => {
  test('every city/regency with a published figure has a page in both languages', async () => {
    const areas = await regencyAreas();
    expect(areas.length).toBeGreaterThan(400);
    const missing = areas.filter((a) => !existsSync(`dist/wilayah/${a.slug}/index.html`) || !existsSync(`dist/en/regions/${a.slug}/index.html`));
    expect(missing.map((a) => a.slug)).toEqual([]);
    // No page points off the site (the browser walk in tests/pages/ loads only Kota Cilegon's of these).
    const offSite = areas.flatMap((a) => [`dist/wilayah/${a.slug}/index.html`, `dist/en/regions/${a.slug}/index.html`])
      .filter((file) => /(?:src|href|action)="(?:https?:)?\/\/(?!127\.0\.0\.1)/.test(readFileSync(file, 'utf8').replace(/<link rel="(?:canonical|alternate)"[^>]*>/g, '')));
    expect(offSite).toEqual([]);
  });

  test('Kota Cilegon with JavaScript off: activities, its Kanim and the agencies\' gap, in both languages', async () => {
    const expected = await cilegonMixedMarriages();
    const latest = [...expected.keys()].at(-1)!;
    const { disdukcapil, kemenag } = expected.get(latest)!;
    expect(disdukcapil).not.toBeNull();
    expect(kemenag).not.toBeNull();
    expect(kemenag).not.toBe(disdukcapil); // the sample gives Kota Cilegon a visible gap
    const gap = kemenag! - disdukcapil!;
    for (const [url, more] of [['/wilayah/banten/kota-cilegon/', 'Kemenag mencatat lebih banyak'], ['/en/regions/banten/kota-cilegon/', 'Kemenag records more']] as const) {
      const visit = await visitPage(browser, `${server.origin}${url}`, { javaScriptEnabled: false });
      const { page } = visit;
      expect(visit.status).toBe(200);
      expect(await page.textContent('h1')).toBe('Kota Cilegon');
      expect(await page.getAttribute('[data-served-by] a', 'href')).toMatch(/\/kantor\/cilegon\/$|\/office\/cilegon\/$/);
      expect(await page.locator('[data-regency-activities] table:not([data-agencies])').count()).toBe(2);
      expect(await page.locator('[data-agencies] tbody tr').count()).toBeGreaterThan(0);
      const row = page.locator(`[data-metric="mixed_marriages"] tr[data-period="${latest}"]`);
      const cells = await row.locator('td').allTextContents();
      expect(cells[0]).toBe(String(disdukcapil));
      expect(cells[1]).toBe(String(kemenag));
      expect(cells[2]).toBe(`${gap > 0 ? '+' : '−'}${Math.abs(gap)}`);
      expect(cells[4]).toBe(gap > 0 ? more : more.replace('Kemenag', 'Disdukcapil'));
      // No checkpoint stands in Kota Cilegon: no arrivals section.
      expect(await page.locator('[data-regency-arrivals]').count()).toBe(0);
      expect(visit.errors).toEqual([]);
      expect(foreignRequests(visit.requests)).toEqual([]);
      await visit.context.close();
    }
  });

  test('Kabupaten Badung: the arrivals at its checkpoint are the sum of its published monthly totals, in both languages', async () => {
    const published = await publishedCheckpointArrivals('51.03');
    expect(published.ports).toEqual(['DPS']);
    const { latest, before } = lastTwoYears(published.months);
    expect(latest).not.toBeNull();
    expect(before).not.toBeNull();
    for (const [url, locale, javaScriptEnabled] of [['/wilayah/bali/kabupaten-badung/', 'id', false], ['/en/regions/bali/kabupaten-badung/', 'en', true]] as const) {
      const visit = await visitPage(browser, `${server.origin}${url}`, { javaScriptEnabled });
      const { page } = visit;
      const section = page.locator('[data-regency-arrivals]');
      expect(await section.locator('[data-checkpoints] li').allTextContents()).toEqual([expect.stringContaining('Ngurah Rai')]);
      const sentence = (await section.locator('[data-twelve-months]').textContent()) ?? '';
      expect(sentence).toContain(`${formatCount(latest!, locale)} `);
      expect(sentence).toContain(`${formatCount(before!, locale)} `);
      expect(await section.locator('svg').count()).toBeGreaterThan(0);
      // The data table has one row per published month, each the month's published total.
      const counts = await section.locator('[data-arrivals-table] tbody tr td:nth-child(2)').allTextContents();
      expect(counts).toEqual(published.months.map((m) => (m.count === null ? '[c]' : formatCount(m.count, locale))));
      expect(visit.errors).toEqual([]);
      expect(foreignRequests(visit.requests)).toEqual([]);
      await visit.context.close();
    }
  });

  test('the data-integration ranking links to Kota Cilegon; a withheld figure is "[c]" with no gap', async () => {
    const withheld = await queryPublished<{ region_code: string }>(`SELECT region_code FROM registry_totals
WHERE view = 'region_code+metric+source_agency' AND grain = 'year' AND metric = 'mixed_marriages' AND count_withheld
  AND year(period) = (SELECT max(year(period)) FROM registry_totals WHERE grain = 'year' AND metric = 'mixed_marriages') ORDER BY 1 LIMIT 1`);
    for (const url of ['/integrasi-data/', '/en/data-integration/']) {
      const visit = await visitPage(browser, `${server.origin}${url}`);
      const { page } = visit;
      const cilegon = page.locator('[data-regency-gap-ranking] tr[data-regency="36.72"]');
      expect(await cilegon.locator('a').getAttribute('href')).toMatch(/\/banten\/kota-cilegon\/$/);
      expect(await cilegon.locator('[data-gap]').textContent()).toMatch(/^[+−]\d+$/);
      if (withheld[0]) {
        const row = page.locator(`[data-regency-gap-ranking] tr[data-regency="${withheld[0].region_code}"]`);
        expect(await row.textContent()).toContain('[c]');
        expect(await row.locator('[data-gap]').textContent()).toMatch(/tidak dapat dibandingkan|not comparable/);
      }
      // Ranked by the absolute gap, largest first, comparable rows before the others.
      const gaps = (await page.locator('[data-regency-gap-ranking] [data-gap]').allTextContents()).map((t) => (/^[+−]?\d/.test(t) ? Number(t.replace(/[^\d]/g, '')) : -1));
      expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
      expect(visit.errors).toEqual([]);
      expect(foreignRequests(visit.requests)).toEqual([]);
      await visit.context.close();
    }
  });
});
