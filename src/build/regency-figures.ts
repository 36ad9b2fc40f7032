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
 */
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

export interface RegencyFigures {
  activities: ActivityCount[];
  /** Agencies named in the activities there, with how many activities each took part in (most first). */
  agencies: { name: string; activities: number }[];
  reconciliations: Reconciliation[];
  /** Kanim serving the city/regency (office codes), from the office reference. */
  offices: string[];
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
  const [activityRows, agencyRows, registryRows, officeRows] = await Promise.all([
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
  ]);
  const out = new Map<string, RegencyFigures>();
  const entry = (code: string): RegencyFigures => {
    let e = out.get(code);
    if (!e) out.set(code, (e = { activities: [], agencies: [], reconciliations: [], offices: [] }));
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
