/**
 * Whether the figures are synthetic comes from the manifest, on every page and in every chart's
 * source line: a site built from a publication of real figures (`"synthetic": false`) says
 * "sintetis"/"synthetic" nowhere, in the built HTML nor in what the browser draws or downloads,
 * and the sample build (dist/, synthetic) still says so on every page and under every chart.
 *
 * Builds one extra site, from a small real-figure publication, into a folder of its own.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Manifest } from '../../src/schema/manifest.ts';
import { MONTHLY_DATE, monthlySidecar, writeMonthlySnapshot } from '../helpers/monthly-snapshot.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { launchChromium } from './browser-session.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_DIST = join(ROOT, 'dist');
const SYNTHETIC_WORDS = /sintetis|synthetic/i;

/** Every built page, as its path below the site folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * What a reader can read on a built page: its text, the attributes read out or shown (alt, title,
 * aria-label, placeholder, meta content, download names) and the CSV downloads in data: links.
 * Scripts and styles are code, not text (client-drawn text is checked in the browser).
 */
function readableText(html: string): string {
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ').replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ');
  const attributes = [...markup.matchAll(/\s(?:alt|title|aria-label|placeholder|content|download)="([^"]*)"/gi)].map((m) => m[1]!);
  const downloads = [...markup.matchAll(/href="data:text\/csv[^,]*,([^"]*)"/gi)].map((m) => decodeURIComponent(m[1]!));
  return [markup.replace(/<[^>]+>/g, ' '), ...attributes, ...downloads].join('\n');
}

/** A chart page in the browser, after a filter has made the charts redraw there, and the first chart's SVG download. */
async function drawnInBrowser(browser: Browser, origin: string, path: string): Promise<{ text: string; svg: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page: Page = await context.newPage();
  try {
    await page.goto(`${origin}${path}?provinsi=51`);
    await page.waitForFunction(() => (document.querySelector('pantau-chart') as HTMLElement | null)?.dataset.filters?.includes('"province":"51"'), undefined, { timeout: 90_000 });
    const text = await page.evaluate(() => document.body.innerText);
    const svg = await page.evaluate(() => (document.querySelector('pantau-chart') as unknown as { standaloneSvg(): string }).standaloneSvg());
    return { text, svg };
  } finally {
    await context.close();
  }
}

let browser: Browser;
let realDist = '';
let realServer: StaticServer;
let sampleServer: StaticServer;

beforeAll(async () => {
  // a small publication of real figures, and the site built from it into a folder of its own
  const published = tempDir('pantau-real-publication-');
  await publish(writeMonthlySnapshot(tempDir(), {}, { 'snapshot.json': monthlySidecar({ synthetic: false, producer: 'Kanim Cilegon' }) }), MONTHLY_DATE, published);
  realDist = tempDir('pantau-real-site-');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', realDist], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter), PANTAU_PUBLISHED_DIR: join(published, 'current'), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  realServer = await startStaticServer(realDist);
  sampleServer = await startStaticServer(SAMPLE_DIST);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await realServer?.close();
  await sampleServer?.close();
});

describe('a site of real figures', () => {
  test('says "sintetis" or "synthetic" on none of its pages', () => {
    const manifest = JSON.parse(readFileSync(join(realDist, 'data', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.synthetic).toBe(false);
    const pages = htmlFiles(realDist);
    expect(pages.length).toBeGreaterThan(300);
    const saying = pages.filter((page) => SYNTHETIC_WORDS.test(readableText(readFileSync(join(realDist, page), 'utf8'))));
    expect(saying).toEqual([]);
  });

  test.each(['/kedatangan/', '/en/arrivals/'])('draws and downloads %s in the browser without the word', async (path) => {
    const { text, svg } = await drawnInBrowser(browser, realServer.origin, path);
    expect(text).toMatch(/snapshot/i);
    expect(text).not.toMatch(SYNTHETIC_WORDS);
    expect(svg).toMatch(/Pantau WNA · snapshot/);
    expect(svg).not.toMatch(SYNTHETIC_WORDS);
  });
});

describe('the synthetic sample site', () => {
  test('says so on every page and under every chart', () => {
    const manifest = JSON.parse(readFileSync(join(SAMPLE_DIST, 'data', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.synthetic).toBe(true);
    const pages = htmlFiles(SAMPLE_DIST);
    expect(pages.length).toBeGreaterThan(300);
    for (const page of pages) {
      const html = readFileSync(join(SAMPLE_DIST, page), 'utf8');
      expect(html, page).toContain('data-synthetic-notice');
      const sources = [...html.matchAll(/data-chart-source>([^<]*)</g)].map((m) => m[1]!);
      expect(sources.filter((line) => !SYNTHETIC_WORDS.test(line)), page).toEqual([]);
    }
  });

  test('and in the browser, drawn and downloaded', async () => {
    const { text, svg } = await drawnInBrowser(browser, sampleServer.origin, '/kedatangan/');
    expect(text).toContain('data contoh sintetis');
    expect(svg).toContain('Sumber: Pantau WNA, data contoh sintetis · snapshot');
  });
});
