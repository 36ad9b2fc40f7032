/**
 * What a city/regency page shows, read once per table for every city/regency and grouped by area
 * (never a query per page: ~450 pages per language share these results through queryPublished's cache).
 * - TIMPORA activities: published activity rows of `operations` at the city/regency or below
 *   (kecamatan, kelurahan/desa), counted by year, level and kind. Each row is one published event;
 *   activity counts are never withheld. No person count of a row is read.
 * - The agencies' figures: only the published totals of `registry_totals` in the
 *   city/regency view (mixed marriages per year, foreign residents at each stock date); a withheld
 *   cell stays withheld, and a gap is worked out only where both agencies' figures are published.
 * - The Kanim serving it: the curated reference `office_regencies`.
 * - Arrivals at the checkpoints standing there (`regency_code` of the published `ports`): each
 *   month the sum of their published monthly totals in `arrivals_totals` (view by checkpoint),
 *   withheld where any of them is withheld, in the rows the arrivals trend chart draws. Only cities
 *   with a checkpoint have any (most have none).
 */
import { latestTwelveMonths, type ArrivalsMonthRow } from '../charts/arrivals-trend-sql.ts';
import { formatChange, formatCount, formatMonthSpan } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import { REGIONS_TEXT } from '../i18n/regions.ts';
import { totalsView } from '../charts/chart-sql.ts';
import { sqlString } from '../shared/sql-text.ts';
import { queryPublished } from './query-published.ts';

export type Agency = 'disdukcapil' | 'kemenag' | 'imigrasi';

/** One published registry total: `null` with `withheld` true where disclosure control withheld it. */
export interface AgencyFigure {
  value: number | null;
  withheld: boolean;
}

/** The two agencies' figures for one period, and their gap where both are published. */
export interface Reconciliation {
  metric: 'mixed_marriages' | 'foreign_residents';
  /** Year (YYYY) of mixed marriages, stock date (YYYY-MM-DD) of foreign residents. */
  period: string;
  /** The civil registry first: Disdukcapil; then the agency compared with it. */
  agencies: readonly [Agency, Agency];
  figures: readonly [AgencyFigure | null, AgencyFigure | null];
  /** second − first; null ("not comparable") where either figure is withheld or missing. */
  gap: number | null;
  /** |gap| as a share of the larger figure; null where the gap is null or both are 0. */
  relativeGap: number | null;
}

export interface ActivityCount {
  year: string;
  level: string;
  activity: string;
  activities: number;
}

/** A checkpoint (TPI) standing in the city/regency, from the published `ports`. */
export interface Checkpoint {
  code: string;
  name: string;
  mode: string;
}

export interface CheckpointArrivals {
  checkpoints: Checkpoint[];
  /** Arrivals per month at these checkpoints together, oldest first, with the month a year earlier. */
  months: ArrivalsMonthRow[];
}

export interface RegencyFigures {
  activities: ActivityCount[];
  /** Agencies named in the activities there, with how many activities each took part in (most first). */
  agencies: { name: string; activities: number }[];
  reconciliations: Reconciliation[];
  /** Kanim serving the city/regency (office codes), from the office reference. */
  offices: string[];
  /** Arrivals at the checkpoints there; null where no checkpoint stands. */
  arrivals: CheckpointArrivals | null;
}

/** The figures of a city/regency with nothing published. */
export const NO_REGENCY_FIGURES: RegencyFigures = { activities: [], agencies: [], reconciliations: [], offices: [], arrivals: null };

/**
 * Monthly arrivals per city/regency with a checkpoint: the published per-checkpoint month totals
 * added up (a sum of published figures discloses nothing new), withheld where any checkpoint's is,
 * and the same month a year earlier beside each (as arrivalsTrendSql gives them nationally).
 */
function checkpointArrivalsSql(): string {
  const { view } = totalsView('arrivals', ['port_code'], 'month', ['count']);
  return `WITH m AS (
  SELECT p.regency_code AS regency, t.period, bool_or(t.count_withheld OR t.count IS NULL) AS count_withheld,
    CASE WHEN NOT bool_or(t.count_withheld OR t.count IS NULL) THEN sum(t.count) END AS count
  FROM arrivals_totals t JOIN ports p ON p.code = t.port_code
  WHERE t.view = ${sqlString(view)} AND t.grain = 'month'
  GROUP BY ALL
)
SELECT cur.regency, CAST(cur.period AS VARCHAR) AS month,
  CAST(cur.count AS DOUBLE) AS count, cur.count_withheld,
  CAST(prev.count AS DOUBLE) AS count_year_earlier, prev.count_withheld AS count_year_earlier_withheld,
  CASE WHEN prev.count > 0 AND NOT cur.count_withheld AND NOT prev.count_withheld
    THEN CAST(cur.count AS DOUBLE) / CAST(prev.count AS DOUBLE) - 1 END AS change
FROM m cur LEFT JOIN m prev ON prev.regency = cur.regency AND prev.period = CAST(cur.period - INTERVAL 12 MONTH AS DATE)
ORDER BY cur.regency, cur.period`;
}

const PAIRS = { mixed_marriages: ['disdukcapil', 'kemenag'], foreign_residents: ['disdukcapil', 'imigrasi'] } as const;

export function reconcile(metric: Reconciliation['metric'], period: string, byAgency: Map<string, AgencyFigure>): Reconciliation {
  const agencies = PAIRS[metric];
  const figures = [byAgency.get(agencies[0]) ?? null, byAgency.get(agencies[1]) ?? null] as const;
  const [a, b] = figures;
  const gap = a && b && !a.withheld && !b.withheld && a.value !== null && b.value !== null ? b.value - a.value : null;
  const larger = gap === null ? 0 : Math.max(a!.value!, b!.value!);
  return { metric, period, agencies, figures, gap, relativeGap: gap === null || larger === 0 ? null : Math.abs(gap) / larger };
}

let all: Promise<Map<string, RegencyFigures>> | undefined;

async function load(): Promise<Map<string, RegencyFigures>> {
  const [activityRows, agencyRows, registryRows, officeRows, portRows, arrivalRows] = await Promise.all([
    queryPublished(`SELECT left(region_code, 5) AS regency, CAST(year(date) AS VARCHAR) AS year, level, activity, count(*) AS activities
FROM operations WHERE length(region_code) >= 5 GROUP BY ALL ORDER BY ALL`),
    queryPublished(`SELECT left(region_code, 5) AS regency, trim(agency) AS name, count(*) AS activities
FROM (SELECT region_code, unnest(string_split(agencies, ',')) AS agency FROM operations WHERE length(region_code) >= 5)
GROUP BY ALL ORDER BY regency, activities DESC, name`),
    queryPublished(`SELECT region_code, metric, CASE WHEN metric = 'mixed_marriages' THEN CAST(year(period) AS VARCHAR) ELSE strftime(period, '%Y-%m-%d') END AS period,
  source_agency, count, count_withheld
FROM registry_totals
WHERE view = 'region_code+metric+source_agency' AND ((metric = 'mixed_marriages' AND grain = 'year') OR (metric = 'foreign_residents' AND grain = 'month'))
ORDER BY region_code, metric DESC, period`),
    queryPublished("SELECT regency_code, office_code FROM office_regencies WHERE office_code <> '' ORDER BY regency_code, office_code"),
    queryPublished('SELECT regency_code, code, name, mode FROM ports ORDER BY regency_code, name'),
    queryPublished(checkpointArrivalsSql()),
  ]);
  const out = new Map<string, RegencyFigures>();
  const entry = (code: string): RegencyFigures => {
    let e = out.get(code);
    if (!e) out.set(code, (e = { activities: [], agencies: [], reconciliations: [], offices: [], arrivals: null }));
    return e;
  };
  for (const r of activityRows) entry(String(r.regency)).activities.push({ year: String(r.year), level: String(r.level), activity: String(r.activity), activities: Number(r.activities) });
  for (const r of agencyRows) if (String(r.name) !== '') entry(String(r.regency)).agencies.push({ name: String(r.name), activities: Number(r.activities) });
  const periods = new Map<string, Map<string, AgencyFigure>>();
  for (const r of registryRows) {
    const key = `${r.region_code}|${r.metric}|${r.period}`;
    let byAgency = periods.get(key);
    if (!byAgency) periods.set(key, (byAgency = new Map()));
    byAgency.set(String(r.source_agency), { value: r.count === null ? null : Number(r.count), withheld: r.count_withheld === true });
  }
  for (const [key, byAgency] of periods) {
    const [code, metric, period] = key.split('|') as [string, Reconciliation['metric'], string];
    entry(code).reconciliations.push(reconcile(metric, period, byAgency));
  }
  for (const r of officeRows) entry(String(r.regency_code)).offices.push(String(r.office_code));
  for (const r of portRows) {
    const e = entry(String(r.regency_code));
    (e.arrivals ??= { checkpoints: [], months: [] }).checkpoints.push({ code: String(r.code), name: String(r.name), mode: String(r.mode) });
  }
  for (const r of arrivalRows) {
    out.get(String(r.regency))?.arrivals?.months.push({
      month: String(r.month), count: r.count === null ? null : Number(r.count), count_withheld: r.count_withheld === true,
      count_year_earlier: r.count_year_earlier === null ? null : Number(r.count_year_earlier),
      count_year_earlier_withheld: r.count_year_earlier_withheld === null ? null : r.count_year_earlier_withheld === true,
      change: r.change === null ? null : Number(r.change),
    });
  }
  return out;
}

/** Every city/regency's figures, keyed by Kemendagri code (built once per build). */
export function regencyFigures(): Promise<Map<string, RegencyFigures>> {
  return (all ??= load());
}

export interface GapRank {
  code: string;
  year: string;
  reconciliation: Reconciliation;
}

/**
 * Cities/regencies ranked by the mixed-marriage gap of the latest year in the registry totals:
 * largest absolute gap first; "not comparable" (a figure withheld) after them, by code.
 */
export async function mixedMarriageGapRanking(): Promise<GapRank[]> {
  const figures = await regencyFigures();
  const all = [...figures].flatMap(([code, f]) => f.reconciliations.filter((r) => r.metric === 'mixed_marriages').map((r) => ({ code, year: r.period, reconciliation: r })));
  const year = all.map((r) => r.year).sort().at(-1);
  const ranks = all.filter((r) => r.year === year);
  const size = (r: GapRank) => (r.reconciliation.gap === null ? -1 : Math.abs(r.reconciliation.gap));
  return ranks.sort((a, b) => size(b) - size(a) || (b.reconciliation.relativeGap ?? -1) - (a.reconciliation.relativeGap ?? -1) || a.code.localeCompare(b.code));
}

/** "2025-05-01" → "2024-05-01": the same month twelve months earlier. */
const yearEarlier = (month: string): string => `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;

/**
 * The latest 12 months of arrivals against the 12 before, in one sentence (page and deck): not
 * comparable where a month of either is withheld, and said so where there are fewer than 24 months.
 */
export function twelveMonthSentence(months: readonly ArrivalsMonthRow[], locale: Locale): string {
  const text = REGIONS_TEXT[locale];
  const latest = latestTwelveMonths(months);
  if (latest === null) {
    const last = months.slice(-12);
    const twoYears = last.length === 12 && last.every((r) => r.count_year_earlier !== null || r.count_year_earlier_withheld === true);
    return twoYears ? text.twelveMonthsWithheld : text.twelveMonthsShort;
  }
  const verb = latest.change > 0 ? text.up : latest.change < 0 ? text.down : text.same;
  return text.twelveMonths(
    formatMonthSpan(latest.from, latest.to, locale, 'short'), formatCount(latest.total, locale), verb, formatChange(Math.abs(latest.change), locale).replace('+', ''),
    formatCount(latest.earlier, locale), formatMonthSpan(yearEarlier(latest.from), yearEarlier(latest.to), locale, 'short'),
  );
}
