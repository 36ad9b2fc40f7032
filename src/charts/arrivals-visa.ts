/** Arrivals by visa or stay-permit category in the period. */
import { enumLabel } from './labels.ts';
import { rankingChart } from './ranking-chart.ts';

export const arrivalsVisa = rankingChart({
  id: 'arrivals-visa',
  table: 'arrivals',
  breakdown: 'visa_category',
  filters: ['period', 'province', 'nationality', 'category'],
  label: (row, locale) => enumLabel('visaCategory', row.code, locale),
  limit: 10,
  aspect: { wide: 0.4, narrow: 0.9 },
  axis: { id: 'Kedatangan (peristiwa)', en: 'Arrivals (events)' },
  codeLabel: { id: 'Kode kategori', en: 'Category code' },
  countLabel: { id: 'Kedatangan', en: 'Arrivals' },
  definition: {
    id: 'Kedatangan WNA menurut visa atau izin tinggal yang dipakai untuk masuk (VoA, bebas visa, visa kunjungan, ITAS, ITAP, diplomatik/dinas, awak alat angkut).',
    en: 'Foreign arrivals by the visa or stay permit used to enter (visa on arrival, exemption, visit visa, ITAS, ITAP, diplomatic/service, crew).',
  },
  title: {
    id: (top, count, share, span) => `${top} paling banyak dipakai: ${count} kedatangan${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} is the most used: ${count} arrivals${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'Kedatangan menurut jenis visa/izin', en: 'Arrivals by visa/permit' },
});
