/**
 * SQL building blocks shared by the chart definitions. Only core DuckDB SQL (no extensions): the
 * same text runs in native DuckDB at build time and in DuckDB-WASM in the browser.
 *
 * Every figure comes from `<table>_totals`: a chart asks for the view whose dimensions are its
 * breakdown plus the active filters, and `totalsView` refuses a combination that is not published
 * rather than adding protected cells up.
 */
import { DISCLOSURE, GRAIN_MONTHS, grainsOf, PERIOD_GRAINS, totalsTableName, type PeriodGrain, type TotalsView } from '../schema/disclosure.ts';
import { categorySelection } from '../schema/filter-values.ts';
import { periodRange, type Filters } from '../schema/filters.ts';
import { ACTION_GROUPS, type TableName } from '../schema/tables.ts';
import { sqlString } from '../shared/sql-text.ts';

export class UnsupportedFiltersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFiltersError';
  }
}

/**
 * Dimension = value conditions for the active filters (office implies its province, so it replaces
 * it). A filter the chart does not answer is refused, the period too: a chart that always draws
 * every month (a trend) must say it ignores a period rather than quietly keep its months.
 */
export function filterConditions(table: TableName, filters: Filters, answered: readonly (keyof Filters)[]): { dim: string; value: string | boolean }[] {
  const out: { dim: string; value: string | boolean }[] = [];
  const refuse = (name: keyof Filters) => {
    throw new UnsupportedFiltersError(`${table}: this chart does not answer the ${name} filter`);
  };
  if (filters.period && !answered.includes('period')) refuse('period');
  for (const name of ['office', 'province', 'nationality', 'category'] as const) {
    const value = filters[name];
    if (value === null || value === undefined || value === '') continue;
    if (!answered.includes(name)) refuse(name);
    if (name === 'office') out.push({ dim: 'office_code', value });
    else if (name === 'province') {
      if (!filters.office) out.push({ dim: 'province_code', value });
    } else if (name === 'nationality') out.push({ dim: 'nationality', value });
    else {
      const selected = categorySelection(table, value);
      out.push({ dim: selected.column, value: selected.value });
    }
  }
  return out;
}

/** The published view with exactly these dimensions, or UnsupportedFiltersError. */
function viewWith(table: TableName, dims: readonly string[]): TotalsView {
  const wanted = new Set(dims);
  const match = DISCLOSURE[table].views.find((v) => v.dims.length === wanted.size && v.dims.every((d) => wanted.has(d)));
  if (!match) throw new UnsupportedFiltersError(`${table}_totals has no view over ${[...wanted].join(' + ') || 'nothing'}`);
  return match;
}

/** The grains a view publishes all of these measures at (with none given, the grains of its rows). */
function sharedGrains(view: TotalsView, measures: readonly string[]): PeriodGrain[] {
  return PERIOD_GRAINS.filter((g) => (measures.length === 0 ? [undefined] : measures).every((m) => grainsOf(view, m).includes(g)));
}

/**
 * The published view with exactly these dimensions at a grain, or UnsupportedFiltersError. With
 * grain null (no period filter), the coarsest grain the view is published at: a year, or a
 * half-year for the sanctions breakdowns. `measures` are the measures the chart reads: a view may
 * publish some at fewer grains, or none (operations' person counts are in the national total only).
 */
export function totalsView(table: TableName, dims: readonly string[], grain: PeriodGrain | null, measures: readonly string[] = []): { view: string; grain: PeriodGrain } {
  const match = viewWith(table, dims);
  const grains = sharedGrains(match, measures);
  if (grains.length === 0) throw new UnsupportedFiltersError(`${table}_totals does not publish ${measures.join(', ')} by ${match.name}`);
  const chosen = grain ?? grains.at(-1)!;
  if (!grains.includes(chosen)) throw new UnsupportedFiltersError(`${table}_totals publishes ${measures.length ? `${measures.join(', ')} by ` : ''}${match.name} by ${grains.join(' and ')} only, not by ${chosen}`);
  return { view: match.name, grain: chosen };
}

/** The grain of the period filter (2024-H1 → half), or null when there is none. */
export function filterGrain(filters: Filters): PeriodGrain | null {
  return (filters.period ? periodRange(filters.period)?.grain : null) ?? null;
}

function hasView(table: TableName, dims: readonly string[], grain: PeriodGrain | null, measures: readonly string[]): boolean {
  try {
    totalsView(table, dims, grain, measures);
    return true;
  } catch (error) {
    if (error instanceof UnsupportedFiltersError) return false;
    throw error;
  }
}

const literal = (value: string | boolean): string => (typeof value === 'boolean' ? String(value) : sqlString(value));

export interface TotalsSelection {
  /** `view = … AND dim = value …` for the view of breakdown ∪ filters. */
  where: string;
  view: string;
  /** The grain read: the period filter's, or the coarsest the view is published at. */
  grain: PeriodGrain;
}

/**
 * Picks the view for a breakdown under the filters at a grain and writes its WHERE clause (without
 * the period). A sanctions action filter on a breakdown published by action group reads the group
 * when the action is a group of its own (deportasi, penangkalan, detensi).
 */
export function selectTotals(table: TableName, breakdown: readonly string[], filters: Filters, answered: readonly (keyof Filters)[], grain: PeriodGrain | null, measures: readonly string[] = []): TotalsSelection {
  const conditions = filterConditions(table, filters, answered);
  const dimsOf = (list: typeof conditions) => [...new Set([...breakdown, ...list.map((c) => c.dim)])];
  let dims = dimsOf(conditions);
  const grouped = conditions.map((c) => (c.dim === 'action' && ACTION_GROUPS.some((g) => g.code === c.value) ? { dim: 'action_group', value: c.value } : c));
  if (table === 'sanctions' && !hasView(table, dims, grain, measures) && hasView(table, dimsOf(grouped), grain, measures)) {
    conditions.splice(0, conditions.length, ...grouped);
    dims = dimsOf(grouped);
  }
  const { view, grain: chosen } = totalsView(table, dims, grain, measures);
  const where = [`view = ${sqlString(view)}`, ...conditions.map((c) => `${c.dim} = ${literal(c.value)}`)].join(' AND ');
  return { where, view, grain: chosen };
}

/** Last month with data in a table's totals, as a DATE expression. */
export const lastMonthSql = (table: TableName): string =>
  `(SELECT max(period) FROM ${totalsTableName(table)} WHERE grain = 'month')`;

/**
 * The period a breakdown covers: the filter's year, half-year or month, or by default the latest
 * year with data. Gives the grain/period condition and the first and last month covered (the last
 * may be cut short by the snapshot), as SQL expressions.
 */
export function periodSelection(table: TableName, filters: Filters, grain: PeriodGrain = 'year'): { where: string; from: string; to: string } {
  const last = lastMonthSql(table);
  if (filters.period) {
    const range = periodRange(filters.period);
    if (!range) throw new UnsupportedFiltersError(`period "${filters.period}" is not YYYY, YYYY-H1/H2 or YYYY-MM`);
    const from = `DATE ${sqlString(`${range.from}-01`)}`;
    const to = `least(DATE ${sqlString(`${range.to}-01`)}, ${last})`;
    return { where: `grain = ${sqlString(range.grain)} AND period = ${from}`, from, to };
  }
  const latest = `(SELECT max(period) FROM ${totalsTableName(table)} WHERE grain = ${sqlString(grain)})`;
  const months = GRAIN_MONTHS[grain] - 1;
  return {
    where: `grain = ${sqlString(grain)} AND period = ${latest}`,
    from: latest,
    to: `least(${latest} + INTERVAL ${months} MONTH, ${last})`,
  };
}

/**
 * The date a stock (a count at a date, see STOCK_METRICS) is read at: its last month with data in
 * the filter's period, or by default its last month with data at all. A half-year or a year of a
 * stock is its last observation, never the published sum of its months. `viewWhere` selects the
 * view and filters (selectTotals at grain 'month'); from and to are both that month.
 */
export function stockDateSelection(table: TableName, filters: Filters, viewWhere: string): { where: string; from: string; to: string } {
  const range = filters.period ? periodRange(filters.period) : null;
  if (filters.period && !range) throw new UnsupportedFiltersError(`period "${filters.period}" is not YYYY, YYYY-H1/H2 or YYYY-MM`);
  const within = range ? ` AND period BETWEEN DATE ${sqlString(`${range.from}-01`)} AND DATE ${sqlString(`${range.to}-01`)}` : '';
  const date = `(SELECT max(period) FROM ${totalsTableName(table)} WHERE grain = 'month' AND ${viewWhere}${within})`;
  return { where: `grain = 'month' AND period = ${date}`, from: date, to: date };
}
