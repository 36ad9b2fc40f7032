/**
 * Aggregate: `<table>_totals`, every view of src/schema/disclosure.ts at each period grain it is
 * published at. Each view is made by month from the smallest finer view already made (see
 * aggregationPlan), and its half-years from that same view's half-years (the finest from its own
 * months); years from half-years. The site takes every total it shows from here, so no total is
 * ever made in the browser by adding up protected cells.
 *
 * Columns: view, grain (ENUMs, see scripts/lib/totals-column-types.ts), period (first day of the month,
 * half-year or year), every dimension used by some view (null where the view sums over it), then
 * each measure and its `<measure>_withheld` flag.
 * Disclosure control (scripts/anonymise) decides the flags; here every cell starts published.
 * A stock (foreign residents) has month rows only: see stockMonthsOnly.
 *
 * Rows are in publication order: view by view as DISCLOSURE lists them, months, half-years, years,
 * then by period and dimensions. Each view and grain is sorted on its own and appended in that
 * order; one sort of all 21 M rows of 20 M arrival rows, every dimension in the key, took longer.
 */
import { DISCLOSURE, PERIOD_GRAINS, totalsDimensions, withheldColumn, type PeriodGrain, type TotalsView } from '../../src/schema/disclosure.ts';
import { STOCK_METRICS, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlStringList, type Db } from '../lib/duckdb.ts';
import { periodAt } from '../lib/period-sql.ts';
import { createTotalsColumnTypes, grainLiteral, PERIOD_GRAIN_TYPE, TOTALS_VIEW_TYPE, viewLiteral } from '../lib/totals-column-types.ts';

/**
 * Stocks are counted at a date (STOCK_METRICS: registry's foreign residents), so adding their
 * months up to a half-year or a year means nothing: their totals are months only. Across areas,
 * at one date, they add up as any count does.
 */
function stockMonthsOnly(table: TableName): string {
  if (table !== 'registry' || STOCK_METRICS.length === 0) return 'true';
  return `(grain = ${grainLiteral('month')} OR metric NOT IN (${sqlStringList(STOCK_METRICS)}))`;
}

/** The value summed for a measure: `activities` counts rows (one row is one activity). */
const measureSum = (name: string) => (name === 'activities' ? 'count(*)' : `sum(${sqlIdent(name)})`);

/**
 * Creates the temp table `target` with every total of `table`.
 * @param publishedRows a SELECT (or table name) giving the table's published rows: every fact
 *   column plus the derived ones (month, province_code, is_tak...).
 * @param keep SQL condition on `grain` and `period`: the cells to keep (complete periods only).
 */
export async function buildTotalsTable(db: Db, table: TableName, publishedRows: string, target: string, keep = 'true'): Promise<void> {
  const rule = DISCLOSURE[table];
  const dims = totalsDimensions(table);
  const measures = rule.measures.map((m) => m.name);
  const plan = aggregationPlan(table);
  await createTotalsColumnTypes(db);
  const step = (i: number, grain: PeriodGrain) => sqlIdent(`totals_step_${i}_${grain}`);
  const summed = (from: string, i: number, period: string, sums: (m: string) => string) => {
    const carried = plan[i]!.carried.map(sqlIdent);
    return `SELECT ${[`${period} AS period`, ...carried, ...measures.map((m) => `${sums(m)}::BIGINT AS ${sqlIdent(m)}`)].join(', ')} FROM ${from} GROUP BY ALL`;
  };
  const sum = (m: string) => `sum(${sqlIdent(m)})`;
  // Months: each view from the smallest step before it that holds its dimensions, or from the rows.
  for (const [i, s] of plan.entries()) {
    const statement = s.source === null ? summed(`(${publishedRows})`, i, 'month', measureSum) : summed(step(s.source, 'month'), i, 'period', sum);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${step(i, 'month')} AS ${statement}`);
  }
  // Half-years likewise (the finest from its own months), years from each view's half-years.
  for (const [i, s] of plan.entries()) {
    const half = s.source === null ? summed(step(i, 'month'), i, periodAt('month', 'half', 'period'), sum) : summed(step(s.source, 'half'), i, 'period', sum);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${step(i, 'half')} AS ${half}`);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${step(i, 'year')} AS ${summed(step(i, 'half'), i, periodAt('half', 'year', 'period'), sum)}`);
  }

  const determined = await parentsDeterminedByChild(db, table, publishedRows);
  const columns = ['view', 'grain', 'period', ...dims, ...measures.flatMap((m) => [m, withheldColumn(m)])].map(sqlIdent);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(target)} AS SELECT ${[`NULL::${TOTALS_VIEW_TYPE} AS view`, `NULL::${PERIOD_GRAIN_TYPE} AS grain`, 'NULL::DATE AS period', ...dims.map((d) => `r.${sqlIdent(d)}`),
    ...measures.flatMap((m) => [`NULL::BIGINT AS ${sqlIdent(m)}`, `NULL::BOOLEAN AS ${sqlIdent(withheldColumn(m))}`])].join(', ')} FROM (${publishedRows}) r LIMIT 0`);
  const ordered = await db.runAndReadAll("SELECT current_setting('preserve_insertion_order')");
  await db.run('SET preserve_insertion_order = true');
  try {
    for (const [i, s] of [...plan.entries()].sort(([, a], [, b]) => a.order - b.order)) {
      const own = dims.filter((d) => s.view.dims.includes(d)).map(sqlIdent);
      // A step carrying a hierarchy parent is summed over it again, so a child that reports under
      // two parents in the data still gives one row per view cell; where the data gives each child
      // one parent, the step's rows are the view's cells already (for arrivals' port views, 16.8 M
      // rows summed again for nothing).
      const extra = s.carried.filter((d) => !s.view.dims.includes(d));
      const cells = (from: string) => (extra.some((d) => !determined.has(d))
        ? `SELECT ${['period', ...own, ...measures.map((m) => `sum(${sqlIdent(m)})::BIGINT AS ${sqlIdent(m)}`)].join(', ')} FROM ${from} GROUP BY ALL`
        : `SELECT * FROM ${from}`);
      // Views published at fewer grains (src/schema/disclosure.ts) are still summed through the
      // others above; their rows at the unpublished grains are not kept.
      for (const grain of PERIOD_GRAINS.filter((g) => s.view.grains.includes(g))) {
        const values = [viewLiteral(s.view.name), grainLiteral(grain), 'c.period', ...dims.map((d) => (s.view.dims.includes(d) ? `c.${sqlIdent(d)}` : 'NULL')),
          ...measures.flatMap((m) => [`c.${sqlIdent(m)}`, 'false'])];
        await db.run(`INSERT INTO ${sqlIdent(target)} (${columns.join(', ')})
          SELECT * FROM (SELECT ${values.join(', ')} FROM (${cells(step(i, grain))}) c) t(${columns.join(', ')})
          WHERE ${keep} AND ${stockMonthsOnly(table)} ORDER BY ${['period', ...own].map((c) => `${c} NULLS FIRST`).join(', ')}`);
      }
    }
  } finally {
    await db.run(`SET preserve_insertion_order = ${ordered.getRows()[0]![0] === true || ordered.getRows()[0]![0] === 'true'}`);
    for (const i of plan.keys()) for (const grain of PERIOD_GRAINS) await db.run(`DROP TABLE IF EXISTS ${step(i, grain)}`);
  }
}

/**
 * The hierarchy parents that the published rows give exactly one value (null counts as one) for
 * each value of every child they are declared under: each port under one province, each action in
 * one action group.
 */
async function parentsDeterminedByChild(db: Db, table: TableName, publishedRows: string): Promise<Set<string>> {
  const { hierarchies } = DISCLOSURE[table];
  const determined = new Set<string>();
  for (const parent of new Set(hierarchies.map((h) => h.parent))) {
    let holds = true;
    for (const h of hierarchies.filter((x) => x.parent === parent)) {
      const [child, par] = [sqlIdent(h.child), sqlIdent(h.parent)];
      const [row] = (await db.runAndReadAll(`SELECT count(*) FROM (SELECT ${child} FROM (SELECT DISTINCT ${child}, ${par} FROM (${publishedRows})) GROUP BY ALL HAVING count(*) > 1)`)).getRows();
      if (Number(row![0]) > 0) holds = false;
    }
    if (holds) determined.add(parent);
  }
  return determined;
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
