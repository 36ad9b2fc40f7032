/**
 * The values each filter may take, so a filter read from an address can be checked against codes
 * that exist. Shared by the build (the filter bar's options are rendered into the page) and the
 * browser (src/client/filter-state.ts validates the URL against them).
 *
 * Periods come from the publication's coverage; provinces and nationalities from the published
 * reference tables (read at build time, see src/build/filter-options.ts); categories per table are
 * the code lists of src/schema/tables.ts.
 */
import type { Filters } from './filters.ts';
import { ENUMS, type TableName } from './tables.ts';

/** Allowed codes per filter. A filter with no list (undefined) is not offered on the page. */
export type FilterDomain = Partial<Record<keyof Filters, readonly string[]>>;

/** Column of `<table>_totals` the category filter selects on, and the codes it offers. */
export interface CategoryFilter {
  column: string;
  codes: readonly string[];
}

const codes = (list: readonly { code: string }[]) => list.map((item) => item.code);

/**
 * The category filter of each table. On sanctions "tak" (every Art. 75 action, detention left
 * out) selects the `is_tak` column; any other code selects `action`.
 */
export const CATEGORY_FILTERS: Record<TableName, CategoryFilter> = {
  arrivals: { column: 'visa_category', codes: codes(ENUMS.visaCategory) },
  sanctions: { column: 'action', codes: ['tak', ...codes(ENUMS.sanctionAction)] },
  operations: { column: 'activity', codes: codes(ENUMS.operationActivity) },
  registry: { column: 'metric', codes: codes(ENUMS.registryMetric) },
};

/** The sanctions category code meaning "every TAK action" (is_tak = true). */
export const TAK_CATEGORY = 'tak';

/** The totals column and value a category code selects: on sanctions "tak" is `is_tak = true`, any other code the table's category column. */
export function categorySelection(table: TableName, code: string): { column: string; value: string | true } {
  return table === 'sanctions' && code === TAK_CATEGORY ? { column: 'is_tak', value: true } : { column: CATEGORY_FILTERS[table].column, value: code };
}

/**
 * Every period filter value within a coverage (YYYY-MM to YYYY-MM): years, half-years and months,
 * newest first within each grain. Only periods fully inside the coverage are offered, so a
 * period's total is always a published cell (a half-year still in progress is not a half-year).
 */
export function periodOptions(coverage: { from: string; to: string }): { years: string[]; halves: string[]; months: string[] } {
  const months: string[] = [];
  const [fromYear, fromMonth] = coverage.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = coverage.to.split('-').map(Number) as [number, number];
  for (let y = fromYear, m = fromMonth; y < toYear || (y === toYear && m <= toMonth); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const covered = new Set(months);
  const halves: string[] = [];
  const years: string[] = [];
  for (let y = fromYear; y <= toYear; y += 1) {
    const has = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${y}-${String(from + i).padStart(2, '0')}`).every((m) => covered.has(m));
    if (has(1, 6)) halves.push(`${y}-H1`);
    if (has(7, 12)) halves.push(`${y}-H2`);
    if (has(1, 12)) years.push(String(y));
  }
  return { years: years.reverse(), halves: halves.reverse(), months: months.reverse() };
}
