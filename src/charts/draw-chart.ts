/**
 * A chart's drawing as a page shows it: the definition's Plot output, less the aria-label Plot puts
 * on each of its <g> groups ("rule", "x-axis tick"…). ARIA does not allow a name on a <g> without a
 * role (axe: aria-prohibited-attr), and the names said nothing a reader needs: the drawing is one
 * image, its holder is role="img", named by the chart's title and described by its text
 * alternative (src/components/ChartFigure.astro), and its figures are in the table view. The build
 * (src/build/render-chart.ts) and the browser (src/client/chart-element.ts) both draw through here.
 * No Plot import of its own: the definition brings it.
 */
import type { AnyChartDefinition, ChartContext, ChartRow } from './chart-definition.ts';

export function drawChart(chart: AnyChartDefinition, rows: readonly ChartRow[], context: ChartContext): Element {
  const drawing = chart.render(rows, context);
  for (const group of drawing.querySelectorAll('g[aria-label], g[aria-description]')) {
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  return drawing;
}
