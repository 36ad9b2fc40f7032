/**
 * The figures of every deck of one release (Node, site build), asked once per release with a
 * handful of queries grouped by area, so ~170 areas × 2 languages never query per page. Every
 * figure is a published cell of `<table>_totals` (protected): nothing here adds cells up, and a
 * withheld cell keeps its flag so the slide shows "[c]" and never a value.
 *
 * An area is keyed `nasional`, a province code ("36") or an office code ("KANIM-SERANG").
 */
import type { ArrivalsMonthRow } from '../../charts/arrivals-trend-sql.ts';
import type { FunnelRow } from '../../charts/operations-funnel.ts';
import type { RankingRow } from '../../charts/ranking-chart.ts';
import { registryGaps, type RegistryGapRow } from '../../charts/registry-gaps.ts';
import { NO_FILTERS } from '../../schema/filters.ts';
import { sqlString } from '../../shared/sql-text.ts';
import { queryPublished } from '../query-published.ts';

export const NATION = 'nasional';

/** A published cell: its value, or withheld (value null). */
export interface Cell {
  value: number | null;
  withheld: boolean;
}

/** The half-year a release's decks cover: the latest half-year every table publishes. */
export interface DeckPeriod {
  /** First month of the half, "YYYY-MM-01". */
  from: string;
  /** Last month, "YYYY-MM-01". */
  to: string;
  /** The same half a year earlier. */
  earlierFrom: string;
  earlierTo: string;
}

export interface AreaFacts {
  arrivalsMonths: ArrivalsMonthRow[];
  arrivals: { now: Cell; earlier: Cell } | null;
  nationalities: RankingRow[];
  ports: RankingRow[];
  tak: { now: Cell; earlier: Cell } | null;
  sanctionGroups: RankingRow[];
  sanctionOffices: RankingRow[];
  activities: RankingRow[];
  funnel: FunnelRow[];
  gaps: RegistryGapRow[];
}

export interface ReleaseFacts {
  period: DeckPeriod;
  area(key: string): AreaFacts;
}

const yearEarlier = (iso: string): string => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
const lastMonthOfHalf = (from: string): string => `${from.slice(0, 4)}-${from.slice(5, 7) === '01' ? '06' : '12'}-01`;

type Row = Record<string, string | number | boolean | null>;
const cell = (row: Row | undefined, value = 'count', flag = 'count_withheld'): Cell =>
  row ? { value: row[flag] ? null : (row[value] as number | null), withheld: Boolean(row[flag]) } : { value: null, withheld: false };

function groupBy<T extends Row>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = String(row.area);
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}

/** Strips the grouping column and adds the share of `total` (withheld when either is). */
function rankingRows(rows: readonly Row[], period: DeckPeriod, total?: Cell): RankingRow[] {
  return rows.map((r) => {
    const count = r.count_withheld ? null : (r.count as number | null);
    const share = total && !total.withheld && total.value && count !== null ? count / total.value : null;
    return {
      code: String(r.code),
      name_id: (r.name_id as string | null) ?? null,
      name_en: (r.name_en as string | null) ?? null,
      count,
      count_withheld: Boolean(r.count_withheld),
      total: total?.value ?? null,
      total_withheld: total ? total.withheld : null,
      share,
      period_from: period.from,
      period_to: period.to,
    };
  });
}

const RANK = (limit: number) => `QUALIFY row_number() OVER (PARTITION BY area ORDER BY count_withheld, count DESC, code) <= ${limit}`;

async function latestHalf(dir: string): Promise<DeckPeriod> {
  const rows = await queryPublished(`SELECT CAST(least(
  (SELECT max(period) FROM arrivals_totals WHERE grain = 'half'),
  (SELECT max(period) FROM sanctions_totals WHERE grain = 'half'),
  (SELECT max(period) FROM operations_totals WHERE grain = 'half')) AS VARCHAR) AS half`, dir);
  const from = String(rows[0]?.half);
  if (!/^\d{4}-\d{2}-01$/.test(from)) throw new Error(`${dir}: no half-year is published, so no deck can be built`);
  return { from, to: lastMonthOfHalf(from), earlierFrom: yearEarlier(from), earlierTo: yearEarlier(lastMonthOfHalf(from)) };
}

async function load(dir: string): Promise<ReleaseFacts> {
  const period = await latestHalf(dir);
  const P = `DATE ${sqlString(period.from)}`;
  const E = `DATE ${sqlString(period.earlierFrom)}`;
  const q = (sql: string) => queryPublished<Row>(sql, dir);
  const area = (view: string, column: string) => `CASE WHEN view = '${view}' THEN '${NATION}' ELSE CAST(${column} AS VARCHAR) END`;

  const [months, arrivalHalves, nationalities, ports, takHalves, groups, offices, activities, funnel, provinceCodes] = await Promise.all([
    q(`WITH m AS (
  SELECT ${area('total', 'province_code')} AS area, period, count, count_withheld FROM arrivals_totals
  WHERE grain = 'month' AND view IN ('total', 'province_code'))
SELECT cur.area, CAST(cur.period AS VARCHAR) AS month, CAST(cur.count AS DOUBLE) AS count, cur.count_withheld,
  CAST(prev.count AS DOUBLE) AS count_year_earlier, prev.count_withheld AS count_year_earlier_withheld,
  CASE WHEN prev.count > 0 AND NOT cur.count_withheld AND NOT prev.count_withheld THEN CAST(cur.count AS DOUBLE) / CAST(prev.count AS DOUBLE) - 1 END AS change
FROM m cur LEFT JOIN m prev ON prev.area = cur.area AND prev.period = CAST(cur.period - INTERVAL 12 MONTH AS DATE)
ORDER BY cur.area, cur.period`),
    q(`SELECT ${area('total', 'province_code')} AS area, CAST(period AS VARCHAR) AS period, CAST(count AS DOUBLE) AS count, count_withheld
FROM arrivals_totals WHERE grain = 'half' AND view IN ('total', 'province_code') AND period IN (${P}, ${E})`),
    q(`SELECT ${area('nationality', 'province_code')} AS area, CAST(nationality AS VARCHAR) AS code, countries.name_id, countries.name_en,
  CAST(count AS DOUBLE) AS count, count_withheld
FROM arrivals_totals LEFT JOIN countries ON countries.iso3 = CAST(nationality AS VARCHAR)
WHERE grain = 'half' AND period = ${P} AND view IN ('nationality', 'province_code+nationality') ${RANK(5)}`),
    q(`WITH cells AS (SELECT CAST(port_code AS VARCHAR) AS code, ports.name AS name_id, ports.name AS name_en, ports.province_code, ports.office_code,
    CAST(count AS DOUBLE) AS count, count_withheld
  FROM arrivals_totals JOIN ports ON ports.code = CAST(port_code AS VARCHAR)
  WHERE grain = 'half' AND period = ${P} AND view = 'port_code')
SELECT * FROM (
  SELECT '${NATION}' AS area, * EXCLUDE (province_code, office_code) FROM cells
  UNION ALL SELECT CAST(province_code AS VARCHAR) AS area, * EXCLUDE (province_code, office_code) FROM cells
  UNION ALL SELECT CAST(office_code AS VARCHAR) AS area, * EXCLUDE (province_code, office_code) FROM cells WHERE office_code IS NOT NULL
) ${RANK(5)}`),
    q(`SELECT CASE view WHEN 'is_tak' THEN '${NATION}' WHEN 'province_code+is_tak' THEN CAST(province_code AS VARCHAR) ELSE CAST(office_code AS VARCHAR) END AS area,
  CAST(period AS VARCHAR) AS period, CAST(count AS DOUBLE) AS count, count_withheld
FROM sanctions_totals WHERE grain = 'half' AND is_tak AND view IN ('is_tak', 'province_code+is_tak', 'office_code+is_tak') AND period IN (${P}, ${E})`),
    q(`SELECT CASE view WHEN 'action_group' THEN '${NATION}' WHEN 'province_code+action_group' THEN CAST(province_code AS VARCHAR) ELSE CAST(office_code AS VARCHAR) END AS area,
  CAST(action_group AS VARCHAR) AS code, CAST(count AS DOUBLE) AS count, count_withheld
FROM sanctions_totals WHERE grain = 'half' AND period = ${P} AND view IN ('action_group', 'province_code+action_group', 'office_code+action_group') ${RANK(4)}`),
    q(`WITH cells AS (SELECT CAST(office_code AS VARCHAR) AS code, offices.name AS name_id, offices.name AS name_en, offices.province_code,
    CAST(count AS DOUBLE) AS count, count_withheld
  FROM sanctions_totals JOIN offices ON offices.code = CAST(office_code AS VARCHAR)
  WHERE grain = 'half' AND period = ${P} AND view = 'office_code+is_tak' AND is_tak)
SELECT * FROM (
  SELECT '${NATION}' AS area, * EXCLUDE (province_code) FROM cells
  UNION ALL SELECT CAST(province_code AS VARCHAR) AS area, * EXCLUDE (province_code) FROM cells
) ${RANK(8)}`),
    q(`SELECT CASE view WHEN 'activity' THEN '${NATION}' WHEN 'province_code+activity' THEN CAST(province_code AS VARCHAR) ELSE CAST(office_code AS VARCHAR) END AS area,
  CAST(activity AS VARCHAR) AS code, CAST(activities AS DOUBLE) AS count, false AS count_withheld
FROM operations_totals WHERE grain = 'half' AND period = ${P} AND view IN ('activity', 'province_code+activity', 'office_code+activity') ${RANK(4)}`),
    q(`SELECT step, value, withheld FROM (
  ${['foreigners_checked', 'findings', 'follow_ups'].map((s, i) => `SELECT ${i} AS i, '${s}' AS step, CAST(${s} AS DOUBLE) AS value, ${s}_withheld AS withheld FROM operations_totals WHERE view = 'total' AND grain = 'half' AND period = ${P}`).join('\n  UNION ALL ')}
) ORDER BY i`),
    q('SELECT code FROM provinces ORDER BY code'),
  ]);

  // The inter-agency gaps: the reconciliation chart's own query, nationally (by province) and for
  // each province (by regency/city); the current release's answers are cached from its area pages.
  const gaps = new Map<string, RegistryGapRow[]>();
  gaps.set(NATION, (await queryPublished(registryGaps.sql(NO_FILTERS), dir)) as unknown as RegistryGapRow[]);
  for (const { code } of provinceCodes) {
    gaps.set(String(code), (await queryPublished(registryGaps.sql({ ...NO_FILTERS, province: String(code) }), dir)) as unknown as RegistryGapRow[]);
  }

  const byArea = {
    months: groupBy(months), arrivalHalves: groupBy(arrivalHalves), nationalities: groupBy(nationalities), ports: groupBy(ports), takHalves: groupBy(takHalves),
    groups: groupBy(groups), offices: groupBy(offices), activities: groupBy(activities),
  };
  const halves = (rows: Row[] | undefined) =>
    rows ? { now: cell(rows.find((r) => r.period === period.from)), earlier: cell(rows.find((r) => r.period === period.earlierFrom)) } : null;
  const cache = new Map<string, AreaFacts>();
  return {
    period,
    area(key) {
      const known = cache.get(key);
      if (known) return known;
      const arrivals = halves(byArea.arrivalHalves.get(key));
      const facts: AreaFacts = {
        arrivalsMonths: (byArea.months.get(key) ?? []).map(({ area: _area, ...row }) => row) as unknown as ArrivalsMonthRow[],
        arrivals,
        nationalities: rankingRows(byArea.nationalities.get(key) ?? [], period, arrivals?.now),
        ports: rankingRows(byArea.ports.get(key) ?? [], period, key.startsWith('KANIM') ? undefined : arrivals?.now),
        tak: halves(byArea.takHalves.get(key)),
        sanctionGroups: rankingRows(byArea.groups.get(key) ?? [], period),
        sanctionOffices: rankingRows(byArea.offices.get(key) ?? [], period),
        activities: rankingRows(byArea.activities.get(key) ?? [], period),
        funnel: key === NATION ? funnel.map((r) => ({ step: String(r.step), value: r.withheld ? null : (r.value as number | null), withheld: Boolean(r.withheld), period_from: period.from, period_to: period.to })) : [],
        gaps: gaps.get(key) ?? [],
      };
      cache.set(key, facts);
      return facts;
    },
  };
}

const releases = new Map<string, Promise<ReleaseFacts>>();

/** The figures of every deck of a release folder, queried once per build. */
export function releaseFacts(dir: string): Promise<ReleaseFacts> {
  let facts = releases.get(dir);
  if (!facts) {
    facts = load(dir);
    releases.set(dir, facts);
  }
  return facts;
}
