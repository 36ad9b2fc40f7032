/**
 * The <iframe> code the "Sematkan / Embed" button gives for a chart: an absolute address of its
 * embed page (src/build/site-origin.ts) with the chart's filters in the query string, and a height
 * that fits the wide drawing plus its title, source line and link. Node only (build time).
 */
import { FILTER_PARAMS, type Filters } from '../schema/filters.ts';
import type { Locale } from '../i18n/locales.ts';
import { absoluteUrl } from './site-origin.ts';

const PREFIX = { id: '/embed/', en: '/en/embed/' } as const;

/** Room for the synthetic-data notice, title, unit, source line and link around the drawing, in CSS pixels. */
const CHROME_HEIGHT = 250;

/** The site path of a chart's embed page, with its filters ("/embed/arrivals-trend/?provinsi=51"). */
export function embedPath(chartId: string, locale: Locale, filters: Partial<Filters> = {}): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(FILTER_PARAMS) as (keyof Filters)[]) {
    const value = filters[key];
    if (value) params.set(FILTER_PARAMS[key], value);
  }
  const query = params.toString();
  return `${PREFIX[locale]}${chartId}/${query ? `?${query}` : ''}`;
}

/** The embed page's height for a drawing of this height. */
export const embedHeight = (drawingHeight: number): number => Math.ceil(drawingHeight + CHROME_HEIGHT);

const attr = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

export function embedCode(chartId: string, locale: Locale, filters: Partial<Filters>, title: string, drawingHeight: number): string {
  return `<iframe src="${attr(absoluteUrl(embedPath(chartId, locale, filters)))}" title="${attr(title)}" width="100%" height="${embedHeight(drawingHeight)}" style="border:0;max-width:720px" loading="lazy"></iframe>`;
}
