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
import type { Locale } from '../i18n/locales.ts';
import type { Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';

/** Query results as plain JSON values: dates as "YYYY-MM-DD" strings, counts as numbers. */
export type ChartRow = Record<string, string | number | boolean | null>;

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

/** A label in both languages. */
export interface Bilingual {
  id: string;
  en: string;
}

/**
 * How a column of the rows is shown in the table view and written to the CSV download.
 * - count: integer; `withheld` names the boolean flag column (shown "[c]", empty in the CSV)
 * - ratio: a share (0.073 → "7,3%"); change: signed ("+7,3%"); rate: per 100,000 (one decimal)
 * - month / period: a first-of-month date; label: text as it is; code: an official code
 */
export interface ChartColumn {
  key: string;
  label: Bilingual;
  type: 'count' | 'ratio' | 'change' | 'rate' | 'month' | 'label' | 'code';
  /** The `<measure>_withheld` column that marks this value withheld. */
  withheld?: string;
  /** The protected measure the column shows (defaults to the chart's first): its k says whether it can be withheld at all. */
  measure?: string;
  /** A value computed from the row (e.g. a name in the reader's language) instead of `row[key]`. */
  value?: (row: ChartRow, locale: Locale) => string | number | null;
}

/** trend: months on x (a time slider fits); map: the province tile-grid ("Peta" tab); others: bars, dots, cells. */
export type ChartKind = 'trend' | 'ranking' | 'map' | 'matrix' | 'flow';

export interface ChartDefinition<Row extends ChartRow = ChartRow> {
  /** Stable id, used in the page (`chart-id`), in downloads and in tests. */
  id: string;
  /** The published table the numbers come from (for the "Sumber" panel and the unit). */
  table: TableName;
  kind: ChartKind;
  /** Protected measures shown (names in DISCLOSURE[table].measures): they give the unit and k. */
  measures: readonly string[];
  /** Filters the query answers; the others make `sql` throw UnsupportedFiltersError. */
  filters: readonly (keyof Filters)[];
  /** Height ÷ width of the plot for a wide (≥ 560 px) and a narrow drawing: nothing shifts when scripts re-render. */
  aspect: { wide: number; narrow: number };
  /** Rows as a table and CSV, in order. */
  columns: readonly ChartColumn[];
  /** What the chart counts and how (the "Sumber" panel's definition). */
  definition: Bilingual;
  /** The query over the published views for these filters. */
  sql(filters: Filters): string;
  /** A title that states the finding, e.g. "Kedatangan Jan–Jun 2024 naik 7,3%". */
  title(rows: readonly Row[], context: ChartContext): string;
  /** Text alternative: what the chart shows, in a sentence or two, for screen readers. */
  summary(rows: readonly Row[], context: ChartContext): string;
  /** The chart as an SVG (or a figure holding SVGs) in `context.document`. */
  render(rows: readonly Row[], context: ChartContext): Element;
}

/** A definition whose row type is erased, as the registry holds them. */
export type AnyChartDefinition = ChartDefinition<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
