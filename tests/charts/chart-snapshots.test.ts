/**
 * Each chart definition drawn from fixed rows (tests/charts/fixtures, with withheld cells) at the
 * wide and narrow width, as pages draw it (drawChart), compared with the committed SVG in
 * __snapshots__ (coordinates rounded to one decimal so the comparison is stable; text exact).
 * Title and text alternative are snapshotted beside it. A missing snapshot fails the test:
 * `npm run test:update-snapshots` writes them after an intended change (review the diff).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import type { ChartContext, ChartRow } from '../../src/charts/chart-definition.ts';
import { drawChart } from '../../src/charts/draw-chart.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { tableModel } from '../../src/charts/table-model.ts';
import { thresholdOf, WITHHELD } from '../../src/schema/disclosure.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';
import { checkSnapshot, roundCoordinates } from './snapshot.ts';

const DIR = import.meta.dirname;
const { document } = parseHTML('<!doctype html><html><body></body></html>');

const matchesSnapshot = (name: string, actual: string): void => checkSnapshot(join(DIR, '__snapshots__', name), actual);

test('a missing snapshot fails instead of being written; a differing one fails; an equal one passes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-snapshot-'));
  const path = join(dir, 'some-chart.760.svg');
  expect(() => checkSnapshot(path, '<svg/>', false)).toThrow(/some-chart\.760\.svg has no snapshot: write it with `npm run test:update-snapshots`/);
  expect(() => readFileSync(path)).toThrow(/ENOENT/);
  writeFileSync(path, '<svg/>');
  expect(() => checkSnapshot(path, '<svg></svg>', false)).toThrow(/differs from its snapshot/);
  expect(() => checkSnapshot(path, '<svg/>', false)).not.toThrow();
});

test('rounding touches coordinates only, never the numbers a label shows', () => {
  expect(roundCoordinates('<text x="12.345" transform="translate(1.25,-3.04)">7.550.087 · 12.34</text>'))
    .toBe('<text x="12.3" transform="translate(1.3,-3)">7.550.087 · 12.34</text>');
});

describe.each([...CHARTS.values()])('$id', (chart) => {
  const rows = JSON.parse(readFileSync(join(DIR, 'fixtures', `${chart.id}.json`), 'utf8')) as ChartRow[];
  const context = (width: number, locale: 'id' | 'en' = 'id'): ChartContext => ({
    locale, width, document: document as unknown as Document, filters: NO_FILTERS, snapshotDate: '2025-10-05',
  });

  test.each([760, 360])('draws the same SVG at %i px', (width) => {
    const markup = roundCoordinates(drawChart(chart, rows, context(width)).outerHTML);
    expect(markup).toContain('<svg');
    matchesSnapshot(`${chart.id}.${width}.svg`, markup);
  });

  test('states its finding in both languages, with id-ID number formats in Indonesian', () => {
    const texts = {
      id: { title: chart.title(rows, context(760)), summary: chart.summary(rows, context(760)) },
      en: { title: chart.title(rows, context(760, 'en')), summary: chart.summary(rows, context(760, 'en')) },
    };
    expect(texts.id.title).not.toBe(texts.en.title);
    // A thousands separator in Indonesian is a dot, never a comma between digits.
    expect(texts.id.title).not.toMatch(/\d,\d{3}\b/);
    matchesSnapshot(`${chart.id}.text.json`, `${JSON.stringify(texts, null, 2)}\n`);
  });

  // Every fixture is checked: a chart of a protected measure must show withheld cells as the
  // mark; a chart of events only (published exactly) must show none.
  const protectedColumns = chart.columns.filter((c) => c.withheld && thresholdOf(chart.table, c.measure ?? chart.measures[0]!) !== null);
  const withheldRows = rows.filter((row) => chart.columns.some((c) => c.withheld && row[c.withheld] === true));
  const model = tableModel(chart, rows, 'id');
  const drawing = drawChart(chart, rows, context(760)).outerHTML;

  const showsWithheld = () => {
    expect(withheldRows.length, `${chart.id}: its fixture has no withheld cell (tests/charts/write-chart-fixtures.ts withholds some)`).toBeGreaterThan(0);
    expect(model.withheldCells).toBeGreaterThan(0);
    const cells = model.rows.flat().filter((cell) => cell.withheld);
    expect(cells).toHaveLength(model.withheldCells);
    expect(cells.every((cell) => cell.text === WITHHELD.symbol)).toBe(true);
    // Bars, tiles and the funnel label a withheld cell with the mark (lines and stacks leave a gap).
    if (chart.kind === 'ranking' || chart.kind === 'map' || chart.kind === 'flow') expect(drawing).toContain(`>${WITHHELD.symbol}<`);
    // no text in the drawing or the table puts a withheld value below k
    expect(drawing).not.toMatch(/>&lt;\d+</);
    expect(model.rows.flat().some((cell) => /^<\d/.test(cell.text))).toBe(false);
  };
  const showsNoneWithheld = () => {
    expect(withheldRows).toEqual([]);
    expect(model.withheldCells).toBe(0);
    expect(model.rows.flat().some((cell) => cell.text === WITHHELD.symbol)).toBe(false);
    expect(drawing).not.toContain(WITHHELD.symbol);
    expect(model.rows.flat().some((cell) => cell.numeric && /\d/.test(cell.text))).toBe(true);
  };
  if (protectedColumns.length > 0) test('shows its withheld cells as "[c]" in the table, and in the drawing where a bar, tile or step stands for one', showsWithheld);
  else test('publishes events exactly: no cell withheld, no mark in the table or the drawing', showsNoneWithheld);
});

test('the province map outlines the province a reader picked and still shows all 38', () => {
  const chart = CHARTS.get('sanctions-map')!;
  const rows = JSON.parse(readFileSync(join(DIR, 'fixtures', 'sanctions-map.json'), 'utf8')) as ChartRow[];
  const draw = (province: string | null) =>
    chart.render(rows, { locale: 'id', width: 760, document: document as unknown as Document, filters: { ...NO_FILTERS, province }, snapshotDate: '2025-10-05' }).outerHTML;
  expect(draw(null)).not.toContain('#ff7b00');
  const bali = draw('51');
  expect(bali.match(/stroke="#ff7b00"/g)).toHaveLength(1);
  expect(bali.match(/<title>/g)?.length).toBe(38);
});

describe('sanctions map title', () => {
  const chart = CHARTS.get('sanctions-map')!;
  const rows = JSON.parse(readFileSync(join(DIR, 'fixtures', 'sanctions-map.json'), 'utf8')) as ChartRow[];
  const title = (category: string | null, locale: 'id' | 'en') =>
    chart.title(rows, { locale, width: 760, document: document as unknown as Document, filters: { ...NO_FILTERS, category }, snapshotDate: '2025-10-05' });

  test('names the action the category filter picked, and TAK otherwise', () => {
    expect(title(null, 'id')).toContain('orang dikenai TAK');
    expect(title('tak', 'en')).toContain('persons subject to TAK');
    expect(title('deportasi', 'id')).toContain('orang dikenai deportasi');
    expect(title('deportasi', 'id')).not.toContain('TAK');
    expect(title('detensi', 'en')).toContain('persons subject to detention (not a TAK form)');
  });
});
