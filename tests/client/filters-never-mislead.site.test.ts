/**
 * Filters never mislead, in Chromium on the built site: every chart either shows every filter in the
 * address or is set apart with the reason in words; its caption names only the filters it shows;
 * titles state the figures read independently from the published Parquet; an empty result is a
 * sentence; a chart being redrawn says so; JavaScript off says filters are not applied; and the
 * engine is prefetched at idle on a page with a filter bar and never on a deck, the summary or
 * the methodology page. One browser for the file.
 */
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { launchChromium, visitPage } from '../site/browser-session.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(DIST);
  browser = await launchChromium({ enginePrefetch: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Published Parquet read with native DuckDB, as an analyst would: not through the charts' SQL. */
async function parquet<T>(sql: string): Promise<T[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const reader = await db.runAndReadAll(sql.replaceAll('$DATA', join(DIST, 'data')));
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) as T[];
}

const count = (n: number) => new Intl.NumberFormat('id-ID').format(n);
const shortMonth = (month: string) => new Date(`${month}T00:00:00Z`).toLocaleDateString('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });

interface ChartState {
  id: string;
  title: string;
  caption: string | null;
  note: string | null;
  refused: string[];
  drawn: Record<string, string | null>;
  busy: boolean;
  empty: string | null;
  plotVisible: boolean;
}

function charts(page: Page): Promise<ChartState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('pantau-chart')].map((c) => ({
      id: c.getAttribute('chart-id') ?? '',
      title: c.querySelector('[data-chart-title]')?.textContent?.trim() ?? '',
      caption: c.querySelector('[data-filter-caption]')?.textContent ?? null,
      note: c.querySelector('[data-filter-note]')?.textContent ?? null,
      refused: (c.dataset.filterUnsupported ?? '').split(' ').filter(Boolean),
      drawn: JSON.parse(c.dataset.filters ?? '{}') as Record<string, string | null>,
      busy: c.getAttribute('aria-busy') === 'true',
      empty: c.querySelector('[data-chart-empty]')?.textContent ?? null,
      plotVisible: [...c.querySelectorAll<HTMLElement>('[data-plot]')].some((p) => p.offsetParent !== null),
    })),
  );
}

/** Opens a filtered address and waits until no chart is updating any more. */
async function settled(path: string): Promise<{ page: Page; states: ChartState[]; errors: string[]; close: () => Promise<void> }> {
  const { context, page, errors } = await visitPage(browser, `${server.origin}${path}`);
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll<HTMLElement>('pantau-chart')];
    return all.length > 0 && all.every((c) => c.dataset.filterUnsupported !== undefined || c.dataset.filters?.includes('":"')) && !document.querySelector('pantau-chart[aria-busy]');
  }, undefined, { timeout: 120_000 });
  return { page, states: await charts(page), errors, close: () => context.close() };
}

/** Every chart shows every chosen filter, or names the ones it does not; its caption names only what it shows. */
function expectHonest(states: ChartState[], chosen: Record<string, string>, labels: Record<string, string>): void {
  for (const chart of states) {
    for (const [key, value] of Object.entries(chosen)) {
      const shows = chart.drawn[key] === value;
      expect(shows || chart.refused.includes(key), `${chart.id} neither shows nor refuses ${key}`).toBe(true);
      if (!shows) expect(chart.caption ?? '', `${chart.id} caption claims ${key}`).not.toContain(labels[key]!);
      if (shows) expect(chart.caption ?? '', `${chart.id} caption`).toContain(labels[key]!);
    }
    if (chart.refused.length) expect(chart.note, chart.id).toMatch(/^Grafik ini tidak dapat disaring menurut /);
    expect(chart.title, chart.id).not.toMatch(/[–-]\s*$/);
    expect(chart.busy, chart.id).toBe(false);
  }
}

describe('filters that never mislead', () => {
  test('2023 · Bali: the trend says it shows every month and headlines Bali’s latest 12 months; the rankings show 2023 in Bali', async () => {
    const { page, states, errors, close } = await settled('/kedatangan/?periode=2023&provinsi=51');
    try {
      expectHonest(states, { period: '2023', province: '51' }, { period: '2023', province: 'Bali' });
      const trend = states.find((s) => s.id === 'arrivals-trend')!;
      expect(trend.refused).toEqual(['period']);
      expect(trend.caption).toBe('Disaring: Bali');
      expect(trend.note).toBe('Grafik ini tidak dapat disaring menurut periode: grafik ini selalu menampilkan setiap periode yang diterbitkan.');
      const months = await parquet<{ month: string; count: number }>(
        `SELECT strftime(period, '%Y-%m-%d') AS month, count FROM read_parquet('$DATA/arrivals_totals.parquet')
         WHERE view = 'province_code' AND province_code = '51' AND grain = 'month' ORDER BY period`,
      );
      const last12 = months.slice(-12);
      expect(trend.title).toContain(`${shortMonth(last12[0]!.month)}–${shortMonth(last12[11]!.month)}: ${count(last12.reduce((s, m) => s + m.count, 0))}`);

      const nationalities = states.find((s) => s.id === 'arrivals-nationalities')!;
      expect(nationalities.caption).toBe('Disaring: 2023 · Bali');
      const [top] = await parquet<{ name: string; count: number }>(
        `SELECT c.name_id AS name, t.count FROM read_parquet('$DATA/arrivals_totals.parquet') t JOIN read_parquet('$DATA/countries.parquet') c ON c.iso3 = t.nationality
         WHERE view = 'province_code+nationality' AND province_code = '51' AND grain = 'year' AND period = DATE '2023-01-01' AND NOT count_withheld ORDER BY count DESC LIMIT 1`,
      );
      expect(nationalities.title).toContain(`${top!.name} terbanyak: ${count(top!.count)} kedatangan`);
      expect(nationalities.title).toContain('Januari–Desember 2023');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('2024 · DKI Jakarta · Australia: no arrivals in the Parquet, so each chart says so in a sentence instead of an empty plot', async () => {
    const published = await parquet<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet('$DATA/arrivals_totals.parquet') WHERE view = 'province_code+nationality' AND province_code = '31' AND nationality = 'AUS' AND count > 0`,
    );
    expect(published[0]!.n).toBe(0);
    const { page, states, errors, close } = await settled('/kedatangan/?periode=2024&provinsi=31&negara=AUS');
    try {
      const province = (await page.locator('select[data-filter="province"] option[value="31"]').textContent())!.trim();
      expectHonest(states, { period: '2024', province: '31', nationality: 'AUS' }, { period: '2024', province, nationality: 'Australia' });
      expect(states.find((s) => s.id === 'arrivals-nationalities')!.empty).toBe(`Tidak ada kedatangan WNA Australia di ${province} pada 2024.`);
      // the trend draws every month, so its sentence names no period
      expect(states.find((s) => s.id === 'arrivals-trend')!.empty).toBe(`Tidak ada kedatangan WNA Australia di ${province}.`);
      for (const chart of states) {
        expect(chart.empty, chart.id).not.toBeNull();
        expect(chart.plotVisible, chart.id).toBe(false);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('sanctions by nationality: the charts whose tables hold nationality show it, every other one says why, also with a province', async () => {
    const { states, errors, close } = await settled('/sanksi/?negara=CHN');
    try {
      expectHonest(states, { nationality: 'CHN' }, { nationality: 'China' });
      const answering = states.filter((s) => s.refused.length === 0).map((s) => s.id).sort();
      expect(answering).toEqual(['sanctions-groups', 'sanctions-nationalities']);
      expect(states.find((s) => s.id === 'sanctions-offices')!.note).toBe('Grafik ini tidak dapat disaring menurut kewarganegaraan: data sanksi per kantor tidak memuat kewarganegaraan.');
      const groups = states.find((s) => s.id === 'sanctions-groups')!;
      const [top] = await parquet<{ count: number; year: string }>(
        `SELECT count, strftime(period, '%Y') AS year FROM read_parquet('$DATA/sanctions_totals.parquet')
         WHERE view = 'nationality+action_group' AND nationality = 'CHN' AND grain = 'year'
           AND period = (SELECT max(period) FROM read_parquet('$DATA/sanctions_totals.parquet') WHERE view = 'nationality+action_group' AND grain = 'year')
           AND NOT count_withheld ORDER BY count DESC LIMIT 1`,
      );
      expect(groups.title).toContain(`: ${count(top!.count)} orang`);
      expect(groups.title).toContain(top!.year);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
    const both = await settled('/sanksi/?provinsi=51&negara=CHN');
    try {
      expectHonest(both.states, { province: '51', nationality: 'CHN' }, { province: 'Bali', nationality: 'China' });
      for (const chart of both.states) expect(chart.refused.length, chart.id).toBeGreaterThan(0);
      expect(both.errors).toEqual([]);
    } finally {
      await both.close();
    }
  });

  test('while the engine loads, the charts that will change are marked as updating and their captions claim nothing yet', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/kedatangan/`);
      await page.selectOption('select[data-filter="province"]', '51');
      const trend = page.locator('pantau-chart[chart-id="arrivals-trend"]');
      await expect.poll(() => trend.getAttribute('aria-busy')).toBe('true');
      expect(await trend.locator('[data-chart-updating]').textContent()).toBe('Memperbarui grafik untuk pilihan filter…');
      expect(await trend.locator('[data-filter-caption]').count()).toBe(0);
      expect(await trend.evaluate((el) => getComputedStyle(el.querySelector('[data-plot="wide"]')!).opacity)).not.toBe('1');
      release();
      await expect.poll(() => trend.getAttribute('aria-busy'), { timeout: 120_000 }).toBeNull();
      expect(await trend.locator('[data-filter-caption]').textContent()).toBe('Disaring: Bali');
      expect(await trend.locator('[data-chart-updating]').count()).toBe(0);
    } finally {
      release();
      await context.close();
    }
  });

  test('with JavaScript off, a filtered address says filters need JavaScript and every chart says it is unfiltered', async () => {
    const { context, page } = await visitPage(browser, `${server.origin}/kedatangan/?provinsi=51`, { javaScriptEnabled: false });
    try {
      await expect.poll(() => page.locator('[data-filter-noscript]').isVisible()).toBe(true);
      expect(await page.locator('[data-filter-noscript]').textContent()).toMatch(/JavaScript/);
      const charts = await page.locator('pantau-chart').count();
      expect(charts).toBeGreaterThan(0);
      expect(await page.locator('[data-chart-noscript]:visible').count()).toBe(charts);
      expect(await page.locator('[data-chart-noscript]').first().textContent()).toMatch(/^Tanpa filter/);
    } finally {
      await context.close();
    }
    // a page without a filter bar has no filters to be unfiltered by
    const summary = await visitPage(browser, `${server.origin}/ringkasan/`, { javaScriptEnabled: false });
    try {
      expect(await summary.page.locator('[data-chart-noscript]:visible').count()).toBe(0);
    } finally {
      await summary.context.close();
    }
  });

  test('the engine is prefetched at idle on a page with filters, and never on a deck, the summary or the methodology page', async () => {
    const wasmRequested = async (path: string, waitForPrefetch: boolean) => {
      const { context, page, requests } = await visitPage(browser, `${server.origin}${path}`);
      try {
        if (waitForPrefetch) await page.waitForFunction(() => document.documentElement.dataset.enginePrefetch === 'done', undefined, { timeout: 120_000 });
        // longer than the prefetch's idle timeout (3 s): a page that would prefetch has asked by now
        else await page.waitForTimeout(4000);
        return requests.filter((url) => new URL(url).pathname.endsWith('.wasm'));
      } finally {
        await context.close();
      }
    };
    const arrivals = await wasmRequested('/kedatangan/', true);
    expect(arrivals).toHaveLength(1);
    for (const path of ['/presentasi/banten/', '/ringkasan/', '/metodologi/']) expect(await wasmRequested(path, false), path).toEqual([]);
  });
});
