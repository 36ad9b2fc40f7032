/**
 * A chart's rows as a table for people (id-ID formats, "[c]" for withheld cells) and how many
 * cells are withheld, for the footnote that explains the mark. Pure: the build renders it into the page and the browser rebuilds it
 * after a filter change.
 */
import type { Locale } from '../i18n/locales.ts';
import type { AnyChartDefinition, ChartColumn, ChartRow } from './chart-definition.ts';
import { formatChange, formatCount, formatDecimal, formatMonthYear, formatPercent } from '../i18n/format.ts';
import { WITHHELD } from '../schema/disclosure.ts';

export interface TableCell {
  text: string;
  numeric: boolean;
  withheld: boolean;
}

export interface TableModel {
  headers: { text: string; numeric: boolean }[];
  rows: TableCell[][];
  /** How many cells are withheld (each shown as WITHHELD.symbol), for the footnote. */
  withheldCells: number;
}

const NUMERIC: ReadonlySet<ChartColumn['type']> = new Set(['count', 'ratio', 'change', 'rate']);

/** The raw value of a column in a row (computed columns included). */
export function columnValue(column: ChartColumn, row: ChartRow, locale: Locale): string | number | boolean | null {
  return column.value ? column.value(row, locale) : (row[column.key] ?? null);
}

export function cellText(column: ChartColumn, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (column.type) {
    case 'count':
      return typeof value === 'number' ? formatCount(value, locale) : String(value);
    case 'ratio':
      return typeof value === 'number' ? formatPercent(value, locale) : String(value);
    case 'change':
      return typeof value === 'number' ? formatChange(value, locale) : String(value);
    case 'rate':
      return typeof value === 'number' ? formatDecimal(value, locale) : String(value);
    case 'month':
      return formatMonthYear(String(value), locale);
    default:
      return String(value);
  }
}

export function tableModel(chart: AnyChartDefinition, rows: readonly ChartRow[], locale: Locale): TableModel {
  let withheldCells = 0;
  const body = rows.map((row) =>
    chart.columns.map((column) => {
      if (column.withheld !== undefined && row[column.withheld] === true) {
        withheldCells += 1;
        return { text: WITHHELD.symbol, numeric: true, withheld: true };
      }
      return { text: cellText(column, columnValue(column, row, locale), locale), numeric: NUMERIC.has(column.type), withheld: false };
    }),
  );
  return { headers: chart.columns.map((c) => ({ text: c.label[locale], numeric: NUMERIC.has(c.type) })), rows: body, withheldCells };
}
