/**
 * Text of the release calendar, the stale-data notice and the footer's release line, in both
 * languages. Dates arrive formatted (src/i18n/format.ts).
 */
import type { Locale } from './locales.ts';

export interface ReleasesText {
  /** Footer: "Data per 5 Oktober 2025 · snapshot 3"; the date is wrapped in <time> by the footer. */
  dataAsOf: string;
  snapshotNumber: (n: number) => string;
  releaseNotes: string;
  calendarHeading: string;
  calendarLead: (dayOfMonth: number, graceDays: number) => string;
  nextDates: string;
  staleHeading: string;
  staleBody: (snapshotDate: string, freshUntil: string) => string;
  staleLink: string;
}

const id: ReleasesText = {
  dataAsOf: 'Data per',
  snapshotNumber: (n) => `snapshot ke-${n}`,
  releaseNotes: 'catatan rilis',
  calendarHeading: 'Kalender rilis',
  calendarLead: (day, grace) => `Snapshot terjadwal diambil setiap tanggal ${day}. Bila snapshot baru belum terbit ${grace} hari sesudah tanggal itu, setiap halaman memberi tahu bahwa data lebih lama daripada yang dijanjikan jadwal.`,
  nextDates: 'Snapshot terjadwal berikutnya:',
  staleHeading: 'Data belum diperbarui sesuai jadwal.',
  staleBody: (date, until) => `Angka di situs ini berasal dari snapshot ${date}; menurut jadwal, snapshot berikutnya seharusnya sudah terbit paling lambat ${until}.`,
  staleLink: 'Kalender rilis',
};

const en: ReleasesText = {
  dataAsOf: 'Data as of',
  snapshotNumber: (n) => `snapshot ${n}`,
  releaseNotes: 'release notes',
  calendarHeading: 'Release calendar',
  calendarLead: (day, grace) => `Scheduled snapshots are taken on day ${day} of every month. When no new snapshot is published within ${grace} days of that date, every page says the data is older than the schedule promises.`,
  nextDates: 'Next scheduled snapshots:',
  staleHeading: 'The data has not been updated on schedule.',
  staleBody: (date, until) => `The figures on this site come from the snapshot of ${date}; by the schedule, the next snapshot should have been published by ${until}.`,
  staleLink: 'Release calendar',
};

export const releasesText = (locale: Locale): ReleasesText => (locale === 'en' ? en : id);
