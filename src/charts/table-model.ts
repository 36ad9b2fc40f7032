/**
 * A chart's rows as a table for people (id-ID formats, "<k" for withheld cells) and the footnote
 * the withheld cells need. Pure: the build renders it into the page and the browser rebuilds it
 * after a filter change.
 */
import type { Locale } from '../i18n/locales.ts';
import type { AnyChartDefinition, ChartColumn, ChartRow } from './chart-definition.ts';
import { formatChange, formatCount, formatDecimal, formatMonthYear, formatPercent } from '../i18n/format.ts';
import { withheldLabel } from './withheld.ts';

export interface TableCell {
  text: string;
  numeric: boolean;
  withheld: boolean;
}

export interface TableModel {
  headers: { text: string; numeric: boolean }[];
  rows: TableCell[][];
  /** Withheld cells by their label ("<10" → 3), for the footnote. */
  withheld: Map<string, number>;
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
  const withheld = new Map<string, number>();
  const body = rows.map((row) =>
    chart.columns.map((column) => {
      const isWithheld = column.withheld !== undefined && row[column.withheld] === true;
      if (isWithheld) {
        const label = withheldLabel(chart.table, column.measure ?? chart.measures[0] ?? 'count');
        withheld.set(label, (withheld.get(label) ?? 0) + 1);
        return { text: label, numeric: true, withheld: true };
      }
      return { text: cellText(column, columnValue(column, row, locale), locale), numeric: NUMERIC.has(column.type), withheld: false };
    }),
  );
  return { headers: chart.columns.map((c) => ({ text: c.label[locale], numeric: NUMERIC.has(c.type) })), rows: body, withheld };
}
