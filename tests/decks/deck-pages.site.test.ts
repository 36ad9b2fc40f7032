/**
 * The built decks, read as files: each kept release has its own decks with that release's figures
 * (a deck prepared before a meeting keeps its numbers after a newer snapshot), the undated address
 * points to the newest, the title slide says the snapshot date (and "data contoh sintetis" only for
 * a synthetic publication), and a slide whose figures are all withheld is left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { queryPublished } from '../../src/build/query-published.ts';
import { releasesByDate } from '../../src/build/releases.ts';
import { formatChange, formatCount, formatDate, formatMonthSpan } from '../../src/i18n/format.ts';
import { WITHHELD } from '../../src/schema/disclosure.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const page = (path: string): Document => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document as unknown as Document;
const text = (doc: Document, selector: string): string => doc.querySelector(selector)?.textContent?.trim() ?? '';

interface Half { period: string; count: number | null; count_withheld: boolean }

/** The national arrivals of a release's two latest published half-years a year apart, read from that release. */
async function nationalHalves(dir: string): Promise<{ now: Half; earlier: Half }> {
  const rows = await queryPublished<Half>(`SELECT CAST(period AS VARCHAR) AS period, CAST(count AS DOUBLE) AS count, count_withheld
FROM arrivals_totals WHERE view = 'total' AND grain = 'half' ORDER BY period DESC`, dir);
  const now = rows[0]!;
  const earlier = rows.find((r) => r.period === `${Number(now.period.slice(0, 4)) - 1}${now.period.slice(4)}`)!;
  return { now, earlier };
}

const releases = releasesByDate();

describe('decks frozen to their release', () => {
  test('every kept release has decks, each with its own release’s figures, and the undated address points to the newest', async () => {
    expect(releases.length).toBeGreaterThanOrEqual(2);
    const figures: string[] = [];
    for (const release of releases) {
      const date = release.manifest.snapshotDate;
      const { now, earlier } = await nationalHalves(release.dir);
      const last = `${now.period.slice(0, 5)}${now.period.slice(5, 7) === '01' ? '06' : '12'}-01`;
      const span = formatMonthSpan(now.period, last, 'id');
      const change = formatChange(Math.abs(now.count! / earlier.count! - 1), 'id', 2, true).replace('+', '');
      const verb = now.count! >= earlier.count! ? 'naik' : 'turun';

      const id = page(`presentasi/${date}/nasional`);
      expect(text(id, '[data-slide="key-figures"] .deck-figure__value')).toBe(formatCount(now.count!, 'id'));
      expect(text(id, '[data-slide="key-figures"] [data-message]')).toBe(`Kedatangan WNA ${span} ${verb} ${change} dibanding periode yang sama ${earlier.period.slice(0, 4)}`);
      expect(text(id, '[data-as-of]')).toContain(`Data per ${formatDate(date, 'id')}`);
      expect(id.querySelector('[data-slide="title"] [data-synthetic]') !== null).toBe(release.manifest.synthetic);
      expect(id.documentElement.getAttribute('data-snapshot')).toBe(date);

      const en = page(`en/presentation/${date}/nasional`);
      expect(text(en, '[data-slide="key-figures"] [data-message]')).toMatch(new RegExp(`^Foreign arrivals ${formatMonthSpan(now.period, last, 'en')} (up|down) `));
      expect(text(en, '[data-as-of]')).toContain(`Data as of ${formatDate(date, 'en')}`);
      figures.push(`${now.period} ${now.count}`);
    }
    // The oldest kept release's deck shows its own (older) figures, not the newest one's.
    expect(figures.at(-1)).not.toBe(figures[0]);
    const newest = releases[0]!.manifest.snapshotDate;
    expect(page('presentasi/nasional').querySelector('[data-newest-deck]')?.getAttribute('href')).toBe(`/presentasi/${newest}/nasional/`);
    expect(page('en/presentation/banten').querySelector('[data-newest-deck]')?.getAttribute('href')).toBe(`/en/presentation/${newest}/banten/`);
    // Every page's navigation leads to the deck index.
    expect(page('').querySelector('header a[href="/presentasi/"]')?.textContent?.trim()).toBe('Presentasi');
    expect(page('en/regions/bali').querySelector('header a[href="/en/presentation/"]')?.textContent?.trim()).toBe('Presentations');
  });

  test('a slide whose figures are all withheld is left out; a withheld key figure shows [c]', async () => {
    const release = releases[0]!;
    // Precondition read from the publication: Kanim Serang's sanctions by action group, in the
    // half-year the deck covers, are all withheld (the test would say nothing otherwise).
    const cells = await queryPublished<{ count_withheld: boolean }>(`SELECT count_withheld FROM sanctions_totals
WHERE view = 'office_code+action_group' AND office_code = 'KANIM-SERANG' AND grain = 'half'
  AND period = (SELECT max(period) FROM arrivals_totals WHERE grain = 'half')`, release.dir);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.count_withheld)).toBe(true);
    const serang = page(`presentasi/${release.manifest.snapshotDate}/kanim-serang`);
    expect(serang.querySelector('[data-slide="sanctions-groups"]')).toBeNull();
    expect(serang.querySelector('[data-slide="activities"]')).not.toBeNull();
    expect([...serang.querySelectorAll('.deck-figure__value[data-withheld]')].map((e) => e.textContent)).toEqual([WITHHELD.symbol]);
    // Banten's sanctions slide is there, with its withheld groups marked [c] and no value for them.
    const banten = page(`presentasi/${release.manifest.snapshotDate}/banten`);
    expect(banten.querySelector('[data-slide="sanctions-groups"] svg')?.textContent).toContain(WITHHELD.symbol);
    expect(banten.querySelector('[data-slide="gaps"]')).not.toBeNull();
    // Speaker notes on every slide; no deck loads the query engine.
    for (const doc of [serang, banten]) {
      for (const slide of doc.querySelectorAll('.slides > section')) expect(slide.querySelector('aside.notes li')).not.toBeNull();
      expect(doc.documentElement.outerHTML).not.toMatch(/duckdb|\.wasm/i);
    }
  });

  test('every built deck asks only its own site for a file, and has its title, QR and closing slides and a chart on each chart slide', () => {
    const decks = readdirSync(DIST, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name === 'index.html')
      .map((e) => join(e.parentPath, e.name))
      .filter((path) => /\/(presentasi|en\/presentation)\/\d{4}-\d{2}-\d{2}\/[^/]+\/index\.html$/.test(path));
    expect(decks.length).toBe(releases.length * 2 * (1 + 38 + decks.filter((p) => p.includes(`/presentasi/${releases[0]!.manifest.snapshotDate}/kanim-`)).length));
    const problems: string[] = [];
    for (const path of decks) {
      const html = readFileSync(path, 'utf8');
      // what the browser fetches by itself (a link to another page, rel="alternate", is not fetched)
      const fetched = [...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => !/\brel="(alternate|canonical)"/.test(tag))
        .flatMap((tag) => [...tag.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!));
      for (const url of fetched) if (!url.startsWith('/_astro/') && !url.startsWith('data:')) problems.push(`${path}: ${url}`);
      for (const slide of ['title', 'qr', 'closing']) if (!html.includes(`data-slide="${slide}"`)) problems.push(`${path}: no ${slide} slide`);
      const chartSlides = html.split('<section ').slice(1).filter((section) => section.includes('class="deck-chart"'));
      for (const section of chartSlides) if (!/<figure class="deck-chart"[^>]*>[\s\S]*?<svg/.test(section)) problems.push(`${path}: a chart slide without its chart`);
    }
    expect(problems).toEqual([]);
  });
});
