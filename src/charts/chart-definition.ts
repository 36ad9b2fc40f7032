/**
 * One chart definition renders twice: to SVG at build time (native DuckDB runs `sql`, Plot renders
 * into a linkedom document) and in the browser when a filter changes (DuckDB-WASM runs the same
 * `sql`, Plot renders into the page's document). So a definition is pure: SQL text from filters,
 * and a Plot figure from rows.
 *
 * SQL reads the published files by their names as views: `arrivals`, `arrivals_totals`,
 * `provinces`, `countries`... (see src/schema/tables.ts and src/schema/disclosure.ts). Totals come
 * from `<table>_totals`, never by adding up protected cells.
 */
import type { Locale } from '../i18n/index.ts';
import type { Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';

export type ChartRow = Record<string, string | number | boolean | Date | null>;

export interface ChartContext {
  locale: Locale;
  /** Width in CSS pixels the chart is drawn for. */
  width: number;
  /** The document Plot renders into: linkedom's at build time, `window.document` in the browser. */
  document: Document;
  filters: Filters;
  /** Snapshot date of the publication (YYYY-MM-DD), for the source line. */
  snapshotDate: string;
}

export interface ChartDefinition<Row extends ChartRow = ChartRow> {
  /** Stable id, used in the page (`data-chart`), in downloads and in tests. */
  id: string;
  /** The published table the numbers come from (for the "Sumber" panel and the unit). */
  table: TableName;
  /** The query over the published views for these filters. */
  sql(filters: Filters): string;
  /** A title that states the finding, e.g. "Kedatangan Jan–Jun 2024 naik 7,3%". */
  title(rows: readonly Row[], context: ChartContext): string;
  /** The chart as an SVG (or figure) element in `context.document`. */
  render(rows: readonly Row[], context: ChartContext): Element;
}
