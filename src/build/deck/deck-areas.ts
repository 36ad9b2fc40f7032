/**
 * The areas that get a deck and the addresses of their decks (Node, site build): the nation, each
 * province and each immigration office (Kanim), in every kept release (src/build/releases.ts); and
 * each city/regency with a page, in the newest release only (its figures are the current
 * publication's, src/build/regency-figures.ts; 500 × 2 languages per kept release would double the build).
 * A deck's address names the snapshot it was built from: /presentasi/2025-10-05/banten/; the
 * undated /presentasi/banten/ points to the newest.
 */
import { officeAreas, provinceAreas, regencyAreas, type Area } from '../areas.ts';
import { releasesByDate, type KeptRelease } from '../releases.ts';
import type { Locale } from '../../i18n/locales.ts';
import { NATION } from './deck-facts.ts';

export interface DeckArea {
  kind: 'nation' | 'province' | 'office' | 'regency';
  /** The key of its figures (deck-facts.ts): `nasional`, a province code, an office code or a regency code. */
  key: string;
  /** Its address segment(s): `nasional`, `banten`, `kanim-serang`, `banten/kota-cilegon`. */
  slug: string;
  name: string;
  /** The province or office as the area pages know it (none for the nation). */
  area?: Area;
}

export const DECK_ROOT: Record<Locale, string> = { id: '/presentasi/', en: '/en/presentation/' };

/** Every area with a deck, nation first, then provinces by code and offices by name. */
export async function deckAreas(): Promise<DeckArea[]> {
  const provinces = (await provinceAreas()).map((area): DeckArea => ({ kind: 'province', key: area.code, slug: area.slug, name: area.name, area }));
  const offices = (await officeAreas()).map((area): DeckArea => ({ kind: 'office', key: area.code, slug: `kanim-${area.slug}`, name: area.name, area }));
  return [{ kind: 'nation', key: NATION, slug: NATION, name: 'Indonesia' }, ...provinces, ...offices];
}

/** Every city/regency with a page; its deck lives at /presentasi/<date>/<province>/<regency>/ of the newest release. */
export async function cityDeckAreas(): Promise<DeckArea[]> {
  return (await regencyAreas()).map((area) => ({ kind: 'regency', key: area.code, slug: area.slug, name: area.name, area }));
}

const splitCity = (slug: string) => {
  const [area, regency] = slug.split('/') as [string, string];
  return { area, regency };
};

/** getStaticPaths of the dated city decks: the newest release × every city/regency. */
export async function datedCityDeckPaths() {
  const newest = releasesByDate()[0];
  if (!newest) return [];
  return (await cityDeckAreas()).map((area) => ({ params: { release: newest.manifest.snapshotDate, ...splitCity(area.slug) }, props: { release: newest, area, newest: true } }));
}

/** getStaticPaths of the undated city addresses, each pointing to the newest release's deck. */
export async function newestCityDeckPaths() {
  const newest = releasesByDate()[0];
  if (!newest) return [];
  return (await cityDeckAreas()).map((area) => ({ params: splitCity(area.slug), props: { release: newest, area } }));
}

/** The path of a deck, without the site's base: dated, or (release null) the undated newest. */
export const deckPath = (locale: Locale, slug: string, release: KeptRelease | null): string =>
  `${DECK_ROOT[locale]}${release ? `${release.manifest.snapshotDate}/` : ''}${slug}/`;

/** getStaticPaths of the dated decks: every kept snapshot date × every area. */
export async function datedDeckPaths() {
  const areas = await deckAreas();
  const releases = releasesByDate();
  return releases.flatMap((release, i) => areas.map((area) => ({ params: { release: release.manifest.snapshotDate, area: area.slug }, props: { release, area, newest: i === 0 } })));
}

/** getStaticPaths of the undated addresses, each pointing to the newest release's deck. */
export async function newestDeckPaths() {
  const newest = releasesByDate()[0];
  if (!newest) return [];
  return (await deckAreas()).map((area) => ({ params: { area: area.slug }, props: { release: newest, area } }));
}
