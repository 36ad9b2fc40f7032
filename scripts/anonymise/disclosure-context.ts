/**
 * What every step of disclosure control (disclosure-control.ts) works on: the table's input, and
 * for one protected measure the context each step of its protection is given, in place of a row
 * of positional parameters.
 */
import type { DisclosureDesign } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import type { Db } from '../lib/duckdb.ts';

export interface DisclosureInput {
  /** Materialised published rows (publishedTableSql), in publication order. */
  detail: string;
  /** Materialised totals (buildTotalsTable over `detail`), in publication order. */
  totals: string;
  /**
   * The previous public release folder, when it holds an earlier (or the same) snapshot: its
   * withheld cells stay withheld.
   */
  previousDir: string | null;
  /**
   * For a partitioned table (src/schema/disclosure.ts `partition`), the value whose cells `detail`
   * and `totals` hold, and whose design protects them.
   */
  partition?: string;
}

/** One protected measure of one table, while its pattern is built. */
export interface MeasureContext {
  db: Db;
  table: TableName;
  /** The measure's name (a column of the detail rows and totals). */
  measure: string;
  /** Cells 1..k−1 are withheld, and every withheld cell's feasible range must be at least k wide. */
  k: number;
  /** The cells the measure is published in (src/schema/disclosure.ts). */
  design: DisclosureDesign;
  /** Temp table: the design's keys with every protected measure's value (linear-relations.ts keysStatement). */
  keys: string;
  /** Temp table: the detail rows. */
  detail: string;
  /** Temp table: the measure's marked cells (marked-cells.ts). */
  cells: string;
}
