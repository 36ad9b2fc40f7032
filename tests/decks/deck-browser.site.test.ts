/**
 * A real deck in Debian's Chromium, one browser for the file: walked by keyboard at 1280 × 720 and
 * 1024 × 768 with nothing outside the slide box (the national deck and a province's), the slide
 * in the address, the speaker view, no request to another host and no query engine, still moving
 * with the network cut, QR codes that decode to the live site, the downloaded single file opened
 * from file:// with every request refused, one printed PDF page per slide, and axe-core finding
 * nothing on a deck in either language (the national deck is walked in English).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryPublished } from '../../src/build/query-published.ts';
import { releasesByDate } from '../../src/build/releases.ts';
import { absoluteUrl } from '../../src/build/site-origin.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page, one line each: rule, impact, where. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated by Playwright, outside the page's CSP (an inline <script> tag would be refused).
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  });
}

let server: StaticServer;
let browser: Browser;
const date = releasesByDate()[0]!.manifest.snapshotDate;
const BANTEN = `/presentasi/${date}/banten/`;
/** The half-year the newest release's decks cover, as the site's period filter ("2025-H1"): its latest published half-year. */
let half = '';
const NATION = `/en/presentation/${date}/nasional/`;

beforeAll(async () => {
  const [latest] = await queryPublished<{ p: string }>("SELECT CAST(max(period) AS VARCHAR) AS p FROM arrivals_totals WHERE grain = 'half'", releasesByDate()[0]!.dir);
  half = `${latest!.p.slice(0, 4)}-H${latest!.p.slice(5, 7) === '01' ? 1 : 2}`;
  server = await startStaticServer('dist');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Elements of the slide on screen that reach outside its 1280 × 720 box, or a box outside the
 * window: `fitProblems` in the page (a function's source, so the keyboard walk and the quick walk share it).
 */
const FIT_PROBLEMS = `(() => {
  const frame = document.querySelector('.slides > section.present .deck-frame');
  const box = frame.getBoundingClientRect();
  const out = [];
  if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) out.push('slide box ' + JSON.stringify(box));
  for (const element of frame.querySelectorAll('*')) {
    if (element.closest('aside.notes')) continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(element.tagName + '.' + (element.getAttribute('class') || ''));
  }
  return out;
})()`;
const overflowing = (page: Page): Promise<string[]> => page.evaluate(FIT_PROBLEMS);

/**
 * Every slide checked in one go: → sent to the deck from inside the page, each slide measured once
 * drawn. The check is installed as a function by Playwright (outside the page's CSP, which refuses
 * a string evaluated by the page itself), then called on each slide.
 */
const quickWalk = async (page: Page, size: string): Promise<string[]> => {
  await page.evaluate(`window.__fitProblems = () => ${FIT_PROBLEMS}`);
  return page.evaluate(async (label) => {
    const fit = (window as unknown as { __fitProblems: () => string[] }).__fitProblems;
    const problems: string[] = [];
    const slides = document.querySelectorAll('.slides > section');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', keyCode: 36, bubbles: true }));
    for (let i = 0; i < slides.length; i += 1) {
      if (i > 0) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => done(null)));
      if (!slides[i]!.classList.contains('present')) problems.push(`${label} slide ${i}: not shown after →`);
      for (const what of fit()) problems.push(`${label} slide ${i} (${slides[i]!.getAttribute('data-slide')}): ${what}`);
    }
    return problems;
  }, size);
};

/** Waits until slide `n` (0-based) is the one on screen. */
const showing = (page: Page, n: number) =>
  page.waitForFunction((i) => document.querySelectorAll('.slides > section')[i]?.classList.contains('present'), n);

/** Waits until the address names slide `n` (reveal writes it a moment after the slide changes). */
const addressed = (page: Page, n: number) => page.waitForFunction((i) => location.hash === `#/${i}`, n);

const present = (page: Page) => page.evaluate(() => ({ slide: document.querySelector('.slides > section.present')?.getAttribute('data-slide'), hash: location.hash }));

/** Walks every slide with the keys a clicker sends, checking the address and the slide box at each. */
async function walk(page: Page, size: string): Promise<string[]> {
  const total = await page.locator('.slides > section').count();
  const problems: string[] = [];
  await page.keyboard.press('Home');
  const keys = ['ArrowRight', 'Space', 'PageDown'];
  for (let i = 0; i < total; i += 1) {
    if (i > 0) {
      await page.keyboard.press(keys[i % keys.length]!);
      await showing(page, i);
    }
    for (const what of await overflowing(page)) problems.push(`${size} slide ${i} (${(await present(page)).slide}): ${what}`);
  }
  return problems;
}

/** Decodes a QR code's SVG by drawing it on a canvas in the page. */
async function decodeQr(page: Page, selector: string): Promise<string | null> {
  const SIZE = 200;
  const pixels = await page.evaluate(async ([sel, SIZE]) => {
    const svg = document.querySelector(sel)!.outerHTML;
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = SIZE;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, SIZE, SIZE);
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, SIZE, SIZE);
    let binary = '';
    for (const byte of context.getImageData(0, 0, SIZE, SIZE).data) binary += String.fromCharCode(byte);
    return btoa(binary);
  }, [selector, SIZE] as const);
  return jsQR(new Uint8ClampedArray(Buffer.from(pixels, 'base64')), SIZE, SIZE)?.data ?? null;
}

describe('a rakor deck in Chromium', () => {
  test('walks by keyboard at 1280 × 720 and 1024 × 768 with nothing outside the slide; speaker view; QR codes; no other host; works offline', async () => {
    const visit = await visitPage(browser, `${server.origin}${BANTEN}`, { viewport: { width: 1280, height: 720 } });
    const { page, context } = visit;
    await page.waitForSelector('.reveal.ready');
    const problems = await walk(page, '1280×720');
    await page.keyboard.press('PageUp');
    await addressed(page, (await page.locator('.slides > section').count()) - 2);
    expect((await present(page)).slide).toBe('qr');
    await page.setViewportSize({ width: 1024, height: 768 });
    problems.push(...(await quickWalk(page, '1024×768')));
    expect(problems).toEqual([]);

    // QR codes: the large one opens the area page, a slide's corner code the same view on the live site.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect(await decodeQr(page, '.slides > section[data-slide="qr"] .deck-qr-large__code svg')).toBe(absoluteUrl('/wilayah/banten/'));
    expect(await decodeQr(page, '.slides > section[data-slide="nationalities"] .deck-qr-corner svg')).toBe(absoluteUrl(`/kedatangan/?periode=${half}&provinsi=36`));

    // S opens the speaker view (reveal's notes plugin) in a window of its own.
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await speaker.waitForLoadState();
    expect(await speaker.content()).toMatch(/speaker/i);
    await speaker.close();

    // Network cut after the first load: every slide still there, charts included.
    await context.setOffline(true);
    await page.keyboard.press('Home');
    for (let i = 1; i <= 4; i += 1) {
      await page.keyboard.press('ArrowRight');
      await showing(page, i);
      expect(await page.locator('.slides > section.present svg').count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('End');
    expect((await present(page)).slide).toBe('closing');
    await context.setOffline(false);

    expect(foreignRequests(visit.requests)).toEqual([]);
    expect(visit.requests.filter((url) => /\.wasm|duckdb/i.test(url))).toEqual([]);
    expect(visit.errors).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();

    const nation = await visitPage(browser, `${server.origin}${NATION}`, { viewport: { width: 1280, height: 720 } });
    await nation.page.waitForSelector('.reveal.ready');
    const nationProblems = await quickWalk(nation.page, '1280×720');
    await nation.page.setViewportSize({ width: 1024, height: 768 });
    nationProblems.push(...(await quickWalk(nation.page, '1024×768')));
    expect(nationProblems).toEqual([]);
    expect(foreignRequests(nation.requests)).toEqual([]);
    expect(await violations(nation.page)).toEqual([]);
    await nation.context.close();
  });

  test('the downloaded single file opens from file:// with every request refused; print gives one PDF page per slide, the handout two to an A4 page', async () => {
    const visit = await visitPage(browser, `${server.origin}${BANTEN}`, { viewport: { width: 1280, height: 720 } });
    await visit.page.waitForSelector('.reveal.ready');
    const slides = await visit.page.locator('.slides > section').count();
    const charts = await visit.page.locator('.slides > section .deck-chart svg').count();
    const [download] = await Promise.all([visit.page.waitForEvent('download'), visit.page.click('[data-deck-download]')]);
    expect(download.suggestedFilename()).toBe(`pantau-wna-presentasi-banten-${date}.html`);
    const file = join(mkdtempSync(join(tmpdir(), 'pantau-deck-')), download.suggestedFilename());
    await download.saveAs(file);
    await visit.context.close();

    const offline = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const refused: string[] = [];
    await offline.route('**/*', (route) => {
      if (route.request().url().startsWith('file://')) return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    const page = await offline.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`file://${file}`);
    await page.waitForSelector('.reveal.ready');
    expect(await page.locator('.slides > section').count()).toBe(slides);
    expect(await page.locator('.slides > section .deck-chart svg').count()).toBe(charts);
    await page.keyboard.press('End');
    await addressed(page, slides - 1);
    expect(readFileSync(file, 'utf8')).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);

    await offline.close();

    // reveal's print view: one page per slide.
    const print = await visitPage(browser, `${server.origin}${BANTEN}?print-pdf`);
    await print.page.waitForSelector('.reveal.ready');
    const pdf = Buffer.from(await print.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(slides);
    await print.context.close();

    // The handout: two slides with their notes to an A4 page.
    const handout = await visitPage(browser, `${server.origin}${BANTEN}?handout`);
    expect(await handout.page.locator('.slides > section aside.notes').first().isVisible()).toBe(true);
    const a4 = Buffer.from(await handout.page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(a4.match(/\/Type\s*\/Page(?!s)/g)?.length).toBeLessThanOrEqual(Math.ceil(slides / 2));
    await handout.context.close();
  });

  test('the index gives the deck’s link for an area, a snapshot and topics; the deck keeps only those topics; with JavaScript off every chart is there', async () => {
    const oldest = releasesByDate().at(-1)!.manifest.snapshotDate;
    const index = await visitPage(browser, `${server.origin}/presentasi/`);
    await index.page.selectOption('[data-deck-area]', 'banten');
    await index.page.selectOption('[data-deck-release]', oldest);
    for (const topic of ['arrivals', 'operations', 'integration']) await index.page.uncheck(`[data-deck-topic][value="${topic}"]`);
    const href = await index.page.getAttribute('[data-deck-link] a', 'href');
    expect(href).toBe(`/presentasi/${oldest}/banten/?topik=sanctions`);
    await index.page.click('.deck-picker__open');
    await index.page.waitForSelector('.reveal.ready');
    const shown = await index.page.locator('.slides > section').evaluateAll((slides) => slides.map((s) => [s.getAttribute('data-slide'), s.getAttribute('data-topic')]));
    expect(shown.filter(([, topic]) => topic !== null).map(([, topic]) => topic)).toEqual(['sanctions', 'sanctions']);
    expect(shown.map(([slide]) => slide)).toEqual(expect.arrayContaining(['title', 'key-figures', 'sanctions-groups', 'qr', 'closing']));
    expect(await index.page.getAttribute('html', 'data-snapshot')).toBe(oldest);
    expect(index.errors).toEqual([]);
    await index.context.close();

    // With JavaScript off the slides read as a page, every chart drawn.
    const plain = await visitPage(browser, `${server.origin}${BANTEN}`, { javaScriptEnabled: false });
    const widths = await plain.page.locator('.deck-chart svg.pantau-plot').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(4);
    expect(widths.filter((w) => w < 300)).toEqual([]);
    await plain.context.close();
  });

  test('a city picked after an older snapshot gets the newest snapshot’s deck (the only one it has); with JavaScript off the index says the picker needs it', async () => {
    const releases = releasesByDate();
    const index = await visitPage(browser, `${server.origin}/presentasi/`);
    await index.page.selectOption('[data-deck-release]', releases.at(-1)!.manifest.snapshotDate);
    await index.page.selectOption('[data-deck-area]', 'banten/kota-cilegon');
    expect(await index.page.inputValue('[data-deck-release]')).toBe(date);
    expect(await index.page.locator('[data-deck-release] option:disabled').count()).toBe(releases.length - 1);
    expect(await index.page.isVisible('[data-deck-city-note]')).toBe(true);
    expect(await index.page.getAttribute('[data-deck-link] a', 'href')).toBe(`/presentasi/${date}/banten/kota-cilegon/`);
    await index.page.click('.deck-picker__open');
    await index.page.waitForSelector('.reveal.ready');
    expect(await index.page.textContent('.deck-title__area')).toBe('Kota Cilegon');
    // Back to a province: every snapshot can be chosen again.
    await index.page.goBack();
    await index.page.selectOption('[data-deck-area]', 'banten');
    expect(await index.page.locator('[data-deck-release] option:disabled').count()).toBe(0);
    expect(await index.page.isVisible('[data-deck-city-note]')).toBe(false);
    expect(index.errors).toEqual([]);
    await index.context.close();

    const plain = await visitPage(browser, `${server.origin}/presentasi/`, { javaScriptEnabled: false });
    expect(await plain.page.isVisible('[data-deck-picker]')).toBe(false);
    expect(await plain.page.textContent('.deck-picker-needs-script')).toMatch(/memerlukan JavaScript/);
    expect(await plain.page.locator('[data-city-decks] a').count()).toBeGreaterThan(400);
    await plain.context.close();
  });
});
