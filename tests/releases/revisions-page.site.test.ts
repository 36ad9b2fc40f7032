/**
 * The revisions pages of the built sample, in Chromium: each kept release after the oldest has its
 * page in both languages, the index lists every kept release and links the newest, the footer and
 * the release calendar link the index, and an older release's page links the newest. Every number
 * on a revisions page is checked against the two releases' published files: a value either release
 * withholds never appears, a difference appears only between two published values, the counts in
 * the sentences are the releases' own; and no other number is on the page.
 */
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { publishedDir } from '../../src/build/published.ts';
import { releasesByDate } from '../../src/build/releases.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { axeViolations } from '../site/axe.ts';
import { foreignRequests, launchChromium, visitPage } from '../site/browser-session.ts';
import { changedFigureCounts, figureProblems, parseShownNumber, type ShownFigure } from './revisions-page-figures.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
const ROOT: Record<Locale, string> = { id: '/revisi/', en: '/en/revisions/' };
let server: StaticServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  server = await startStaticServer(DIST);
  browser = await launchChromium();
  db = await openDuckDb();
});
afterAll(async () => {
  db?.closeSync();
  await browser?.close();
  await server?.close();
});

/** The kept releases the site was built from, newest first. */
const releases = () => {
  const list = releasesByDate();
  expect(realpathSync(list[0]!.dir)).toBe(realpathSync(publishedDir()));
  return list;
};

describe('revisions pages of the sample', () => {
  it('has a page per kept release after the oldest in both languages, an index linking the newest, and links from the footer and the release calendar', async () => {
    const kept = releases();
    expect(kept.length).toBeGreaterThanOrEqual(2);
    for (const locale of ['id', 'en'] as const) {
      const index = await visitPage(browser, `${server.origin}${ROOT[locale]}`);
      expect(index.status).toBe(200);
      expect(await index.page.locator('[data-newest-revisions] a').getAttribute('href')).toBe(`${ROOT[locale]}${kept[0]!.manifest.snapshotDate}/`);
      expect(await index.page.locator('[data-revisions-index] [data-release]').evaluateAll((els) => els.map((e) => e.getAttribute('data-release')))).toEqual(kept.map((r) => r.manifest.snapshotDate));
      const linked = await index.page.locator('[data-revisions-index] a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      expect(linked).toEqual(kept.slice(0, -1).map((r) => `${ROOT[locale]}${r.manifest.snapshotDate}/`));
      expect(foreignRequests(index.requests)).toEqual([]);
      expect(index.errors).toEqual([]);
      await index.context.close();
      for (const [i, release] of kept.entries()) {
        const visit = await visitPage(browser, `${server.origin}${ROOT[locale]}${release.manifest.snapshotDate}/`);
        if (i === kept.length - 1) {
          expect(visit.status, 'the oldest kept release has nothing to compare with').toBe(404);
        } else {
          expect(visit.status).toBe(200);
          expect(await visit.page.locator('[data-previous-release] time').getAttribute('datetime')).toBe(kept[i + 1]!.manifest.snapshotDate);
          // an older release's page says so and links the newest
          const banner = visit.page.locator('[data-newest-revisions] a');
          if (i === 0) expect(await banner.count()).toBe(0);
          else expect(await banner.getAttribute('href')).toBe(`${ROOT[locale]}${kept[0]!.manifest.snapshotDate}/`);
        }
        await visit.context.close();
      }
    }
    const methodology = await visitPage(browser, `${server.origin}/metodologi/`);
    expect(await methodology.page.locator('[data-revisions-link] a').getAttribute('href')).toBe('/revisi/');
    expect(await methodology.page.locator('[data-footer-revisions]').getAttribute('href')).toBe('/revisi/');
    await methodology.page.locator('[data-footer-revisions]').click();
    await methodology.page.waitForURL('**/revisi/');
    await methodology.context.close();
  });

  it('shows only what the two releases publish: no withheld value, no difference involving one, and no other number', async () => {
    const kept = releases();
    let figures = 0;
    for (const locale of ['id', 'en'] as const) {
      for (const [i, release] of kept.slice(0, -1).entries()) {
        const previous = kept[i + 1]!;
        const visit = await visitPage(browser, `${server.origin}${ROOT[locale]}${release.manifest.snapshotDate}/`);
        const page = await visit.page.locator('main').evaluate((main) => {
          const text = (el: Element | null) => (el ? el.textContent!.trim() : undefined);
          const shown = [...main.querySelectorAll('[data-figure]')].map((el) => ({
            id: el.getAttribute('data-figure')!,
            before: text(el.querySelector('[data-before]')), after: text(el.querySelector('[data-after]')),
            change: text(el.querySelector('[data-change]')), relative: text(el.querySelector('[data-relative]')),
          }));
          const values = [...main.querySelectorAll('[data-before], [data-after], [data-change], [data-relative]')];
          const counts = [...main.querySelectorAll('[data-count]')].map((el) => ({ kind: el.getAttribute('data-count')!, text: el.textContent!.trim() }));
          const rest = main.cloneNode(true) as Element;
          rest.querySelectorAll('time, [data-label], [data-before], [data-after], [data-change], [data-relative], [data-count]').forEach((el) => el.remove());
          return { shown, counts, outsideFigures: values.filter((el) => !el.closest('[data-figure]')).length, rest: rest.textContent ?? '' };
        });
        await visit.context.close();
        const where = `${ROOT[locale]}${release.manifest.snapshotDate}/`;
        expect(page.outsideFigures, where).toBe(0);
        expect(page.rest.match(/[^\s]*\d[^\s]*/g) ?? [], `${where}: numbers that are not a figure, count, date or name`).toEqual([]);
        // undefined texts are values the figure does not show
        const shown: ShownFigure[] = page.shown.map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ShownFigure);
        expect(await figureProblems(db, previous.dir, release.dir, shown, locale), where).toEqual([]);
        figures += shown.length;
        // the sentences' counts, or their "none", are the releases' own
        const expected = { revised: 0, newlyWithheld: 0, newlyPublished: 0 };
        for (const table of TABLE_NAMES) {
          const span = (r: typeof release) => ({ dir: r.dir, ...(r.manifest.tableCoverage?.[table] ?? r.manifest.coverage) });
          const c = await changedFigureCounts(db, span(previous), span(release), table);
          for (const k of Object.keys(expected) as (keyof typeof expected)[]) expected[k] += c[k];
        }
        for (const kind of Object.keys(expected) as (keyof typeof expected)[]) {
          const count = page.counts.find((c) => c.kind === kind);
          expect(count ? parseShownNumber(count.text, locale) : 0, `${where}: ${kind}`).toBe(expected[kind]);
        }
      }
    }
    // the sample's new months give national figures to check at least
    expect(figures).toBeGreaterThan(0);
  });

  it('passes axe (every default rule) on the index and the page of the newest release', async () => {
    for (const path of ['/revisi/', `/en/revisions/${releases()[0]!.manifest.snapshotDate}/`]) {
      const visit = await visitPage(browser, `${server.origin}${path}`);
      // Under the page's own Content-Security-Policy (an added script tag would be refused).
      expect(await axeViolations(visit.page), path).toEqual([]);
      await visit.context.close();
    }
  });
});
