/**
 * The title of a monthly series names the months it adds up: a month with no rows had nothing to
 * count, so an office whose first activity of the year was in April still adds up January onwards.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import type { ChartContext, ChartRow } from '../../src/charts/chart-definition.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const context: ChartContext = { locale: 'id', width: 760, document: document as unknown as Document, filters: NO_FILTERS, snapshotDate: '2025-10-05' };
const row = (month: string, code: string, value: number): ChartRow => ({ month, code, value, withheld: false });

describe('monthly series title', () => {
  const chart = CHARTS.get('operations-activities')!;

  test('a year whose first rows come in April is still January to the last month', () => {
    const rows = [row('2024-11-01', 'rakor', 2), row('2025-04-01', 'rakor', 3), row('2025-07-01', 'rakor', 2), row('2025-09-01', 'operasi_gabungan', 3)];
    expect(chart.title(rows, context)).toBe('Rapat koordinasi paling sering: 5 kegiatan (62,5%), Januari–September 2025');
  });

  test('a series that itself starts in the latest year starts there', () => {
    const rows = [row('2025-04-01', 'rakor', 3), row('2025-09-01', 'rakor', 1)];
    expect(chart.title(rows, context)).toBe('Rapat koordinasi paling sering: 4 kegiatan (100,0%), April–September 2025');
  });
});
