/**
 * The areas that get a deck and the addresses of their decks (Node, site build): the nation, each
 * province and each immigration office (Kanim), in every kept release (src/build/releases.ts).
 * A deck's address names the snapshot it was built from: /presentasi/2025-10-05/banten/; the
 * undated /presentasi/banten/ points to the newest.
 */
import { officeAreas, provinceAreas, type Area } from '../areas.ts';
import { releasesByDate, type KeptRelease } from '../releases.ts';
import type { Locale } from '../../i18n/locales.ts';
import { NATION } from './deck-facts.ts';

export interface DeckArea {
  kind: 'nation' | 'province' | 'office';
  /** The key of its figures (deck-facts.ts): `nasional`, a province code or an office code. */
  key: string;
  /** Its address segment: `nasional`, `banten`, `kanim-serang`. */
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
