/**
 * The site with the network cut, in Debian's Chromium (one browser, one context for the walk): a
 * page opened once comes back on reload with the offline banner naming its snapshot; a page opened
 * before opens; a page never opened gets the offline page in its language, not the browser's
 * error; a filter on an opened chart page is answered after the engine was fetched once; after
 * "Tersedia luring" on a province, its Kanim's page and its deck open offline. Then the release
 * change: a worker of a new release, once it takes over, has deleted every cache of the old one.
 * And from the built files: sw.js names the release every page names, precaches the app shell but
 * no page besides the offline pages and none of the query engine's files.
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../../src/i18n/format.ts';
import { currentReleaseId } from '../../src/build/release-id.ts';
import { readManifest } from '../../src/build/published.ts';
import { officeAreas, provinceAreas } from '../../src/build/areas.ts';
import { releasesByDate } from '../../src/build/releases.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { foreignRequests, launchChromium } from '../site/browser-session.ts';

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

/** Waits until the page is controlled by the service worker (the first visit waits for its install). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
  });
}

const bannerText = (page: Page) => page.locator('[data-offline-banner]:visible').textContent({ timeout: 10_000 });
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

describe('offline, with the service worker', () => {
  let context: BrowserContext;
  const requests: string[] = [];
  const errors: string[] = [];

  test('a page opened once works offline, says so and names its snapshot; a page never opened gets the offline page in its language; a filter is answered from the cached engine', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/kedatangan/`);
    await controlled(page);
    // A filter once online: the engine (wasm, worker) and the data it reads are fetched through the worker.
    await page.goto(`${server.origin}/kedatangan/?provinsi=51`);
    await page.waitForFunction(() => (document.querySelector('pantau-chart[chart-id="arrivals-nationalities"]') as HTMLElement | null)?.dataset.filters?.includes('"province":"51"'), null, { timeout: 120_000 });
    const filteredOnline = await page.locator('pantau-chart[chart-id="arrivals-nationalities"] [data-chart-title]').textContent();
    await page.goto(`${server.origin}/sanksi/`);
    const sanctionsTitle = await page.title();
    expect(await page.locator('[data-offline-banner]').isHidden()).toBe(true);

    await context.setOffline(true);
    await page.reload();
    expect(await page.title()).toBe(sanctionsTitle);
    const { snapshotDate } = readManifest();
    const banner = await bannerText(page);
    expect(banner).toContain('Anda sedang luring');
    expect(banner).toContain(`data per ${formatDate(snapshotDate, 'id')}`);

    // A page opened before, with another filter than then: the page, and the engine from the cache.
    await page.goto(`${server.origin}/kedatangan/?provinsi=52`);
    expect(await bannerText(page)).toContain('Anda sedang luring');
    await page.waitForFunction(() => (document.querySelector('pantau-chart[chart-id="arrivals-nationalities"]') as HTMLElement | null)?.dataset.filters?.includes('"province":"52"'), null, { timeout: 120_000 });
    const filteredOffline = await page.locator('pantau-chart[chart-id="arrivals-nationalities"] [data-chart-title]').textContent();
    expect(filteredOffline).not.toBe(filteredOnline);

    // Never opened: the offline page, in the address's language.
    const methodology = await page.goto(`${server.origin}/metodologi/`);
    expect(methodology?.ok()).toBe(true);
    expect(await page.locator('[data-offline-page]').getAttribute('data-offline-page')).toBe('id');
    await page.locator('[data-saved-pages]').waitFor();
    expect(await page.locator('[data-saved-pages-list] a').allTextContents()).toContain(sanctionsTitle);
    await page.goto(`${server.origin}/en/methodology/`);
    expect(await page.locator('[data-offline-page]').getAttribute('data-offline-page')).toBe('en');
    expect(await bannerText(page)).toContain('You are offline');
    await context.setOffline(false);
  }, 300_000);

  test('"Tersedia luring" on a province keeps its Kanim pages and its deck for offline use', async () => {
    await context.setOffline(false);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const banten = (await provinceAreas()).find((p) => p.slug === 'banten')!;
    const office = (await officeAreas()).find((o) => o.province_code === banten.code)!;
    const date = releasesByDate()[0]!.manifest.snapshotDate;
    await page.goto(`${server.origin}/wilayah/banten/`);
    await controlled(page);
    const button = page.locator('[data-offline-area-button]');
    await button.click();
    await page.waitForSelector('[data-offline-area-done]', { timeout: 120_000 });
    expect(await page.locator('[data-offline-area-status]').textContent()).toMatch(/^\d+ halaman Banten tersimpan/);

    await context.setOffline(true);
    await page.goto(`${server.origin}/wilayah/kantor/${office.slug}/`);
    expect(await page.locator('h1').textContent()).toBe(office.name);
    expect(await page.locator('[data-offline-page]').count()).toBe(0);
    await page.goto(`${server.origin}/presentasi/${date}/banten/`);
    await page.waitForSelector('.reveal.ready');
    expect(await page.locator('.slides > section svg').count()).toBeGreaterThan(0);
    await context.setOffline(false);
    await page.close();
  }, 240_000);

  test('on the whole walk: no request to another host, no script error', async () => {
    expect(foreignRequests(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The machine is shared: a navigation may wait for the worker to install or activate. */
const SLOW = { waitUntil: 'domcontentloaded', timeout: 90_000 } as const;

describe('a new release', () => {
  test("the new release's worker, once no page of the old one is open, takes over and deletes every cache of the old release", async () => {
    // A site of its own (dist/ linked in, sw.js a copy) whose sw.js can be replaced by the next release's.
    // Its precompressed copies (sw.js.br, sw.js.gz) are left out: the server would send them, still
    // naming the old release, in place of the replaced file.
    const site = mkdtempSync(join(tmpdir(), 'pantau-release-'));
    for (const entry of readdirSync(DIST)) if (!/^sw\.js(\.br|\.gz)?$/.test(entry)) symlinkSync(join(DIST, entry), join(site, entry));
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    writeFileSync(join(site, 'sw.js'), worker);
    let releaseServer = await startStaticServer(site);
    const context = await browser.newContext();
    try {
      const release = currentReleaseId();
      const page = await context.newPage();
      await page.goto(`${releaseServer.origin}/metodologi/`, SLOW);
      await controlled(page);
      await page.goto(`${releaseServer.origin}/ringkasan/`, SLOW);
      await expect.poll(() => cacheNames(page)).toContain(`pantau-pages-${release}`);
      expect((await cacheNames(page)).filter((name) => name !== 'pantau-engine' && !name.endsWith(release))).toEqual([]);

      // The next release is published: the same worker naming another release.
      const next = `2099-01-01-${'f'.repeat(12)}`;
      writeFileSync(join(site, 'sw.js'), worker.replaceAll(release, next));
      // The preview server reads each file's size and ETag once, when it starts (sirv's production
      // mode), so a new build is served by a restarted server (as `npm start` does), on the same origin.
      const { port } = new URL(releaseServer.origin);
      await releaseServer.close();
      releaseServer = await startStaticServer(site, { port: Number(port) });
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
        const installing = registration.installing;
        if (installing) await new Promise((done) => installing.addEventListener('statechange', () => installing.state !== 'installing' && done(null)));
      });
      // While a page of the old release is open, the old caches stay (that page reads them).
      expect(await cacheNames(page)).toContain(`pantau-pages-${release}`);
      await page.close();
      // Asked of the service workers themselves: a page opened at once would be a client of the old
      // worker and keep it (rightly) in charge, so the new one would wait for that page too.
      // null until a running worker has answered (none answering is not "no old cache").
      const oldCaches = async () => {
        const answers = await Promise.all(context.serviceWorkers().map((worker) => worker.evaluate(() => caches.keys()).catch(() => null)));
        const known = answers.filter((names): names is string[] => names !== null);
        return known.length === 0 ? null : known.flat().filter((name) => name.endsWith(release));
      };
      await expect.poll(oldCaches, { timeout: 60_000 }).toEqual([]);
      const fresh = await context.newPage();
      await fresh.goto(`${releaseServer.origin}/metodologi/`, SLOW);
      expect(await cacheNames(fresh)).toContain(`pantau-shell-${next}`);
      // The server still sends pages of the old release: the new worker shows them but keeps none.
      await fresh.reload(SLOW);
      expect(await fresh.locator('[data-pantau-release]').getAttribute('data-pantau-release')).toBe(release);
      expect(await fresh.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `pantau-pages-${next}`)).toBe(0);
    } finally {
      await context.close();
      await releaseServer.close();
    }
  }, 240_000);
});

describe('the built service worker', () => {
  const worker = () => readFileSync(join(DIST, 'sw.js'), 'utf8');
  test('names the release every page names, and precaches the app shell only', () => {
    const release = currentReleaseId();
    expect(release).toMatch(new RegExp(`^${readManifest().snapshotDate}-[0-9a-f]{12}$`));
    expect(worker()).toContain(JSON.stringify(release));
    for (const page of ['index.html', 'kedatangan/index.html', 'en/regions/index.html']) {
      expect(readFileSync(join(DIST, page), 'utf8'), page).toContain(`data-pantau-release="${release}"`);
    }
    const precached = [...worker().matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    expect(precached).toContain('luring/index.html');
    expect(precached).toContain('en/offline/index.html');
    expect(precached.filter((url) => url.endsWith('.html')).sort()).toEqual(['en/offline/index.html', 'luring/index.html']);
    expect(precached.filter((url) => /duckdb|\.wasm/.test(url))).toEqual([]);
    expect(precached.some((url) => url.startsWith('_astro/') && url.endsWith('.css'))).toBe(true);
    // Workbox is bundled in, never loaded from elsewhere.
    expect(worker()).not.toMatch(/importScripts\(/);
  });
});
