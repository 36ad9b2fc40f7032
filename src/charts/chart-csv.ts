/**
 * A chart's rows as CSV for spreadsheets and scripts: machine formats (1234567, 0.0728,
 * 2024-01-01), column keys as headers, a `<column>_withheld` flag beside each protected count (the
 * value left empty), UTF-8 with a byte-order mark so Excel opens it as UTF-8, CRLF line ends. Text
 * that a spreadsheet would run as a formula is written with a leading apostrophe.
 */
import type { Locale } from '../i18n/locales.ts';
import { neutraliseFormula } from '../schema/spreadsheet-formula.ts';
import type { AnyChartDefinition, ChartRow } from './chart-definition.ts';
import { columnValue } from './table-model.ts';

const BOM = '\uFEFF';

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)))) : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function chartCsv(chart: AnyChartDefinition, rows: readonly ChartRow[], locale: Locale): string {
  const header: string[] = [];
  for (const column of chart.columns) {
    header.push(column.key);
    if (column.withheld) header.push(`${column.key}_withheld`);
  }
  const lines = rows.map((row) => {
    const cells: string[] = [];
    for (const column of chart.columns) {
      const withheld = column.withheld !== undefined && row[column.withheld] === true;
      cells.push(withheld ? '' : field(columnValue(column, row, locale)));
      if (column.withheld) cells.push(withheld ? 'true' : 'false');
    }
    return cells.join(',');
  });
  return `${BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** File name for a chart's downloads: "pantau-wna_arrivals-trend_2025-10-05.csv". */
export const downloadName = (chartId: string, snapshotDate: string, extension: string): string => `pantau-wna_${chartId}_${snapshotDate}.${extension}`;
