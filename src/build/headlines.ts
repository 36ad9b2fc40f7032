/**
 * The overview's headline figures (Node, build time), each from published totals: a value, the
 * comparison it is judged against, a monthly series for its sparkline, and the page it links to.
 * A derived figure (a sum of months, a change) is left out when any month behind it is withheld.
 */
import { arrivalsTrendSql, latestTwelveMonths, type ArrivalsMonthRow } from '../charts/arrivals-trend-sql.ts';
import { formatChange, formatCount, formatMonthSpan } from '../i18n/format.ts';
import { enumLabel } from '../charts/labels.ts';
import { registryGaps, type RegistryGapRow } from '../charts/registry-gaps.ts';
import type { PageKey } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import type { GlossaryTerm } from '../i18n/glossary.ts';
import { NO_FILTERS } from '../schema/filters.ts';
import { sqlString } from '../shared/sql-text.ts';
import { queryPublished } from './query-published.ts';

export interface Headline {
  id: string;
  label: string;
  /** Glossary term: marked where the label names it, else shown after the label. */
  term?: GlossaryTerm;
  /** The months the value adds up ("YYYY-MM", inclusive), where it is a sum of months. */
  months?: { from: string; to: string };
  value: string;
  change: { text: string; direction: 'up' | 'down' } | null;
  note: string;
  series: number[];
  page: PageKey;
  linkText: string;
}

interface MonthValue { month: string; value: number | null; withheld: boolean }

const monthly = async (sql: string): Promise<MonthValue[]> => (await queryPublished(sql)) as unknown as MonthValue[];

/** Sum of months, or null when any is missing or withheld. */
function sumMonths(rows: readonly MonthValue[], from: string, to: string): number | null {
  const inRange = rows.filter((r) => r.month >= from && r.month <= to);
  if (inRange.some((r) => r.withheld || r.value === null)) return null;
  return inRange.reduce((s, r) => s + (r.value as number), 0);
}

/** A change with the site's one precision for percentages (one decimal, rounded; stated on the methodology page). */
const change = (now: number, before: number | null, locale: Locale) =>
  before === null || before === 0 ? null : { text: formatChange(now / before - 1, locale), direction: now >= before ? ('up' as const) : ('down' as const) };

const T = {
  id: {
    arrivals12: 'Kedatangan WNA, 12 bulan terakhir',
    arrivalsH1: 'Kedatangan WNA Januari–Juni 2024',
    tak: (year: string) => `Orang dikenai TAK, ${year}`,
    operations: (year: string) => `Operasi gabungan TIMPORA, ${year}`,
    gap: 'Selisih antarinstansi terbesar',
    vs: (span: string) => `dibanding ${span}`,
    gapNote: (name: string, agencies: string[], span: string) => `${name}: orang asing berdomisili menurut ${agencies.join(' dan ')}, ${span}`,
    link: { arrivals: 'Lihat kedatangan', sanctions: 'Lihat sanksi', operations: 'Lihat operasi TIMPORA', integration: 'Lihat integrasi data' },
  },
  en: {
    arrivals12: 'Foreign arrivals, latest 12 months',
    arrivalsH1: 'Foreign arrivals January–June 2024',
    tak: (year: string) => `Persons subject to TAK, ${year}`,
    operations: (year: string) => `TIMPORA joint operations, ${year}`,
    gap: 'Largest inter-agency gap',
    vs: (span: string) => `on ${span}`,
    gapNote: (name: string, agencies: string[], span: string) => `${name}: foreign residents as ${agencies.join(' and ')} report them, ${span}`,
    link: { arrivals: 'See arrivals', sanctions: 'See sanctions', operations: 'See TIMPORA operations', integration: 'See data integration' },
  },
};

const previousYear = (month: string) => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/**
 * The latest year's published months so far ("YYYY-01-01" to the last month) and the same months a
 * year earlier, each summed, or null where a month in it is withheld. A sum over months before the
 * publication's coverage is 0, which `change` treats as no comparison.
 */
function yearToDate(rows: readonly MonthValue[]): { from: string; to: string; now: number | null; earlier: number | null } | null {
  const last = rows.at(-1);
  if (!last) return null;
  const from = `${last.month.slice(0, 4)}-01-01`;
  return { from, to: last.month, now: sumMonths(rows, from, last.month), earlier: sumMonths(rows, previousYear(from), previousYear(last.month)) };
}

/** A year's published value (rows of grain 'year', by their first day), or null when absent or withheld. */
function yearValue(years: readonly MonthValue[], first: string): number | null {
  const row = years.find((r) => r.month === first);
  return row && !row.withheld ? row.value : null;
}

export async function headlines(locale: Locale): Promise<Headline[]> {
  const t = T[locale];
  const out: Headline[] = [];

  const arrivals = (await queryPublished(arrivalsTrendSql(NO_FILTERS))) as unknown as ArrivalsMonthRow[];
  const latest = latestTwelveMonths(arrivals);
  if (latest) {
    out.push({
      id: 'arrivals-12-months',
      label: t.arrivals12,
      months: { from: latest.from.slice(0, 7), to: latest.to.slice(0, 7) },
      value: formatCount(latest.total, locale),
      change: change(latest.total, latest.earlier, locale),
      note: `${formatMonthSpan(latest.from, latest.to, locale, 'short')} ${t.vs(formatMonthSpan(previousYear(latest.from), previousYear(latest.to), locale, 'short'))}`,
      series: arrivals.slice(-24).map((r) => r.count ?? 0),
      page: 'arrivals',
      linkText: t.link.arrivals,
    });
  }

  const halves = (await queryPublished(`SELECT CAST(period AS VARCHAR) AS period, CAST(count AS DOUBLE) AS value, count_withheld AS withheld
FROM arrivals_totals WHERE view = 'total' AND grain = 'half' AND period IN (DATE '2023-01-01', DATE '2024-01-01') ORDER BY period`)) as unknown as { period: string; value: number | null; withheld: boolean }[];
  const [h2023, h2024] = halves;
  if (h2023 && h2024 && !h2023.withheld && !h2024.withheld && h2024.value !== null) {
    out.push({
      id: 'arrivals-h1-2024',
      label: t.arrivalsH1,
      months: { from: '2024-01', to: '2024-06' },
      value: formatCount(h2024.value, locale),
      change: change(h2024.value, h2023.value, locale),
      note: `${t.vs(formatMonthSpan('2023-01', '2023-06', locale))}: ${formatCount(h2023.value as number, locale)}`,
      series: arrivals.filter((r) => r.month.startsWith('2024') && r.month <= '2024-06-01').map((r) => r.count ?? 0),
      page: 'arrivals',
      linkText: t.link.arrivals,
    });
  }

  const tak = await monthly(`SELECT CAST(period AS VARCHAR) AS month, CAST(count AS DOUBLE) AS value, count_withheld AS withheld
FROM sanctions_totals WHERE view = 'is_tak' AND is_tak AND grain = 'month' ORDER BY period`);
  // This year so far against the same months a year earlier; where a month of it is withheld, the
  // latest whole year against the year before.
  const takSoFar = yearToDate(tak);
  const takYears = await monthly(`SELECT CAST(period AS VARCHAR) AS month, CAST(count AS DOUBLE) AS value, count_withheld AS withheld
FROM sanctions_totals WHERE view = 'is_tak' AND is_tak AND grain = 'year' ORDER BY period`);
  const takYear = takYears.at(-1);
  const takFigure = takSoFar && takSoFar.now !== null
    ? { from: takSoFar.from, to: takSoFar.to, now: takSoFar.now, earlier: takSoFar.earlier }
    : takYear && !takYear.withheld && takYear.value !== null
      ? { from: takYear.month, to: `${takYear.month.slice(0, 4)}-12-01`, now: takYear.value, earlier: yearValue(takYears, previousYear(takYear.month)) }
      : null;
  if (takFigure) {
    out.push({
      id: 'sanctions-this-year',
      label: t.tak(formatMonthSpan(takFigure.from, takFigure.to, locale)),
      term: 'TAK',
      months: { from: takFigure.from.slice(0, 7), to: takFigure.to.slice(0, 7) },
      value: formatCount(takFigure.now, locale),
      change: change(takFigure.now, takFigure.earlier, locale),
      note: t.vs(formatMonthSpan(previousYear(takFigure.from), previousYear(takFigure.to), locale)),
      series: tak.slice(-24).map((r) => r.value ?? 0),
      page: 'sanctions',
      linkText: t.link.sanctions,
    });
  }

  const operations = await monthly(`SELECT CAST(period AS VARCHAR) AS month, CAST(activities AS DOUBLE) AS value, activities_withheld AS withheld
FROM operations_totals WHERE view = 'activity' AND activity = 'operasi_gabungan' AND grain = 'month' ORDER BY period`);
  const operationsSoFar = yearToDate(operations);
  if (operationsSoFar && operationsSoFar.now !== null) {
    const { from, to, now, earlier } = operationsSoFar;
    out.push({
      id: 'timpora-operations',
      label: t.operations(formatMonthSpan(from, to, locale)),
      term: 'TIMPORA',
      months: { from: from.slice(0, 7), to: to.slice(0, 7) },
      value: formatCount(now, locale),
      change: change(now, earlier, locale),
      note: t.vs(formatMonthSpan(previousYear(from), previousYear(to), locale)),
      series: operations.slice(-24).map((r) => r.value ?? 0),
      page: 'operations',
      linkText: t.link.operations,
    });
  }

  const gaps = (await queryPublished(registryGaps.sql(NO_FILTERS))) as unknown as RegistryGapRow[];
  const top = gaps.find((g) => g.gap !== null);
  if (top) {
    const series = (await queryPublished(`SELECT CAST(period AS VARCHAR) AS month,
  CAST(max(count) - min(count) AS DOUBLE) AS value, bool_or(count_withheld) AS withheld
FROM registry_totals WHERE view = 'province_code+metric+source_agency' AND grain = 'month' AND metric = 'foreign_residents' AND province_code = ${sqlString(top.region_code)}
GROUP BY period ORDER BY period`)) as unknown as MonthValue[];
    out.push({
      id: 'largest-discrepancy',
      label: t.gap,
      value: formatCount(top.gap as number, locale),
      change: null,
      // Residents are a stock: the gap is at one date, between the agencies that report them.
      note: t.gapNote(top.name, (['disdukcapil', 'kemenag', 'imigrasi'] as const).filter((a) => top[a] !== null || top[`${a}_withheld`]).map((a) => enumLabel('sourceAgency', a, locale)), formatMonthSpan(top.period_from, top.period_to, locale)),
      series: series.map((r) => (r.withheld ? 0 : (r.value ?? 0))),
      page: 'integration',
      linkText: t.link.integration,
    });
  }
  return out;
}
