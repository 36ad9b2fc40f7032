/**
 * Aggregate: the SELECT for `<table>_totals`, every view of src/schema/disclosure.ts at each period
 * grain it is published at. Views are made by month, each from the smallest finer view already made (see
 * aggregationPlan), and half-years and years are summed from the months. The site takes every total
 * it shows from here, so no total is ever made in the browser by adding up protected cells.
 *
 * Columns: view, grain, period (first day of the month, half-year or year), every dimension used by
 * some view (null where the view sums over it), then each measure and its `<measure>_withheld` flag.
 * Disclosure control (scripts/anonymise) decides the flags; here every cell starts published.
 */
import { DISCLOSURE, PERIOD_GRAINS, totalsDimensions, withheldColumn, type PeriodGrain, type TotalsView } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';

/** The first day of the half-year or year holding a month (a DATE column). */
const PERIOD_OF_MONTH: Record<Exclude<PeriodGrain, 'month'>, (column: string) => string> = {
  half: (c) => `make_date(year(${c}), CASE WHEN month(${c}) <= 6 THEN 1 ELSE 7 END, 1)`,
  year: (c) => `make_date(year(${c}), 1, 1)`,
};

/** The value summed for a measure: `activities` counts rows (one row is one activity). */
const measureSum = (name: string) => (name === 'activities' ? 'count(*)' : `sum(${sqlIdent(name)})`);

/**
 * @param publishedRows a SELECT (or table name) giving the table's published rows: every fact
 *   column plus the derived ones (month, province_code, is_tak...).
 */
export function totalsTableSql(table: TableName, publishedRows: string): string {
  const rule = DISCLOSURE[table];
  const dims = totalsDimensions(table);
  const cols = dims.map((d) => `, ${sqlIdent(d)}`).join('');
  const measureCols = rule.measures.map((m) => `, ${sqlIdent(m.name)}`).join('');
  const plan = aggregationPlan(table);
  const summedMeasures = rule.measures.map((m) => `sum(${sqlIdent(m.name)})::BIGINT AS ${sqlIdent(m.name)}`).join(', ');
  // Each view by month, as its own materialised step, grouped from the smallest step before it that
  // holds its dimensions (or from the rows): most views are sums of a few million cells, not of the rows.
  const steps = plan.map((step, i) => {
    const source = step.source === null ? `(${publishedRows})` : `view_${step.source}`;
    const measures = rule.measures.map((m) => `${step.source === null ? measureSum(m.name) : `sum(${sqlIdent(m.name)})`}::BIGINT AS ${sqlIdent(m.name)}`);
    return `view_${i} AS MATERIALIZED (SELECT month${step.carried.map((d) => `, ${sqlIdent(d)}`).join('')}, ${measures.join(', ')} FROM ${source} GROUP BY ALL)`;
  });
  const byMonth = plan.map((step, i) => {
    const columns = dims.map((d) => (step.view.dims.includes(d) ? `, ${sqlIdent(d)}` : `, NULL AS ${sqlIdent(d)}`)).join('');
    const select = `SELECT ${sqlString(step.view.name)} AS view, ${step.order} AS view_order, month AS period${columns}`;
    // A step carrying a hierarchy parent is summed over it again, so a child that reports under two
    // parents in the data still gives one row per view cell.
    if (step.carried.length > step.view.dims.length) return `${select}, ${summedMeasures} FROM view_${i} GROUP BY month${step.view.dims.map((d) => `, ${sqlIdent(d)}`).join('')}`;
    return `${select}${measureCols} FROM view_${i}`;
  });
  const flags = rule.measures.flatMap((m) => [`, ${sqlIdent(m.name)}`, `, false AS ${sqlIdent(withheldColumn(m.name))}`]).join('');
  // Half-years are sums of the month totals, years of the half-years.
  const rollUp = (grain: 'half' | 'year', from: string) => `SELECT view, view_order, ${PERIOD_OF_MONTH[grain]('period')} AS period${cols}, ${summedMeasures}
      FROM ${from} GROUP BY view, view_order, ${PERIOD_OF_MONTH[grain]('period')}${cols}`;
  // Views published at fewer grains (src/schema/disclosure.ts) still sum through the others; their
  // rows at the unpublished grains are dropped at the end.
  const partial = rule.views.filter((v) => v.grains.length < PERIOD_GRAINS.length);
  const grainFilter = partial.length === 0 ? '' : `
    WHERE ${partial.map((v) => `NOT (view = ${sqlString(v.name)} AND grain NOT IN (${v.grains.map(sqlString).join(', ')}))`).join(' AND ')}`;
  return `WITH ${steps.join(',\n    ')},
    by_month AS MATERIALIZED (${byMonth.join('\n      UNION ALL ')}),
    by_half AS MATERIALIZED (${rollUp('half', 'by_month')}),
    by_year AS (${rollUp('year', 'by_half')})
    SELECT view, grain, period${cols}${flags}
    FROM (
      SELECT view, view_order, 'month' AS grain, 0 AS grain_order, period${cols}${measureCols} FROM by_month
      UNION ALL SELECT view, view_order, 'half', 1, period${cols}${measureCols} FROM by_half
      UNION ALL SELECT view, view_order, 'year', 2, period${cols}${measureCols} FROM by_year
    )${grainFilter}
    ORDER BY view_order, grain_order, period${dims.map((d) => `, ${sqlIdent(d)} NULLS FIRST`).join('')}`;
}

interface AggregationStep {
  view: TotalsView;
  /** Position of the view in DISCLOSURE (the order rows are published in). */
  order: number;
  /** Columns the step keeps: the view's dimensions and the hierarchy parents they determine (port → province). */
  carried: string[];
  /** Index of the earlier step it is summed from, or null: from the rows. */
  source: number | null;
}

/**
 * The order the month totals are made in: views with more columns first, each from the earlier
 * step with the fewest columns that still holds its own (a port's step carries its province, so the
 * province views can come from the port views).
 */
export function aggregationPlan(table: TableName): AggregationStep[] {
  const { views, hierarchies } = DISCLOSURE[table];
  const dims = totalsDimensions(table);
  const carriedBy = (viewDims: readonly string[]) => {
    const out = new Set(viewDims);
    for (const h of hierarchies) if (out.has(h.child) && dims.includes(h.parent)) out.add(h.parent);
    return dims.filter((d) => out.has(d));
  };
  const ordered = views.map((view, order) => ({ view, order, carried: carriedBy(view.dims) })).sort((a, b) => b.carried.length - a.carried.length || a.order - b.order);
  const steps: AggregationStep[] = [];
  for (const { view, order, carried } of ordered) {
    let source: number | null = null;
    steps.forEach((step, i) => {
      if (!carried.every((d) => step.carried.includes(d))) return;
      if (source === null || step.carried.length < steps[source]!.carried.length) source = i;
    });
    steps.push({ view, order, carried, source });
  }
  return steps;
}
