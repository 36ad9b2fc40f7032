/**
 * City/regency decks, read as built files: Kota Cilegon's deck (newest release) has its TIMPORA
 * activities, the agencies' figures with "[c]" where withheld and the Kanim serving it; the city
 * page links to it, the undated address points to it, and the deck index links every city deck
 * without JavaScript. Only the newest release gets city decks. Kabupaten Badung's deck has the
 * arrivals at Ngurah Rai (the sum of its published monthly totals); Kota Cilegon, with no
 * checkpoint, has no arrivals slide.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { regencyAreas } from '../../src/build/areas.ts';
import { releasesByDate } from '../../src/build/releases.ts';
import { formatCount } from '../../src/i18n/format.ts';
import { lastTwoYears, publishedCheckpointArrivals } from '../helpers/checkpoint-arrivals.ts';

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
      expect(slides).not.toContain('arrivals-trend'); // no checkpoint stands in Kota Cilegon
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

  test('Kabupaten Badung: an arrivals slide with the latest 12 months of its checkpoint against the 12 before', async () => {
    const published = await publishedCheckpointArrivals('51.03');
    expect(published.ports).toEqual(['DPS']);
    const { latest, before } = lastTwoYears(published.months);
    for (const [root, locale] of [['/presentasi/', 'id'], ['/en/presentation/', 'en']] as const) {
      const slide = page(`${root}${newest}/bali/kabupaten-badung`).querySelector('[data-slide="arrivals-trend"]');
      expect(slide).not.toBeNull();
      expect(slide!.querySelector('[data-message]')?.textContent).toContain(formatCount(latest!, locale));
      expect(slide!.querySelector('svg')).not.toBeNull();
      expect(slide!.textContent).toContain(`${formatCount(before!, locale)} `);
      expect(slide!.textContent).toContain('Ngurah Rai');
    }
  });

  test('Kota Batam: the arrivals slide adds up its seven checkpoints (airport and ferry terminals)', async () => {
    const published = await publishedCheckpointArrivals('21.71');
    expect(published.ports).toEqual(['BTH', 'SEA-BATAM-CENTER', 'SEA-CITRA-TRITUNAS', 'SEA-HARBOUR-BAY', 'SEA-NONGSA', 'SEA-SEKUPANG', 'SEA-WATERFRONT-CITY']);
    const { latest, before } = lastTwoYears(published.months);
    const slide = page(`/presentasi/${newest}/kepulauan-riau/kota-batam`).querySelector('[data-slide="arrivals-trend"]');
    expect(slide!.querySelector('[data-message]')?.textContent).toContain(formatCount(latest!, 'id'));
    expect(slide!.textContent).toContain(`${formatCount(before!, 'id')} `);
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
