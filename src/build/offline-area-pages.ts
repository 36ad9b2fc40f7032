/**
 * What "Tersedia luring / Available offline" keeps for an area (build time; the list is written on
 * the button, src/components/OfflineArea.astro), in the page's language:
 * - a province: its page, its summary, its deck (the newest release's, and the undated address
 *   pointing to it), each of its Kanim's pages and decks, each of its cities/regencies' pages and
 *   decks;
 * - a Kanim: its page and deck, its province's page and summary, the cities/regencies it serves;
 * - a city/regency: its page and deck, its province's page and summary, the Kanim serving it;
 * and the data those pages read in the browser (the manifest and the browser copies' index).
 */
import { BROWSER_COPIES_DIR, BROWSER_COPIES_INDEX } from '../schema/browser-copies.ts';
import { MANIFEST_FILE } from '../schema/manifest.ts';
import { withBase } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { areaUrl, officeAreas, provinceAreas, regencyAreas, type Area } from './areas.ts';
import { deckPath } from './deck/deck-areas.ts';
import { regencyFigures } from './regency-figures.ts';
import { releasesByDate } from './releases.ts';
import { summaryUrl } from './summary-paths.ts';

/** The deck slug of an area (deck-areas.ts): a Kanim's is `kanim-<slug>`. */
const deckSlug = (area: Area): string => (area.kind === 'office' ? `kanim-${area.slug}` : area.slug);

function deckUrls(area: Area, locale: Locale): string[] {
  const newest = releasesByDate()[0];
  return newest ? [withBase(deckPath(locale, deckSlug(area), newest)), withBase(deckPath(locale, deckSlug(area), null))] : [];
}

const pageAndDeck = (area: Area, locale: Locale): string[] => [areaUrl(area, locale), ...deckUrls(area, locale)];

export async function offlineAreaUrls(area: Area, locale: Locale): Promise<string[]> {
  const [provinces, offices, regencies, figures] = await Promise.all([provinceAreas(), officeAreas(), regencyAreas(), regencyFigures()]);
  const province = provinces.find((p) => p.code === area.province_code);
  const servedBy = (regency: Area): string[] => figures.get(regency.code)?.offices ?? [];
  const related: Area[] =
    area.kind === 'province'
      ? [...offices.filter((o) => o.province_code === area.code), ...regencies.filter((r) => r.province_code === area.code)]
      : area.kind === 'office'
        ? regencies.filter((r) => servedBy(r).includes(area.code))
        : offices.filter((o) => servedBy(area).includes(o.code));
  const urls = [
    ...pageAndDeck(area, locale),
    ...(province && province.code !== area.code ? [areaUrl(province, locale)] : []),
    ...(province ? [summaryUrl(province, locale)] : []),
    ...related.flatMap((r) => pageAndDeck(r, locale)),
    withBase(`/data/${MANIFEST_FILE}`),
    withBase(`/data/${BROWSER_COPIES_DIR}/${BROWSER_COPIES_INDEX}`),
  ];
  return [...new Set(urls)];
}
