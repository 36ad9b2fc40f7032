/**
 * The summary's figures as short sentences in the page's language (build time): one paragraph per
 * topic, for the summary pages and the home page's findings. A withheld figure reads "[c]" and no
 * change is given for it; a figure not published for the area is left out.
 */
import { enumLabel } from '../charts/labels.ts';
import { formatChange, formatCount, formatMonthSpan } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import { summaryText } from '../i18n/summary.ts';
import { WITHHELD } from '../schema/disclosure.ts';
import { ACTION_GROUPS } from '../schema/tables.ts';
import type { PublishedValue, SummaryFigures } from './summary-figures.ts';

export interface SummarySentences {
  half: string;
  earlierHalf: string;
  /** The first sentence of each topic (the finding) and the rest (explanations, breakdowns). */
  arrivals: { lead: string; rest: string };
  sanctions: { lead: string; rest: string };
  operations: { lead: string; rest: string };
  gap: { lead: string; rest: string; span: string | null };
  anyWithheld: boolean;
}

export function summarySentences(f: SummaryFigures, locale: Locale, place: string | null): SummarySentences {
  const text = summaryText(locale);
  const half = formatMonthSpan(f.half.from, f.half.to, locale);
  const earlierHalf = formatMonthSpan(f.earlierHalf.from, f.earlierHalf.to, locale);
  const where = text.inPlace(place);
  const shown = (v: PublishedValue): string => (v.withheld ? WITHHELD.symbol : formatCount(v.value ?? 0, locale));
  const published = (v: PublishedValue): boolean => v.withheld || v.value !== null;
  const change = (ratio: number | null) => (ratio === null ? null : formatChange(ratio, locale));
  const join = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ');

  const arrivalsChange = change(f.arrivals.change);
  const tak = f.byActionGroup.filter((g) => g.code !== 'detensi' && published(g.value));
  const detention = f.byActionGroup.find((g) => g.code === 'detensi' && published(g.value));
  const groupLabel = (code: string) => ACTION_GROUPS.find((g) => g.code === code)?.[locale] ?? code;
  const activities = f.activities.filter((a) => published(a.value));
  const activityList = activities.map((a) => `${shown(a.value)} ${enumLabel('operationActivity', a.code, locale).toLowerCase()}`).join(', ');
  const gap = f.gap;
  const gapSpan = gap ? formatMonthSpan(gap.period_from, gap.period_to, locale) : null;
  const gapList = gap
    ? (['disdukcapil', 'kemenag', 'imigrasi'] as const)
        .filter((a) => gap[a] !== null || gap[`${a}_withheld`])
        .map((a) => `${enumLabel('sourceAgency', a, locale)} ${gap[`${a}_withheld`] ? WITHHELD.symbol : formatCount(gap[a] as number, locale)}`)
        .join(', ')
    : '';
  return {
    half,
    earlierHalf,
    arrivals: {
      lead: join(text.arrivals(where, half, shown(f.arrivals.now)), f.arrivals.earlier && arrivalsChange && text.arrivalsChange(arrivalsChange, earlierHalf, shown(f.arrivals.earlier))),
      rest: text.arrivalsNote,
    },
    sanctions: {
      lead: text.sanctioned(where, shown(f.sanctioned.now)),
      rest: join(
        f.sanctioned.earlier && text.sanctionedEarlier(earlierHalf, shown(f.sanctioned.earlier), change(f.sanctioned.change)),
        tak.length > 0 && text.actionGroups(tak.map((g) => `${groupLabel(g.code).toLowerCase()} ${shown(g.value)}`).join(', ')),
        detention && text.detention(shown(detention.value)),
        f.topViolation && text.topViolation(enumLabel('violation', f.topViolation.code, locale), shown(f.topViolation.value)),
      ),
    },
    operations: {
      lead: activities.length > 0 ? text.activities(where, activityList) : '',
      rest: f.results ? text.results(shown(f.results.checked), shown(f.results.findings), shown(f.results.followUps)) : text.noResultsHere,
    },
    gap: {
      lead: gap && gapSpan ? text.gap(gap.name, gapList, formatCount(gap.gap as number, locale), gapSpan) : text.noGap,
      rest: gap ? text.gapWhy : '',
      span: gapSpan,
    },
    anyWithheld: [f.arrivals.now, f.sanctioned.now, ...f.byActionGroup.map((g) => g.value), ...f.activities.map((a) => a.value)].some((v) => v.withheld),
  };
}
