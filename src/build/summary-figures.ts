/**
 * The figures of the plain-language summary (Node, build time), nationally or for one province:
 * the latest published half-year against the same half a year earlier, each value read as it is
 * published in the `<table>_totals` files (never a sum of cells), with its withheld flag. A change
 * is given only where both halves are published and not withheld.
 */
import { registryGaps, type RegistryGapRow } from '../charts/registry-gaps.ts';
import { NO_FILTERS } from '../schema/filters.ts';
import { ACTION_GROUPS } from '../schema/tables.ts';
import { sqlString } from '../shared/sql-text.ts';
import { queryPublished } from './query-published.ts';

/** A published cell: its value, or withheld (value null). */
export interface PublishedValue {
  value: number | null;
  withheld: boolean;
}

export interface HalfComparison {
  now: PublishedValue;
  earlier: PublishedValue | null;
  /** now ÷ earlier − 1, where both are published. */
  change: number | null;
}

export interface SummaryFigures {
  /** First day of the half-year ("2025-01-01") and its last month ("2025-06"). */
  half: { from: string; to: string };
  earlierHalf: { from: string; to: string };
  province: string | null;
  arrivals: HalfComparison;
  /** Persons subject to an administrative action (TAK), and detention beside it. */
  sanctioned: HalfComparison;
  byActionGroup: { code: string; value: PublishedValue }[];
  /** The most frequent violation (national only: published nationally). */
  topViolation: { code: string; value: PublishedValue } | null;
  activities: { code: string; value: PublishedValue }[];
  /** Persons checked, found in violation, proceedings opened (national only). */
  results: { checked: PublishedValue; findings: PublishedValue; followUps: PublishedValue } | null;
  /** The largest gap between agencies' figures, by province (national) or regency/city. */
  gap: RegistryGapRow | null;
}

interface Cell { period: string; key: string | null; value: number | null; withheld: boolean }

const lastMonthOfHalf = (first: string): string => `${first.slice(0, 4)}-${first.slice(5, 7) === '01' ? '06' : '12'}`;
const yearEarlier = (first: string): string => `${Number(first.slice(0, 4)) - 1}${first.slice(4)}`;

async function halves(table: string, view: string, measure: string, key: string | null, where: string): Promise<Cell[]> {
  return queryPublished<Cell>(`SELECT CAST(period AS VARCHAR) AS period, ${key ? `CAST(${key} AS VARCHAR)` : 'NULL'} AS key,
  CAST(${measure} AS DOUBLE) AS value, coalesce(${measure}_withheld, false) AS withheld
FROM ${table}_totals WHERE view = ${sqlString(view)} AND grain = 'half'${where ? ` AND ${where}` : ''} ORDER BY period, key`);
}

const valueOf = (cell: Cell | undefined): PublishedValue => (cell ? { value: cell.withheld ? null : cell.value, withheld: cell.withheld } : { value: null, withheld: false });

function compare(cells: readonly Cell[], half: string): HalfComparison {
  const now = valueOf(cells.find((c) => c.period === half));
  const before = cells.find((c) => c.period === yearEarlier(half));
  const earlier = before ? valueOf(before) : null;
  const change = now.value !== null && earlier?.value ? now.value / earlier.value - 1 : null;
  return { now, earlier, change };
}

/** The latest half-year every table publishes (the summary's period). */
async function latestHalf(): Promise<string> {
  const rows = await queryPublished<{ half: string }>(`SELECT CAST(min(p) AS VARCHAR) AS half FROM (
  SELECT max(period) AS p FROM arrivals_totals WHERE grain = 'half'
  UNION ALL SELECT max(period) FROM sanctions_totals WHERE grain = 'half'
  UNION ALL SELECT max(period) FROM operations_totals WHERE grain = 'half')`);
  const half = rows[0]?.half;
  if (!half) throw new Error('The publication has no half-year totals: the summary cannot be built.');
  return half;
}

export async function summaryFigures(province: string | null = null): Promise<SummaryFigures> {
  const half = await latestHalf();
  const inProvince = province ? `province_code = ${sqlString(province)}` : '';
  const prefix = province ? 'province_code+' : '';
  const arrivals = await halves('arrivals', province ? 'province_code' : 'total', 'count', null, inProvince);
  const tak = await halves('sanctions', `${prefix}is_tak`, 'count', null, [inProvince, 'is_tak'].filter(Boolean).join(' AND '));
  const groups = await halves('sanctions', `${prefix}action_group`, 'count', 'action_group', inProvince);
  const activities = await halves('operations', `${prefix}activity`, 'activities', 'activity', inProvince);
  const ofHalf = (cells: readonly Cell[]) => cells.filter((c) => c.period === half);

  let topViolation: SummaryFigures['topViolation'] = null;
  let results: SummaryFigures['results'] = null;
  if (!province) {
    const violations = ofHalf(await halves('sanctions', 'violation', 'count', 'violation', ''));
    const top = violations.filter((c) => !c.withheld && c.value !== null).sort((a, b) => (b.value as number) - (a.value as number))[0];
    topViolation = top ? { code: top.key as string, value: valueOf(top) } : null;
    const measure = async (m: string) => valueOf(ofHalf(await halves('operations', 'total', m, null, ''))[0]);
    results = { checked: await measure('foreigners_checked'), findings: await measure('findings'), followUps: await measure('follow_ups') };
  }

  const gaps = await queryPublished<RegistryGapRow>(registryGaps.sql({ ...NO_FILTERS, province }));
  return {
    half: { from: half, to: lastMonthOfHalf(half) },
    earlierHalf: { from: yearEarlier(half), to: lastMonthOfHalf(yearEarlier(half)) },
    province,
    arrivals: compare(arrivals, half),
    sanctioned: compare(tak, half),
    byActionGroup: ACTION_GROUPS.map((g) => ({ code: g.code, value: valueOf(ofHalf(groups).find((c) => c.key === g.code)) })),
    topViolation,
    activities: ofHalf(activities).map((c) => ({ code: c.key as string, value: valueOf(c) })),
    results,
    gap: gaps.find((g) => g.gap !== null) ?? null,
  };
}
