/** The nationalities arriving most in the period. */
import { localName } from './labels.ts';
import { rankingChart } from './ranking-chart.ts';

export const arrivalsNationalities = rankingChart({
  id: 'arrivals-nationalities',
  table: 'arrivals',
  breakdown: 'nationality',
  filters: ['period', 'province', 'nationality', 'category'],
  names: { join: 'LEFT JOIN countries ON countries.iso3 = cells.code', id: 'countries.name_id', en: 'countries.name_en' },
  label: (row, locale) => localName(row, locale),
  limit: 10,
  aspect: { wide: 0.5, narrow: 1.1 },
  axis: { id: 'Kedatangan (peristiwa)', en: 'Arrivals (events)' },
  codeLabel: { id: 'Kode ISO 3166-1', en: 'ISO 3166-1 code' },
  countLabel: { id: 'Kedatangan', en: 'Arrivals' },
  definition: {
    id: 'Kedatangan WNA menurut kewarganegaraan (paspor) selama periode; sepuluh terbesar. Menghitung perlintasan, bukan orang.',
    en: 'Foreign arrivals by nationality (passport) in the period; the ten largest. Counts crossings, not persons.',
  },
  title: {
    id: (top, count, share, span) => `${top} terbanyak: ${count} kedatangan${share ? ` (${share} dari semua)` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} leads with ${count} arrivals${share ? ` (${share} of all)` : ''}, ${span}`,
  },
  empty: { id: 'Kedatangan menurut kewarganegaraan', en: 'Arrivals by nationality' },
});
