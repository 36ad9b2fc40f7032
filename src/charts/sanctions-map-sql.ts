/**
 * Persons subject to TAK per province in the period, and per 100,000 arrivals through the
 * checkpoints of that province's offices. Every province is a row (no cells: 0).
 *
 * Numerator and denominator are placed alike: a TAK counts under the province its office reports
 * under, so an arrival counts under the province the checkpoint's office reports under. They differ
 * for Soekarno-Hatta (the airport is in Banten, its office reports under DKI Jakarta): by the
 * checkpoint's own province, DKI's rate set the airport office's TAK against the seaport's arrivals
 * alone (892 per 100,000 in H1 2025, some 25 times too high). Arrivals are the published port
 * totals added up per province (a checkpoint with no office listed counts under its own province);
 * a province with a withheld port total has no rate.
 */
import type { Filters } from '../schema/filters.ts';
import type { ChartRow } from './chart-definition.ts';
import { periodSelection, filterGrain, selectTotals } from './chart-sql.ts';
import { TAK_CATEGORY } from '../schema/filter-values.ts';

export interface ProvinceSanctionsRow extends ChartRow {
  province_code: string;
  name: string;
  count: number | null;
  count_withheld: boolean;
  arrivals: number | null;
  arrivals_withheld: boolean;
  rate: number | null;
  rate_withheld: boolean;
  period_from: string;
  period_to: string;
}

/** The province filter does not narrow the map (it always shows all 38): the tile is outlined instead. */
export const PROVINCE_SANCTIONS_FILTERS = ['period', 'nationality', 'category', 'province'] as const;

export function provinceSanctionsSql(given: Filters): string {
  const filters: Filters = { ...given, category: given.category ?? TAK_CATEGORY, province: null, office: null };
  const sanctions = selectTotals('sanctions', ['province_code'], filters, PROVINCE_SANCTIONS_FILTERS, filterGrain(filters));
  // Arrivals of the same period as the sanctions (by province, sanctions are published by half-year).
  const arrivals = selectTotals('arrivals', ['port_code'], { ...filters, category: null }, ['period', 'nationality'], sanctions.grain);
  const sp = periodSelection('sanctions', filters, sanctions.grain);
  const ap = periodSelection('arrivals', filters, sanctions.grain);
  return `WITH s AS (
  SELECT province_code, count, count_withheld FROM sanctions_totals WHERE ${sanctions.where} AND ${sp.where}
), a AS (
  SELECT coalesce(offices.province_code, ports.province_code) AS province_code, sum(t.count) AS arrivals, bool_or(t.count_withheld) AS arrivals_withheld
  FROM (SELECT port_code, count, count_withheld FROM arrivals_totals WHERE ${arrivals.where} AND ${ap.where}) t
    JOIN ports ON ports.code = t.port_code LEFT JOIN offices ON offices.code = ports.office_code
  GROUP BY 1
), p AS (
  SELECT CAST(CAST(${sp.from} AS DATE) AS VARCHAR) AS period_from, CAST(CAST(${sp.to} AS DATE) AS VARCHAR) AS period_to
)
SELECT provinces.code AS province_code, provinces.name,
  CAST(CASE WHEN s.count_withheld THEN NULL ELSE coalesce(s.count, 0) END AS DOUBLE) AS count,
  coalesce(s.count_withheld, false) AS count_withheld,
  CAST(CASE WHEN a.arrivals_withheld THEN NULL ELSE coalesce(a.arrivals, 0) END AS DOUBLE) AS arrivals,
  coalesce(a.arrivals_withheld, false) AS arrivals_withheld,
  CASE WHEN NOT coalesce(s.count_withheld, false) AND NOT coalesce(a.arrivals_withheld, false) AND a.arrivals > 0
    THEN coalesce(s.count, 0) * 100000.0 / a.arrivals END AS rate,
  coalesce(s.count_withheld, false) OR coalesce(a.arrivals_withheld, false) AS rate_withheld,
  p.period_from, p.period_to
FROM provinces LEFT JOIN s ON s.province_code = provinces.code LEFT JOIN a ON a.province_code = provinces.code CROSS JOIN p
ORDER BY provinces.code`;
}
