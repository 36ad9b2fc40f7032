/**
 * /share/<locale>/<chart>.png: each chart's share preview (src/build/share-image.ts), written at
 * build as a static file; pages name it in og:image (src/components/SharePreview.astro).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS } from '../../../charts/registry.ts';
import { shareImagePng } from '../../../build/share-image.ts';
import { LOCALES, type Locale } from '../../../i18n/locales.ts';

export const getStaticPaths: GetStaticPaths = () => LOCALES.flatMap((locale) => [...CHARTS.keys()].map((chart) => ({ params: { locale, chart } })));

export const GET: APIRoute = async ({ params }) => {
  const png = await shareImagePng(params.chart!, params.locale as Locale);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
