/**
 * Which chart a page's share preview shows (Node, site build): the lead chart of each page whose
 * charts are the national ones, and an embed's own chart. Area pages (provinces, offices,
 * cities/regencies, province summaries) have none: a national chart would say the wrong thing about
 * them, so their preview is the title and the finding only. The image of a chart is one file per
 * language, `/share/<locale>/<chart>.png` (src/pages/share/[locale]/[chart].png.ts).
 */
import { PAGE_CHARTS } from './page-charts.ts';
import type { PageKey } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';

/** The chart whose image stands for a page, by page key. */
export const SHARE_CHART_OF_PAGE: Partial<Record<PageKey, string>> = {
  home: PAGE_CHARTS.arrivals[0],
  arrivals: PAGE_CHARTS.arrivals[0],
  sanctions: PAGE_CHARTS.sanctions[0],
  operations: PAGE_CHARTS.operations[0],
  integration: PAGE_CHARTS.integration[0],
};

/** The preview image's size: the 1.91:1 card chat apps and social sites show. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The site path (before the base) of a chart's preview image. */
export const shareImagePath = (locale: Locale, chart: string): string => `/share/${locale}/${chart}.png`;
