/**
 * Build-time chart rendering (Node only): runs a chart's SQL on the publication with native DuckDB
 * and draws it with Plot into a linkedom document, at a wide and a narrow width, to SVG markup.
 */
import { parseHTML } from 'linkedom';
import type { AnyChartDefinition, ChartContext, ChartRow } from '../charts/chart-definition.ts';
import { chartCsv } from '../charts/chart-csv.ts';
import { CHART_WIDTHS } from '../charts/chart-widths.ts';
import { drawChart } from '../charts/draw-chart.ts';
import { heightFor } from '../charts/plot-kit.ts';
import { chartById } from '../charts/registry.ts';
import { tableModel, type TableModel } from '../charts/table-model.ts';
import type { Locale } from '../i18n/locales.ts';
import { NO_FILTERS, type Filters } from '../schema/filters.ts';
import { queryPublished } from './query-published.ts';
import { readManifest } from './published.ts';

export interface Drawing {
  markup: string;
  width: number;
  height: number;
}

export interface RenderedChart {
  chart: AnyChartDefinition;
  filters: Filters;
  rows: ChartRow[];
  title: string;
  summary: string;
  wide: Drawing;
  narrow: Drawing;
  table: TableModel;
  csv: string;
  snapshotDate: string;
}

let shared: Document | null = null;
const documentForPlot = (): Document => (shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);

export async function renderChart(id: string, locale: Locale, given: Partial<Filters> = {}): Promise<RenderedChart> {
  const chart = chartById(id);
  const filters: Filters = { ...NO_FILTERS, ...given };
  return renderChartRows(chart, await queryPublished(chart.sql(filters)), locale, filters);
}

/** A chart drawn from rows read elsewhere (a city/regency's arrivals: the sum of its checkpoints' totals). */
export function renderChartRows(chart: AnyChartDefinition, rows: ChartRow[], locale: Locale, filters: Filters = NO_FILTERS): RenderedChart {
  const snapshotDate = readManifest().snapshotDate;
  const context = (width: number): ChartContext => ({ locale, width, document: documentForPlot(), filters, snapshotDate });
  const draw = (width: number): Drawing => ({ markup: drawChart(chart, rows, context(width)).outerHTML, width, height: heightFor(width, chart.aspect) });
  return {
    chart,
    filters,
    rows,
    title: chart.title(rows, context(CHART_WIDTHS.wide)),
    summary: chart.summary(rows, context(CHART_WIDTHS.wide)),
    wide: draw(CHART_WIDTHS.wide),
    narrow: draw(CHART_WIDTHS.narrow),
    table: tableModel(chart, rows, locale),
    csv: chartCsv(chart, rows, locale),
    snapshotDate,
  };
}
