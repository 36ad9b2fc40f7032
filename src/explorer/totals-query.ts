/**
 * SQL over `<table>_totals` for a breakdown (a disclosure view), a measure, a period grain and the
 * filters. Runs unchanged in native DuckDB at build time and in DuckDB-WASM in the browser.
 *
 * Every number comes from one published cell: a filter on a column the breakdown lacks picks the
 * view that has both (the explorer's "nationality" breakdown filtered to Bali reads view
 * `province_code+nationality` where province_code = '51'), never a sum of finer cells. A filter no
 * published view can answer is reported in `unavailable` and not applied. A province filter on a
 * port/office/regency breakdown keeps the children that lie in the province (a code lookup, not a sum).
 */
import { DISCLOSURE, GRAIN_MONTHS, grainsOf, PERIOD_GRAINS, publishesGrain, totalsDimensions, totalsTableName, withheldColumn, type PeriodGrain, type TotalsView } from '../schema/disclosure.ts';
import { CATEGORY_FILTERS, categorySelection } from '../schema/filter-values.ts';
import { periodRange, type Filters } from '../schema/filters.ts';
import { ACTION_GROUPS, TAK_ACTIONS, type TableName } from '../schema/tables.ts';
import { sqlIdent, sqlString, sqlStringList } from '../shared/sql-text.ts';

export interface TotalsRequest {
  table: TableName;
  /** A view name of DISCLOSURE[table].views: the breakdown shown. */
  view: string;
  /** A measure of DISCLOSURE[table].measures. */
  measure: string;
  grain: PeriodGrain;
  filters: Filters;
  locale: 'id' | 'en';
}

export interface TotalsPlan {
  sql: string;
  /** The breakdown asked for. */
  view: TotalsView;
  /** The published view the numbers are read from (the breakdown plus filtered columns). */
  sourceView: string;
  /** The grain used: a period filter finer than the asked grain wins (2024-03 shows months). */
  grain: PeriodGrain;
  applied: (keyof Filters)[];
  unavailable: (keyof Filters)[];
  /** Label column of each breakdown dimension that has one in a reference table. */
  labels: Record<string, string>;
}

/** Reference table giving names (and provinces) of a dimension's codes. */
const REFERENCE: Record<string, { table: string; code: string; name: (locale: 'id' | 'en') => string; province?: string }> = {
  province_code: { table: 'provinces', code: 'code', name: () => 'name' },
  nationality: { table: 'countries', code: 'iso3', name: (locale) => (locale === 'id' ? 'name_id' : 'name_en') },
  port_code: { table: 'ports', code: 'code', name: () => 'name', province: 'province_code' },
  office_code: { table: 'offices', code: 'code', name: () => 'name', province: 'province_code' },
  region_code: { table: 'regencies', code: 'code', name: () => 'name', province: 'province_code' },
};

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((d) => b.includes(d));

/** The column a filter selects on in a table's totals, and the value, or null if the table has no such filter. */
function filterColumn(table: TableName, key: keyof Filters, value: string): { column: string; sqlValue: string } | null {
  switch (key) {
    case 'province':
      return { column: 'province_code', sqlValue: sqlString(value) };
    case 'nationality':
      return totalsDimensions(table).includes('nationality') ? { column: 'nationality', sqlValue: sqlString(value) } : null;
    case 'office':
      return totalsDimensions(table).includes('office_code') ? { column: 'office_code', sqlValue: sqlString(value) } : null;
    case 'category':
      if (!CATEGORY_FILTERS[table].codes.includes(value)) return null;
      const selected = categorySelection(table, value);
      return { column: selected.column, sqlValue: selected.value === true ? 'true' : sqlString(selected.value) };
    default:
      return null;
  }
}

export function totalsQuery(request: TotalsRequest): TotalsPlan {
  const { table, filters, locale } = request;
  const rule = DISCLOSURE[table];
  const view = rule.views.find((v) => v.name === request.view);
  if (!view) throw new Error(`${table} has no view ${request.view}; see src/schema/disclosure.ts`);
  const measure = rule.measures.find((m) => m.name === request.measure);
  if (!measure) throw new Error(`${table} has no measure ${request.measure}`);

  // The grain: a period filter finer than the asked grain wins (2024-03 shows months), and a
  // breakdown published at fewer grains (sanctions by office: half-years only) is read at the
  // nearest coarser grain it has, or else its finest. The explorer offers a measure only the
  // breakdowns that publish it (measureDesign in src/schema/disclosure.ts).
  const grains = grainsOf(view, measure.name);
  if (grains.length === 0) throw new Error(`${table}_totals does not publish ${measure.name} by ${view.name}; see measureDesign() in src/schema/disclosure.ts`);
  let grain = request.grain;
  const range = filters.period ? periodRange(filters.period) : null;
  if (range && GRAIN_MONTHS[range.grain] < GRAIN_MONTHS[grain]) grain = range.grain;
  if (!grains.includes(grain)) grain = PERIOD_GRAINS.find((g) => GRAIN_MONTHS[g] >= GRAIN_MONTHS[grain] && grains.includes(g)) ?? grains[0]!;

  const viewOf = (dims: readonly string[]) => rule.views.find((v) => sameSet(v.dims, dims) && publishesGrain(v, grain, measure.name));
  const dims = [...view.dims];
  const where: string[] = [];
  const applied: (keyof Filters)[] = [];
  const unavailable: (keyof Filters)[] = [];

  for (const key of ['province', 'nationality', 'category', 'office'] as const) {
    const value = filters[key];
    if (value === null) continue;
    let target = filterColumn(table, key, value);
    // An action that is an action group of its own reads the group where only groups are published.
    if (target?.column === 'action' && !dims.includes('action') && !viewOf([...dims, 'action']) && ACTION_GROUPS.some((g) => g.code === value) && (dims.includes('action_group') || viewOf([...dims, 'action_group']))) {
      target = { column: 'action_group', sqlValue: target.sqlValue };
    }
    if (!target) {
      unavailable.push(key);
      continue;
    }
    const child = key === 'province' ? dims.find((d) => REFERENCE[d]?.province) : undefined;
    if (target.column === 'is_tak' && dims.includes('action') && !viewOf([...dims, target.column])) {
      // "All TAK" on an action breakdown: the TAK actions are the rows to keep (action → is_tak).
      where.push(`action IN (${sqlStringList(TAK_ACTIONS)})`);
      applied.push(key);
    } else if (dims.includes(target.column) || viewOf([...dims, target.column])) {
      if (!dims.includes(target.column)) dims.push(target.column);
      where.push(`${sqlIdent(target.column)} = ${target.sqlValue}`);
      applied.push(key);
    } else if (child) {
      const ref = REFERENCE[child]!;
      where.push(`${sqlIdent(child)} IN (SELECT ${sqlIdent(ref.code)} FROM ${ref.table} WHERE ${sqlIdent(ref.province!)} = ${target.sqlValue})`);
      applied.push(key);
    } else {
      unavailable.push(key);
    }
  }
  const source = viewOf(dims)!;

  if (range) {
    // Whole periods of the grain inside the filter's months: 2024-H1 at month grain is Jan–Jun.
    where.push(`period >= DATE ${sqlString(`${range.from}-01`)}`);
    where.push(`period + INTERVAL ${GRAIN_MONTHS[grain] - 1} MONTH <= DATE ${sqlString(`${range.to}-01`)}`);
    applied.push('period');
  }
  if (!PERIOD_GRAINS.includes(grain)) throw new Error(`unknown grain ${grain}`);

  const labels: Record<string, string> = {};
  const joins: string[] = [];
  const select = ['CAST(t.period AS VARCHAR) AS period'];
  for (const [i, dim] of view.dims.entries()) {
    select.push(`t.${sqlIdent(dim)}`);
    const ref = REFERENCE[dim];
    if (ref) {
      const alias = `r${i}`;
      joins.push(`LEFT JOIN ${ref.table} ${alias} ON ${alias}.${sqlIdent(ref.code)} = t.${sqlIdent(dim)}`);
      labels[dim] = `${dim}_label`;
      select.push(`${alias}.${sqlIdent(ref.name(locale))} AS ${sqlIdent(`${dim}_label`)}`);
    }
  }
  select.push(`t.${sqlIdent(measure.name)}`, `t.${sqlIdent(withheldColumn(measure.name))}`);
  const conditions = [`view = ${sqlString(source.name)}`, `grain = ${sqlString(grain)}`, ...where];
  const sql = `SELECT ${select.join(', ')}
FROM (SELECT * FROM ${totalsTableName(table)} WHERE ${conditions.join(' AND ')}) t
${joins.join('\n')}
ORDER BY ${[...view.dims.map((d) => `t.${sqlIdent(d)}`), 't.period'].join(', ')}`;
  return { sql, view, sourceView: source.name, grain, applied, unavailable, labels };
}
