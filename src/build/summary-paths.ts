/** Addresses of the province summaries (/ringkasan/<province>/, /en/summary/<province>/), from the published provinces. */
import { withBase } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { provinceAreas, type Area } from './areas.ts';

const PREFIX = { id: '/ringkasan/', en: '/en/summary/' } as const;

export const summaryUrl = (area: Pick<Area, 'slug'> | null, locale: Locale): string => withBase(`${PREFIX[locale]}${area ? `${area.slug}/` : ''}`);

/** getStaticPaths of the province summaries (both languages). */
export async function summaryPaths() {
  return (await provinceAreas()).map((area) => ({ params: { province: area.slug }, props: { area } }));
}
