/**
 * Share previews, read from the built site: a page whose lead chart is national names that chart's
 * picture (absolute og:image, a large-image card), an embed names its own chart's, an area page
 * names none (a national chart would mislead there); every chart has a picture per language, a
 * 1200 × 630 PNG with the chart drawn on it and the source line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { SHARE_IMAGE, shareImagePath } from '../../src/build/share-charts.ts';
import { absoluteUrl } from '../../src/build/site-origin.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const head = (path: string) => parseHTML(readFileSync(join(DIST, path, 'index.html'), 'utf8')).document;
const meta = (doc: ReturnType<typeof head>, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;

/** Share of the pixels in the middle of the card (where the chart is) that are not white. */
async function drawnShare(file: string): Promise<number> {
  const { data, info } = await sharp(file).extract({ left: 40, top: 130, width: SHARE_IMAGE.width - 80, height: 400 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let drawn = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) drawn += 1;
  return drawn / (info.width * info.height);
}

describe('share previews', () => {
  test('section pages and embeds name their lead chart’s picture; area pages name none', () => {
    const cases = [
      ['/kedatangan/', shareImagePath('id', 'arrivals-trend')],
      ['/en/arrivals/', shareImagePath('en', 'arrivals-trend')],
      ['/sanksi/', shareImagePath('id', 'sanctions-map')],
      ['/', shareImagePath('id', 'arrivals-trend')],
      ['/embed/operations-funnel/', shareImagePath('id', 'operations-funnel')],
      ['/en/embed/registry-gaps/', shareImagePath('en', 'registry-gaps')],
    ] as const;
    for (const [page, image] of cases) {
      const doc = head(page);
      expect(meta(doc, 'og:image'), page).toBe(absoluteUrl(image));
      expect(meta(doc, 'twitter:image'), page).toBe(absoluteUrl(image));
      expect(meta(doc, 'twitter:card'), page).toBe('summary_large_image');
      expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')], page).toEqual([String(SHARE_IMAGE.width), String(SHARE_IMAGE.height)]);
    }
    for (const page of ['/wilayah/bali/', '/en/regions/bali/', '/ringkasan/bali/', '/wilayah/banten/kota-cilegon/']) {
      const doc = head(page);
      expect(meta(doc, 'og:image'), page).toBeNull();
      expect(meta(doc, 'twitter:card'), page).toBe('summary');
    }
  });

  test('every chart has a 1200 × 630 picture per language with the chart drawn on it', async () => {
    for (const locale of LOCALES) {
      for (const chart of CHARTS.keys()) {
        const file = join(DIST, shareImagePath(locale, chart));
        expect(existsSync(file), file).toBe(true);
        const { format, width, height } = await sharp(file).metadata();
        expect([format, width, height], file).toEqual(['png', SHARE_IMAGE.width, SHARE_IMAGE.height]);
      }
    }
    // The chart is on the card, not an empty frame (a line chart, a map, a ranking): an empty card has no
    // drawn pixel there; the thin lines of the trend cover ~2.5 %.
    for (const chart of ['arrivals-trend', 'sanctions-map', 'arrivals-nationalities']) expect(await drawnShare(join(DIST, shareImagePath('id', chart))), chart).toBeGreaterThan(0.01);
  });
});
