/** The home page's description (search results, share previews): its first finding, with numbers. */
import { formatChange, formatCount, formatMonthSpan } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import { summaryText } from '../i18n/summary.ts';
import { summaryFigures } from './summary-figures.ts';

export async function homeDescription(locale: Locale, fallback: string): Promise<string> {
  const f = await summaryFigures(null);
  if (f.arrivals.now.value === null || f.arrivals.change === null) return fallback;
  return summaryText(locale).home.description(formatCount(f.arrivals.now.value, locale), formatChange(f.arrivals.change, locale), formatMonthSpan(f.half.from, f.half.to, locale));
}
