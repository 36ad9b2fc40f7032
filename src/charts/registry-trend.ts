/** The same quantity per month as each agency reports it, nationally (or for one province). */
import { STOCK_METRICS } from '../schema/tables.ts';
import { monthlySeriesChart } from './monthly-series-chart.ts';
import { registryUnit } from './registry-units.ts';

export const registryTrend = monthlySeriesChart({
  id: 'registry-trend',
  table: 'registry',
  measure: 'count',
  breakdown: 'source_agency',
  enumName: 'sourceAgency',
  filters: ['province', 'category'],
  defaults: { category: 'foreign_residents' },
  mark: 'line',
  stock: (filters) => STOCK_METRICS.includes(filters.category ?? ''),
  aspect: { wide: 0.45, narrow: 0.95 },
  yLabel: { id: 'Orang (menurut tiap instansi)', en: 'Persons (as each agency reports)' },
  definition: {
    id: 'Angka bulanan yang sama menurut Disdukcapil, Kemenag dan Imigrasi. Garis dipisah, bukan ditumpuk: ketiganya mengukur hal yang sama, sehingga jaraknya adalah selisih pencatatan.',
    en: 'The same monthly figure as Disdukcapil, Kemenag and Immigration report it. Lines, not stacks: all three measure the same thing, so the distance between them is the recording gap.',
  },
  title: {
    // No share of the agencies' sum: they count the same thing, so their sum means nothing.
    id: (name, total, _share, span, filters) => `${name} mencatat angka tertinggi: ${total} ${registryUnit(filters.category, 'id')}, ${span}`,
    en: (name, total, _share, span, filters) => `${name} reports the highest figure: ${total} ${registryUnit(filters.category, 'en')}, ${span}`,
  },
  empty: { id: 'Angka antarinstansi per bulan', en: 'Inter-agency figures per month' },
});
