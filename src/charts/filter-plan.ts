/**
 * Which of the reader's filters a chart can show, decided from its definition and the published
 * views (its `sql` refuses what no view answers): the filters it is drawn with, and the ones it
 * cannot answer, each alone or only together with the others. A chart never drops a filter
 * silently: the caller says which ones it left out and why (src/i18n/filter-notes.ts).
 */
import { NO_FILTERS, periodRange, type Filters } from '../schema/filters.ts';
import type { AnyChartDefinition, ChartRow } from './chart-definition.ts';
import { supportsFilters } from './registry.ts';

type FilterKey = keyof Filters;
const KEYS = Object.keys(NO_FILTERS) as FilterKey[];

export interface FilterPlan {
  /** What the chart is drawn with: its own build filters plus every reader choice it answers. */
  applied: Filters;
  /** Reader choices it shows (for the caption and the empty sentence). */
  shown: FilterKey[];
  /** Reader choices it cannot answer on their own. */
  alone: FilterKey[];
  /** Reader choices it answers one by one, but not on top of the others it shows. */
  together: FilterKey[];
  /** The grain of a refused period filter the chart answers at other grains (a month where half-years are published), else null. */
  periodGrain: 'year' | 'half' | 'month' | null;
  /** The chart declares no period filter: it draws every period there is. */
  drawsEveryPeriod: boolean;
}

/** The reader's choices on top of the chart's own: a fixed (build) filter cannot be overridden. */
function effectiveFilters(built: Partial<Filters>, chosen: Filters): Filters {
  const out: Filters = { ...NO_FILTERS };
  for (const key of KEYS) out[key] = built[key] ?? chosen[key] ?? null;
  return out;
}

export function planFilters(chart: AnyChartDefinition, built: Partial<Filters>, chosen: Filters): FilterPlan {
  const base = effectiveFilters(built, NO_FILTERS);
  const reader = KEYS.filter((key) => chosen[key] !== null && (built[key] ?? null) === null);
  const withKey = (filters: Filters, key: FilterKey): Filters => ({ ...filters, [key]: chosen[key] });
  const alone = reader.filter((key) => !supportsFilters(chart, withKey(base, key)));
  let applied = base;
  const shown: FilterKey[] = [];
  const together: FilterKey[] = [];
  for (const key of reader) {
    if (alone.includes(key)) continue;
    const next = withKey(applied, key);
    if (supportsFilters(chart, next)) {
      applied = next;
      shown.push(key);
    } else together.push(key);
  }
  const period = alone.includes('period') && chosen.period ? periodRange(chosen.period) : null;
  const drawsEveryPeriod = !chart.filters.includes('period');
  return { applied, shown, alone, together, periodGrain: period && !drawsEveryPeriod ? period.grain : null, drawsEveryPeriod };
}

/**
 * Nothing to draw: no rows, or the chart's first count (its main figure) zero or missing in every
 * row with none withheld. A withheld cell is not empty: it is there, and shown as "[c]".
 */
export function isEmptyResult(chart: AnyChartDefinition, rows: readonly ChartRow[]): boolean {
  if (rows.length === 0) return true;
  const column = chart.columns.find((c) => c.type === 'count');
  if (!column) return false;
  return rows.every((row) => (column.withheld ? row[column.withheld] !== true : true) && (row[column.key] === null || row[column.key] === 0));
}
