/**
 * Each chart definition drawn from fixed rows (tests/charts/fixtures, with withheld cells) at the
 * wide and narrow width, compared with the committed SVG in __snapshots__ (coordinates rounded to
 * one decimal so the comparison is stable). Title and text alternative are snapshotted beside it.
 * UPDATE_SNAPSHOTS=1 rewrites the snapshots after an intended change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import type { ChartContext, ChartRow } from '../../src/charts/chart-definition.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { tableModel } from '../../src/charts/table-model.ts';
import { WITHHELD } from '../../src/schema/disclosure.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';

const DIR = import.meta.dirname;
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const { document } = parseHTML('<!doctype html><html><body></body></html>');

const round = (markup: string): string => markup.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));

function matchesSnapshot(name: string, actual: string): void {
  const path = join(DIR, '__snapshots__', name);
  if (UPDATE || !existsSync(path)) {
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `${name} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)`).toBe(readFileSync(path, 'utf8'));
}

describe.each([...CHARTS.values()])('$id', (chart) => {
  const rows = JSON.parse(readFileSync(join(DIR, 'fixtures', `${chart.id}.json`), 'utf8')) as ChartRow[];
  const context = (width: number, locale: 'id' | 'en' = 'id'): ChartContext => ({
    locale, width, document: document as unknown as Document, filters: NO_FILTERS, snapshotDate: '2025-10-05',
  });

  test.each([760, 360])('draws the same SVG at %i px', (width) => {
    const markup = round(chart.render(rows, context(width)).outerHTML);
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

  test('shows withheld cells as "[c]" in the table and the drawing', () => {
    const withheld = rows.filter((row) => chart.columns.some((c) => c.withheld && row[c.withheld] === true));
    if (withheld.length === 0) return;
    const model = tableModel(chart, rows, 'id');
    expect(model.withheldCells).toBeGreaterThan(0);
    const cells = model.rows.flat().filter((cell) => cell.withheld);
    expect(cells).toHaveLength(model.withheldCells);
    expect(cells.every((cell) => cell.text === WITHHELD.symbol)).toBe(true);
    // Bars and tiles label a withheld cell with "[c]" in the SVG too (lines and stacks leave a gap).
    if (chart.kind === 'ranking' || chart.kind === 'map') {
      expect(chart.render(rows, context(760)).outerHTML).toContain(`>${WITHHELD.symbol}<`);
    }
  });
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
