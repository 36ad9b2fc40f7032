/**
 * Withheld cells end to end: a fixture publication where every published total from 1 to k−1 is
 * withheld (null count, flag set), as disclosure control will publish them, built into a site of
 * its own (PANTAU_PUBLISHED_DIR) and opened in Chromium with JavaScript off and on.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { publishedDir } from '../../src/build/published.ts';
import { DISCLOSURE, totalsTableName, WITHHELD, withheldColumn } from '../../src/schema/disclosure.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let fixture: string;
let server: StaticServer;
let browser: Browser;

/** Copies the current publication and withholds every totals cell from 1 to k−1 (primary suppression only). */
async function writeWithheldPublication(dir: string): Promise<void> {
  const source = realpathSync(publishedDir());
  for (const file of readdirSync(source)) copyFileSync(join(source, file), join(dir, file));
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  for (const table of TABLE_NAMES) {
    const path = join(dir, `${totalsTableName(table)}.parquet`);
    const protectedMeasures = DISCLOSURE[table].measures.filter((m) => m.k !== null);
    if (protectedMeasures.length === 0) continue;
    // cells disclosure control already withheld stay withheld
    const replace = protectedMeasures.flatMap((m) => [
      `CASE WHEN "${m.name}" BETWEEN 1 AND ${m.k! - 1} THEN NULL ELSE "${m.name}" END AS "${m.name}"`,
      `"${withheldColumn(m.name)}" OR coalesce("${m.name}" BETWEEN 1 AND ${m.k! - 1}, false) AS "${withheldColumn(m.name)}"`,
    ]);
    await db.run(`COPY (SELECT * REPLACE (${replace.join(', ')}) FROM read_parquet('${path}')) TO '${path}.new' (FORMAT parquet)`);
    execFileSync('mv', [`${path}.new`, path]);
  }
}

beforeAll(async () => {
  fixture = mkdtempSync(join(tmpdir(), 'pantau-withheld-'));
  const data = join(fixture, 'data');
  execFileSync('mkdir', ['-p', data]);
  await writeWithheldPublication(data);
  const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
  execFileSync('npx', ['astro', 'build', '--outDir', join(fixture, 'site')], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, PATH, PANTAU_PUBLISHED_DIR: data, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  server = await startStaticServer(join(fixture, 'site'));
  browser = await launchChromium();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (fixture) rmSync(fixture, { recursive: true, force: true });
});

test('with JavaScript off, withheld cells read "[c]" in tables and drawings, with a footnote that states no range', async () => {
  const { context, page } = await visitPage(browser, `${server.origin}/wilayah/bali/`, { javaScriptEnabled: false });
  try {
    const chart = page.locator('pantau-chart[chart-id="sanctions-groups"]');
    await chart.locator('[data-panel="table"] > summary').click();
    const withheld = await chart.locator('[data-table-view] td[data-withheld]').allInnerTexts();
    expect(withheld.length).toBeGreaterThan(0);
    expect(new Set(withheld)).toEqual(new Set([WITHHELD.symbol]));
    expect(await chart.locator('[data-chart-footnote]').isVisible()).toBe(true);
    expect(await chart.locator('[data-footnote-text]').innerText()).toBe(`${WITHHELD.symbol} ${WITHHELD.meaning.id}. Di grafik ini: ${withheld.length} sel.`);
    expect(await chart.locator('[data-plot="wide"] svg text').allTextContents()).toContain(WITHHELD.symbol);
    // No text on the page puts a withheld value below k (the frozen and complementary rules withhold larger cells too).
    expect(await page.locator('main').innerText()).not.toMatch(/<\s?\d|kurang dari \d|1 sampai 9 disembunyikan/);
  } finally {
    await context.close();
  }
});

test('the province map shows "[c]" tiles and its CSV leaves them empty with the flag set', async () => {
  const { context, page, errors, requests } = await visitPage(browser, `${server.origin}/sanksi/`);
  try {
    const chart = page.locator('pantau-chart[chart-id="sanctions-map"]');
    const tiles = await chart.locator('[data-plot="wide"] svg text').allTextContents();
    expect(tiles).toContain(WITHHELD.symbol);
    const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('a[data-download="csv"]').click()]);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n').slice(1);
    const withheld = lines.filter((line) => line.split(',')[3] === 'true');
    expect(withheld.length).toBe(tiles.filter((t) => t === WITHHELD.symbol).length);
    for (const line of withheld) expect(line.split(',')[2]).toBe('');
    expect(errors).toEqual([]);
    expect(foreignRequests(requests)).toEqual([]);
  } finally {
    await context.close();
  }
});
