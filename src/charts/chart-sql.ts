/**
 * SQL building blocks shared by the chart definitions. Only core DuckDB SQL (no extensions): the
 * same text runs in native DuckDB at build time and in DuckDB-WASM in the browser.
 *
 * Every figure comes from `<table>_totals`: a chart asks for the view whose dimensions are its
 * breakdown plus the active filters, and `totalsView` refuses a combination that is not published
 * rather than adding protected cells up.
 */
import { DISCLOSURE, totalsTableName } from '../schema/disclosure.ts';
import { periodRange, type Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';

export class UnsupportedFiltersError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFiltersError';
  }
}

export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The page category filter's column in each table. */
export const CATEGORY_COLUMN: Record<TableName, string> = {
  arrivals: 'visa_category',
  sanctions: 'action',
  operations: 'activity',
  registry: 'metric',
};

/** Dimension = value conditions for the active filters (office implies its province, so it replaces it). */
export function filterConditions(table: TableName, filters: Filters, answered: readonly (keyof Filters)[]): { dim: string; value: string | boolean }[] {
  const out: { dim: string; value: string | boolean }[] = [];
  const refuse = (name: keyof Filters) => {
    throw new UnsupportedFiltersError(`${table}: this chart does not answer the ${name} filter`);
  };
  for (const name of ['office', 'province', 'nationality', 'category'] as const) {
    const value = filters[name];
    if (value === null || value === undefined || value === '') continue;
    if (!answered.includes(name)) refuse(name);
    if (name === 'office') out.push({ dim: 'office_code', value });
    else if (name === 'province') {
      if (!filters.office) out.push({ dim: 'province_code', value });
    } else if (name === 'nationality') out.push({ dim: 'nationality', value });
    else if (table === 'sanctions' && value === 'tak') out.push({ dim: 'is_tak', value: true });
    else out.push({ dim: CATEGORY_COLUMN[table], value });
  }
  return out;
}

/** The published view with exactly these dimensions, or UnsupportedFiltersError. */
export function totalsView(table: TableName, dims: readonly string[]): string {
  const wanted = new Set(dims);
  const match = DISCLOSURE[table].views.find((v) => v.dims.length === wanted.size && v.dims.every((d) => wanted.has(d)));
  if (!match) throw new UnsupportedFiltersError(`${table}_totals has no view over ${[...wanted].join(' + ') || 'nothing'}`);
  return match.name;
}

const literal = (value: string | boolean): string => (typeof value === 'boolean' ? String(value) : sqlString(value));

export interface TotalsSelection {
  /** `view = … AND dim = value …` for the view of breakdown ∪ filters. */
  where: string;
  view: string;
}

/** Picks the view for a breakdown under the filters and writes its WHERE clause (without the period). */
export function selectTotals(table: TableName, breakdown: readonly string[], filters: Filters, answered: readonly (keyof Filters)[]): TotalsSelection {
  const conditions = filterConditions(table, filters, answered);
  const dims = [...new Set([...breakdown, ...conditions.map((c) => c.dim)])];
  const view = totalsView(table, dims);
  const where = [`view = ${sqlString(view)}`, ...conditions.map((c) => `${c.dim} = ${literal(c.value)}`)].join(' AND ');
  return { where, view };
}

/** Last month with data in a table's totals, as a DATE expression. */
export const lastMonthSql = (table: TableName): string =>
  `(SELECT max(period) FROM ${totalsTableName(table)} WHERE grain = 'month')`;

/**
 * The period a breakdown covers: the filter's year, half-year or month, or by default the latest
 * year with data. Gives the grain/period condition and the first and last month covered (the last
 * may be cut short by the snapshot), as SQL expressions.
 */
export function periodSelection(table: TableName, filters: Filters): { where: string; from: string; to: string } {
  const last = lastMonthSql(table);
  if (filters.period) {
    const range = periodRange(filters.period);
    if (!range) throw new UnsupportedFiltersError(`period "${filters.period}" is not YYYY, YYYY-H1/H2 or YYYY-MM`);
    const from = `DATE ${sqlString(`${range.from}-01`)}`;
    const to = `least(DATE ${sqlString(`${range.to}-01`)}, ${last})`;
    return { where: `grain = ${sqlString(range.grain)} AND period = ${from}`, from, to };
  }
  const latestYear = `(SELECT max(period) FROM ${totalsTableName(table)} WHERE grain = 'year')`;
  return {
    where: `grain = 'year' AND period = ${latestYear}`,
    from: latestYear,
    to: `least(${latestYear} + INTERVAL 11 MONTH, ${last})`,
  };
}

/** A DATE expression as "YYYY-MM-DD" text, so rows are the same JSON in both engines. */
export const dateText = (expression: string): string => `CAST(CAST(${expression} AS DATE) AS VARCHAR)`;

/** A count as a plain number in both engines (BIGINT arrives as BigInt in JavaScript). */
export const countNumber = (expression: string): string => `CAST(${expression} AS DOUBLE)`;
