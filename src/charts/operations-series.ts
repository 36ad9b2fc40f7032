/** TIMPORA activities per month, by level (province → village) and by kind of activity. Events, not persons. */
import { monthlySeriesChart } from './monthly-series-chart.ts';

const definition = {
  id: 'Kegiatan TIMPORA per bulan (rapat koordinasi, operasi gabungan, sosialisasi, pertukaran data). Satu kegiatan adalah satu peristiwa, bukan orang.',
  en: 'TIMPORA activities per month (coordination meetings, joint operations, outreach, data exchange). An activity is an event, not a person.',
};
const yLabel = { id: 'Kegiatan (peristiwa)', en: 'Activities (events)' };

export const operationsLevels = monthlySeriesChart({
  id: 'operations-levels',
  table: 'operations',
  measure: 'activities',
  breakdown: 'level',
  enumName: 'operationLevel',
  filters: ['province', 'category'],
  mark: 'stack',
  aspect: { wide: 0.45, narrow: 1 },
  yLabel,
  definition,
  title: {
    id: (name, total, share, span) => `Tingkat ${name.toLowerCase()} paling aktif: ${total} kegiatan (${share}), ${span}`,
    en: (name, total, share, span) => `${name} level is the most active: ${total} activities (${share}), ${span}`,
  },
  empty: { id: 'Kegiatan TIMPORA menurut tingkat', en: 'TIMPORA activities by level' },
});

export const operationsActivities = monthlySeriesChart({
  id: 'operations-activities',
  table: 'operations',
  measure: 'activities',
  breakdown: 'activity',
  enumName: 'operationActivity',
  filters: ['province', 'office'],
  mark: 'stack',
  aspect: { wide: 0.45, narrow: 1 },
  yLabel,
  definition,
  title: {
    id: (name, total, share, span) => `${name} paling sering: ${total} kegiatan (${share}), ${span}`,
    en: (name, total, share, span) => `${name} is the most frequent activity: ${total} activities (${share}), ${span}`,
  },
  empty: { id: 'Kegiatan TIMPORA menurut jenis', en: 'TIMPORA activities by kind' },
});
