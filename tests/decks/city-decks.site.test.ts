/**
 * City/regency decks, read as built files: Kota Cilegon's deck (newest release) has its TIMPORA
 * activities, the agencies' figures with "[c]" where withheld and the Kanim serving it; the city
 * page links to it, the undated address points to it, and the deck index links every city deck
 * without JavaScript. Only the newest release gets city decks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { regencyAreas } from '../../src/build/areas.ts';
import { releasesByDate } from '../../src/build/releases.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const page = (path: string): Document => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document as unknown as Document;
const releases = releasesByDate();
const newest = releases[0]!.manifest.snapshotDate;

describe('city/regency decks', () => {
  test('Kota Cilegon: activities, the agencies’ gap and the serving Kanim, in both languages', () => {
    for (const [root, cityRoot] of [['/presentasi/', '/wilayah/'], ['/en/presentation/', '/en/regions/']] as const) {
      const deck = page(`${root}${newest}/banten/kota-cilegon`);
      const slides = [...deck.querySelectorAll('[data-slide]')].map((s) => s.getAttribute('data-slide'));
      expect(slides).toEqual(expect.arrayContaining(['title', 'activities', 'activity-levels', 'gaps', 'office', 'closing']));
      expect(slides).not.toContain('arrivals-trend');
      expect(deck.querySelector('.deck-title__area')?.textContent).toBe('Kota Cilegon');
      expect(deck.querySelector('[data-slide="office"] [data-message]')?.textContent).toMatch(/Cilegon/);
      expect(deck.querySelector('[data-slide="activities"] svg')).not.toBeNull();
      const gapValues = [...deck.querySelectorAll('[data-slide="gaps"] .deck-figure__value')].map((v) => v.textContent);
      expect(gapValues.length).toBeGreaterThanOrEqual(2);
      for (const v of gapValues) expect(v).toMatch(/^(\[c\]|–|[\d.,]+)$/);
      // The city page links to the deck; the undated address points to the newest release's.
      const link = page(`${cityRoot}banten/kota-cilegon`).querySelector('[data-city-deck]')?.getAttribute('href') ?? '';
      expect(link).toMatch(new RegExp(`${root}banten/kota-cilegon/$`));
      expect(page(`${root}banten/kota-cilegon`).querySelector('[data-newest-deck]')?.getAttribute('href')).toMatch(new RegExp(`${root}${newest}/banten/kota-cilegon/$`));
    }
    for (const older of releases.slice(1)) expect(existsSync(join(DIST, `presentasi/${older.manifest.snapshotDate}/banten/kota-cilegon`))).toBe(false);
  });

  test('the deck index links every city deck as plain links (JavaScript off)', async () => {
    const cities = await regencyAreas();
    const index = page('/presentasi/');
    const links = [...index.querySelectorAll('[data-city-decks] a')].map((a) => a.getAttribute('href'));
    expect(links.length).toBe(cities.length);
    expect(links).toContain(`/presentasi/${newest}/banten/kota-cilegon/`);
    expect(index.querySelector('option[value="banten/kota-cilegon"]')).not.toBeNull();
  });
});
