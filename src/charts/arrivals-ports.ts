/** The busiest immigration checkpoints (TPI) in the period; on an area page, that area's checkpoints. */
import { sqlString } from '../shared/sql-text.ts';
import { rankingChart } from './ranking-chart.ts';

/** "Bandar Udara Internasional Soekarno-Hatta" → "Bandara Soekarno-Hatta": the name people use. */
export const shortPortName = (name: string): string =>
  name.replace(/^Bandar Udara (Internasional )?/, 'Bandara ').replace(/^Pelabuhan (Internasional )?/, 'Pelabuhan ').replace(/^Pos Lintas Batas Negara (Terpadu )?/, 'PLBN ');

export const arrivalsPorts = rankingChart({
  id: 'arrivals-ports',
  table: 'arrivals',
  breakdown: 'port_code',
  filters: ['period', 'province', 'office', 'nationality', 'category'],
  restrict: {
    province: (value, column) => `${column} IN (SELECT code FROM ports WHERE province_code = ${sqlString(value)})`,
    office: (value, column) => `${column} IN (SELECT code FROM ports WHERE office_code = ${sqlString(value)})`,
  },
  names: { join: 'LEFT JOIN ports ON ports.code = cells.code', id: 'ports.name', en: 'ports.name' },
  label: (row) => shortPortName(String(row.name_id ?? row.code)),
  limit: 10,
  aspect: { wide: 0.5, narrow: 1.1 },
  axis: { id: 'Kedatangan (peristiwa)', en: 'Arrivals (events)' },
  codeLabel: { id: 'Kode TPI', en: 'Checkpoint code' },
  countLabel: { id: 'Kedatangan', en: 'Arrivals' },
  definition: {
    id: 'Kedatangan WNA menurut tempat pemeriksaan imigrasi (TPI: bandara, pelabuhan, PLBN) selama periode; sepuluh terbesar.',
    en: 'Foreign arrivals by immigration checkpoint (TPI: airport, seaport, land border post) in the period; the ten largest.',
  },
  title: {
    id: (top, count, share, span) => `${top} tersibuk: ${count} kedatangan${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} is the busiest: ${count} arrivals${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'Kedatangan menurut TPI', en: 'Arrivals by checkpoint' },
});
