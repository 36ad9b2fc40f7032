/** Persons per sanction type and month: the Art. 75 actions and detention, stacked. */
import { monthlySeriesChart } from './monthly-series-chart.ts';

export const sanctionsTypes = monthlySeriesChart({
  id: 'sanctions-types',
  table: 'sanctions',
  measure: 'count',
  breakdown: 'action',
  enumName: 'sanctionAction',
  // National only: by province, office or nationality, sanctions are published by half-year.
  filters: ['category'],
  mark: 'stack',
  aspect: { wide: 0.5, narrow: 1 },
  yLabel: { id: 'Orang per jenis tindakan', en: 'Persons per action type' },
  definition: {
    id: 'Orang dikenai tiap jenis tindakan per bulan. Satu orang dengan dua tindakan (mis. deportasi dan penangkalan) tercatat di keduanya, jadi tinggi batang menghitung tindakan. Detensi dilaporkan kantor tetapi bukan bentuk TAK.',
    en: 'Persons subject to each action type per month. A person with two actions (e.g. deportation and entry ban) appears under both, so a bar’s height counts actions. Detention is reported by offices but is not a TAK form.',
  },
  title: {
    id: (name, total, share, span) => `${name} paling sering: ${total} orang (${share} tindakan), ${span}`,
    en: (name, total, share, span) => `${name} is the most frequent: ${total} persons (${share} of actions), ${span}`,
  },
  empty: { id: 'Tindakan menurut jenis dan bulan', en: 'Actions by type and month' },
});
