/** Draws the 38-province tile grid coloured in five classes, with an SVG legend and "[c]" tiles for withheld cells. */
import * as Plot from '@observablehq/plot';
import { quantileSorted } from 'd3';
import type { ChartContext, ChartRow } from './chart-definition.ts';
import { SEQUENTIAL_5, SEQUENTIAL_5_INK, WITHHELD_FILL, WITHHELD_INK } from './palette.ts';
import { isNarrow, legendHeight, plotFrame, swatchLegend, withLegend } from './plot-kit.ts';
import { PROVINCE_TILES, TILE_COLUMNS, TILE_ROWS } from './province-tiles.ts';
import { WITHHELD } from '../schema/disclosure.ts';

export interface TileMapOptions {
  value: string;
  withheldFlag: string;
  format: (value: number) => string;
  /** Legend text for tiles without a value (e.g. no arrivals, so no rate). */
  missingLabel: string;
  /** Legend text of the withheld mark, after the mark itself ("dirahasiakan"). */
  withheldLegend: string;
  aspect: { wide: number; narrow: number };
  /** Province names for tooltips, by code. */
  nameOf: (row: ChartRow) => string;
}

/** Four breaks between five classes, at quintiles of the shown values, rounded to two significant digits. */
export function classBreaks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => (v === 0 ? 0 : Number(v.toPrecision(2)));
  const breaks = [0.2, 0.4, 0.6, 0.8].map((p) => round(quantileSorted(sorted, p) ?? 0));
  return [...new Set(breaks)].filter((b) => b > 0);
}

const classOf = (value: number, breaks: readonly number[]): number => breaks.filter((b) => value >= b).length;

export function provinceTileMap(rows: readonly ChartRow[], o: TileMapOptions, context: ChartContext): HTMLElement {
  const { document } = context;
  const narrow = isNarrow(context.width);
  const byCode = new Map(rows.map((r) => [String(r.province_code), r]));
  const values = rows.filter((r) => r[o.withheldFlag] !== true && typeof r[o.value] === 'number').map((r) => r[o.value] as number);
  const breaks = classBreaks(values);
  const palette = breaks.length + 1 <= 5 ? SEQUENTIAL_5.slice(5 - (breaks.length + 1)) : SEQUENTIAL_5;
  const inks = SEQUENTIAL_5_INK.slice(5 - palette.length);
  const tiles = PROVINCE_TILES.map((tile) => {
    const row = byCode.get(tile.code);
    const withheld = row?.[o.withheldFlag] === true;
    const value = row && typeof row[o.value] === 'number' ? (row[o.value] as number) : null;
    const cls = value === null ? -1 : classOf(value, breaks);
    const text = withheld ? WITHHELD.symbol : value === null ? '–' : o.format(value);
    return {
      ...tile,
      fill: withheld || cls < 0 ? WITHHELD_FILL : palette[cls]!,
      ink: withheld || cls < 0 ? WITHHELD_INK : inks[cls]!,
      text,
      title: `${row ? o.nameOf(row) : tile.code}: ${withheld ? WITHHELD.symbol : value === null ? o.missingLabel : text}`,
      withheld,
    };
  });
  const bounds = [0, ...breaks];
  const legendItems = palette.map((color, i) => ({
    color,
    label: i < bounds.length - 1 ? `${o.format(bounds[i]!)}–<${o.format(bounds[i + 1]!)}` : `≥ ${o.format(bounds[i]!)}`,
  }));
  const legend = swatchLegend(document, [...legendItems, { color: WITHHELD_FILL, label: `${WITHHELD.symbol} ${o.withheldLegend} / ${o.missingLabel}` }], context.width);
  const frame = plotFrame(context, o.aspect);
  const plot = Plot.plot({
    ...frame,
    height: frame.height - legendHeight(legend),
    margin: 2,
    x: { axis: null, domain: Array.from({ length: TILE_COLUMNS }, (_, i) => i), padding: 0.08 },
    y: { axis: null, domain: Array.from({ length: TILE_ROWS }, (_, i) => i), padding: 0.08 },
    marks: [
      Plot.cell(tiles, { x: 'col', y: 'row', fill: 'fill', stroke: (d) => (d.withheld ? WITHHELD_INK : 'none'), strokeDasharray: '3,2', rx: 3, title: 'title' }),
      // The province a reader picked (filter or area page) is outlined; the map still shows all 38.
      Plot.cell(tiles.filter((t) => t.code === context.filters.province), { x: 'col', y: 'row', fill: 'none', stroke: '#ff7b00', strokeWidth: 3, rx: 3 }),
      Plot.text(tiles, { x: 'col', y: 'row', text: narrow ? 'code' : 'abbr', dy: narrow ? -5 : -7, fill: 'ink', fontSize: narrow ? 8 : 10, fontWeight: 600 }),
      Plot.text(tiles, { x: 'col', y: 'row', text: 'text', dy: narrow ? 5 : 7, fill: 'ink', fontSize: narrow ? 7 : 10 }),
    ],
  });
  return withLegend(document, legend, plot);
}
