/**
 * Shared pieces of the chart definitions: sizes with a fixed aspect, id-ID axes, a ranked bar
 * chart, and an SVG swatch legend (Plot's own legends are HTML or canvas; an SVG legend renders at
 * build time and travels with the SVG download).
 */
import * as Plot from '@observablehq/plot';
import type { Locale } from '../i18n/locales.ts';
import type { ChartContext, ChartRow } from './chart-definition.ts';
import { formatCompact, formatCount, formatMonthShort, monthName } from '../i18n/format.ts';
import { PRIMARY, WITHHELD_FILL, WITHHELD_INK } from './palette.ts';
import { WITHHELD } from '../schema/disclosure.ts';

/** Below this width a chart is drawn in its narrow layout (phones, small columns). */
export const NARROW_BELOW = 560;
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** The class of every chart's SVG (Plot scopes its own <style> to it; its hash is in the CSP). */
export const PLOT_CLASS_NAME = 'pantau-plot';

export const isNarrow = (width: number): boolean => width < NARROW_BELOW;

export function heightFor(width: number, aspect: { wide: number; narrow: number }): number {
  return Math.round(width * (isNarrow(width) ? aspect.narrow : aspect.wide));
}

/** Options every plot shares: the document, the size, system fonts, and a class to style them. */
export function plotFrame(context: ChartContext, aspect: { wide: number; narrow: number }) {
  return {
    document: context.document,
    width: context.width,
    height: heightFor(context.width, aspect),
    className: PLOT_CLASS_NAME,
    style: { fontSize: isNarrow(context.width) ? '11px' : '12px', fontFamily: FONT_FAMILY, background: 'transparent', overflow: 'visible' },
  } as const;
}

/** Tick labels in the page's language: 1.200.000 → "1,2 jt". Counts are whole: no "2,5" ticks. */
export const countTick = (locale: Locale) => (value: number) => (Number.isInteger(value) ? formatCompact(value, locale) : '');

/** Month ticks: "Jan 2024"; January of a year shows the year, other months the month only. */
export const monthTick = (locale: Locale) => (date: Date) =>
  date.getUTCMonth() === 0 ? formatMonthShort(date.toISOString(), locale) : monthName(date.getUTCMonth() + 1, locale, 'short');

/** A count as text for text marks and tooltips: the figure, WITHHELD.symbol for a withheld cell, or "–". */
export const countText = (value: unknown, withheld: boolean, locale: Locale): string =>
  withheld ? WITHHELD.symbol : typeof value === 'number' ? formatCount(value, locale) : '–';

/** First day of a month ("YYYY-MM" or "YYYY-MM-DD") as a UTC Date, for Plot's time scales. */
export const monthDate = (iso: string): Date => new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);

/** Shortens a label to fit a narrow chart's margin. */
export const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export interface RankedBarsOptions {
  rows: readonly ChartRow[];
  label: (row: ChartRow) => string;
  value: string;
  withheldFlag: string;
  xLabel: string;
  context: ChartContext;
  aspect: { wide: number; narrow: number };
  fill?: string;
}

/**
 * Horizontal bars, largest first, each labelled with its value; a withheld cell is a short grey
 * stub labelled "[c]" (its true value is unknown, so no bar length could be right).
 */
export function rankedBars(o: RankedBarsOptions): SVGSVGElement | HTMLElement {
  const { context } = o;
  const narrow = isNarrow(context.width);
  const maxLabel = narrow ? 20 : 32;
  // Bars are keyed by position, not label: two names may shorten to the same text.
  const data = o.rows.map((row, i) => {
    const withheld = row[o.withheldFlag] === true;
    const value = typeof row[o.value] === 'number' ? (row[o.value] as number) : 0;
    return { key: String(i), label: shorten(o.label(row), maxLabel), full: o.label(row), value: withheld ? 0 : value, withheld };
  });
  const labelOf = new Map(data.map((d) => [d.key, d.label]));
  const max = Math.max(1, ...data.map((d) => d.value));
  const text = (d: (typeof data)[number]) => countText(d.value, d.withheld, context.locale);
  const longest = Math.max(4, ...data.map((d) => d.label.length));
  return Plot.plot({
    ...plotFrame(context, o.aspect),
    marginLeft: Math.min(narrow ? 150 : 250, 12 + longest * (narrow ? 6.8 : 7.4)),
    marginRight: narrow ? 52 : 64,
    marginBottom: 36,
    x: { label: o.xLabel, labelAnchor: 'right', labelArrow: 'none', grid: true, domain: [0, max], nice: true, tickFormat: countTick(context.locale), ticks: narrow ? 3 : 6 },
    y: { label: null, domain: data.map((d) => d.key), tickSize: 0, tickFormat: (key: string) => labelOf.get(key) ?? key },
    marks: [
      Plot.barX(data.filter((d) => !d.withheld), { x: 'value', y: 'key', fill: o.fill ?? PRIMARY, title: (d) => `${d.full}: ${text(d)}` }),
      Plot.barX(data.filter((d) => d.withheld), { x: () => max * 0.02, y: 'key', fill: WITHHELD_FILL, stroke: WITHHELD_INK, strokeDasharray: '2,2', title: (d) => `${d.full}: ${text(d)}` }),
      Plot.text(data, { x: 'value', y: 'key', text, dx: 4, textAnchor: 'start', fill: (d) => (d.withheld ? WITHHELD_INK : 'currentColor') }),
      Plot.ruleX([0]),
    ],
  });
}

/** A row of colour swatches with labels as an SVG, wrapping to the width. */
export function swatchLegend(document: Document, items: readonly { label: string; color: string; dashed?: boolean }[], width: number): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg') as SVGSVGElement;
  const charWidth = 6.8;
  let x = 0;
  let y = 0;
  const rowHeight = 20;
  for (const item of items) {
    const itemWidth = 22 + item.label.length * charWidth + 16;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('transform', `translate(${Math.round(x)},${y})`);
    const swatch = document.createElementNS(ns, item.dashed ? 'line' : 'rect');
    if (item.dashed) {
      Object.entries({ x1: '0', x2: '16', y1: '8', y2: '8', stroke: item.color, 'stroke-width': '2.5', 'stroke-dasharray': '4,3' }).forEach(([k, v]) => swatch.setAttribute(k, v));
    } else {
      Object.entries({ width: '14', height: '14', y: '1', fill: item.color, stroke: item.color === WITHHELD_FILL ? WITHHELD_INK : 'none' }).forEach(([k, v]) => swatch.setAttribute(k, v));
    }
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '20');
    label.setAttribute('y', '12');
    label.textContent = item.label;
    g.append(swatch, label);
    svg.append(g);
    x += itemWidth;
  }
  const height = y + rowHeight;
  svg.setAttribute('class', 'pantau-legend');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-size', '12');
  svg.setAttribute('font-family', FONT_FAMILY);
  svg.setAttribute('fill', 'currentColor');
  return svg;
}

/** A legend above a plot, in one element. */
export function withLegend(document: Document, legend: SVGSVGElement, plot: Element): HTMLElement {
  const figure = document.createElement('div');
  figure.setAttribute('class', 'pantau-plot-group');
  figure.append(legend, plot);
  return figure;
}

/** Legend height for a layout, so aspect-based heights can leave room for it. */
export const legendHeight = (legend: SVGSVGElement): number => Number(legend.getAttribute('height') ?? 0);
