/**
 * Text of the revisions pages (/revisi/, /en/revisions/), in both languages. Numbers, dates and
 * figure descriptions arrive formatted and marked up (src/build/revisions/revisions-page-model.ts);
 * the sentences here are the words around them.
 */
import type { Locale } from './locales.ts';
import type { TableName } from '../schema/tables.ts';

export interface RevisionsText {
  /** Footer and methodology link text. */
  link: string;
  footerLink: string;
  indexTitle: string;
  /** Release calendar: the sentence before the link to the index. */
  calendarLead: string;
  indexLead: string;
  indexNewest: string;
  /** "Rilis 5 Oktober 2025" (a link to its revisions page). */
  releaseItem: string;
  indexCompared: string;
  indexFirst: string;
  title: string;
  description: string;
  comparedWith: string;
  comparedWithEnd: string;
  newestBanner: string;
  /** What a table's figures are called in a sentence, per measure: "kedatangan", "orang dikenai tindakan". */
  subjects: Record<TableName, Record<string, string>>;
  tableNames: Record<TableName, string>;
  newMonths: string;
  noNewMonths: string;
  revised: { some: [string, string]; none: string };
  newlyWithheld: { some: [string, string]; none: string };
  newlyPublished: { some: [string, string]; none: string };
  held: { some: string; none: string; why: string };
  dropped: string;
  summaryHeading: string;
  tables: {
    byChange: string;
    byRelative: string;
    newlyWithheld: string;
    newlyPublished: string;
    newMonths: string;
    /** "Showing ", " of ", ".": around the rows shown and the total. */
    shown: [string, string, string];
    none: string;
  };
  columns: { figure: string; period: string; breakdown: string; before: string; after: string; change: string; relative: string; value: string; table: string };
  national: string;
  methodology: string;
  methodologyLink: string;
  why: string;
}

const id: RevisionsText = {
  link: 'Revisi',
  footerLink: 'Apa yang berubah sejak rilis sebelumnya',
  indexTitle: 'Revisi per rilis',
  calendarLead: 'Apa yang berubah pada setiap rilis dibandingkan dengan rilis sebelumnya, dan mengapa angka yang sudah dikutip bisa bergeser:',
  indexLead: 'Untuk setiap rilis yang masih disimpan: apa yang berubah sejak rilis sebelumnya — bulan baru, angka yang sudah terbit lalu direvisi, angka yang kini dirahasiakan atau kini terbit — supaya jelas mengapa angka yang dikutip bulan lalu bergeser.',
  indexNewest: 'Revisi rilis terbaru',
  releaseItem: 'Rilis',
  indexCompared: 'dibandingkan dengan rilis',
  indexFirst: 'rilis tertua yang disimpan; tidak ada rilis sebelumnya untuk dibandingkan',
  title: 'Revisi rilis',
  description: 'Apa yang berubah dalam rilis ini dibandingkan dengan rilis sebelumnya: bulan baru, revisi angka yang sudah terbit, angka yang kini dirahasiakan atau kini terbit.',
  comparedWith: 'Dibandingkan dengan rilis',
  comparedWithEnd: '. Semua angka di halaman ini berasal dari berkas yang diterbitkan kedua rilis itu.',
  newestBanner: 'Ini bukan rilis terbaru. Lihat revisi rilis terbaru:',
  subjects: {
    arrivals: { count: 'kedatangan' },
    sanctions: { count: 'orang dikenai tindakan' },
    operations: { activities: 'kegiatan TIMPORA', foreigners_checked: 'WNA diperiksa', findings: 'temuan pelanggaran', follow_ups: 'tindak lanjut' },
    registry: { count: 'angka antarinstansi' },
  },
  tableNames: { arrivals: 'kedatangan', sanctions: 'sanksi', operations: 'operasi TIMPORA', registry: 'data antarinstansi' },
  newMonths: 'Bulan baru',
  noNewMonths: 'Tidak ada bulan baru.',
  revised: { some: ['', ' angka yang sudah terbit direvisi; terbesar: '], none: 'Tidak ada angka yang sudah terbit yang direvisi.' },
  newlyWithheld: { some: ['', ' angka yang sebelumnya terbit kini dirahasiakan; terbesar: '], none: 'Tidak ada angka yang sebelumnya terbit kini dirahasiakan.' },
  newlyPublished: { some: ['', ' angka yang sebelumnya dirahasiakan kini terbit; terbesar: '], none: 'Tidak ada angka yang sebelumnya dirahasiakan kini terbit.' },
  held: {
    some: 'Revisi yang ditahan',
    none: 'Tidak ada revisi yang ditahan.',
    why: 'angka bulan itu diterbitkan persis seperti pada rilis sebelumnya sampai revisinya dapat diterbitkan tanpa mengungkap perubahan kecil.',
  },
  dropped: 'Tidak lagi diterbitkan',
  summaryHeading: 'Ringkasan',
  tables: {
    byChange: 'Revisi terbesar menurut selisih',
    byRelative: 'Revisi terbesar menurut persentase',
    newlyWithheld: 'Angka yang kini dirahasiakan',
    newlyPublished: 'Angka yang kini terbit',
    newMonths: 'Angka nasional bulan baru',
    shown: ['Menampilkan ', ' dari ', '.'],
    none: 'Tidak ada.',
  },
  columns: { figure: 'Angka', period: 'Periode', breakdown: 'Rincian', before: 'Rilis sebelumnya', after: 'Rilis ini', change: 'Selisih', relative: 'Perubahan', value: 'Angka', table: 'Tabel' },
  national: 'nasional',
  methodology: 'Cara revisi dilindungi dijelaskan di',
  methodologyLink: 'Metodologi',
  why: 'Angka yang dirahasiakan pada salah satu rilis tidak pernah diberi selisih: halaman ini hanya memuat nilai yang diterbitkan rilis itu sendiri.',
};

const en: RevisionsText = {
  link: 'Revisions',
  footerLink: 'What changed since the previous release',
  indexTitle: 'Revisions by release',
  calendarLead: 'What changed in each release since the previous one, and why a figure already quoted may move:',
  indexLead: 'For each release still kept: what changed since the previous release — new months, figures already published and since revised, figures now withheld or now published — so it is clear why a number quoted last month moved.',
  indexNewest: 'Revisions of the newest release',
  releaseItem: 'Release',
  indexCompared: 'compared with the release of',
  indexFirst: 'the oldest release kept; there is no earlier release to compare with',
  title: 'Revisions of the release',
  description: 'What changed in this release since the previous one: new months, revisions of published figures, figures now withheld or now published.',
  comparedWith: 'Compared with the release of',
  comparedWithEnd: '. Every figure on this page comes from the files the two releases publish.',
  newestBanner: 'This is not the newest release. See the revisions of the newest release:',
  subjects: {
    arrivals: { count: 'arrivals' },
    sanctions: { count: 'persons sanctioned' },
    operations: { activities: 'TIMPORA activities', foreigners_checked: 'foreigners checked', findings: 'violations found', follow_ups: 'follow-ups' },
    registry: { count: 'inter-agency figure' },
  },
  tableNames: { arrivals: 'arrivals', sanctions: 'sanctions', operations: 'TIMPORA operations', registry: 'inter-agency figures' },
  newMonths: 'New months',
  noNewMonths: 'No new months.',
  revised: { some: ['', ' published figures were revised; the largest: '], none: 'No published figure was revised.' },
  newlyWithheld: { some: ['', ' figures published before are now withheld; the largest: '], none: 'No figure published before is now withheld.' },
  newlyPublished: { some: ['', ' figures withheld before are now published; the largest: '], none: 'No figure withheld before is now published.' },
  held: {
    some: 'Revisions held',
    none: 'No revision is held.',
    why: 'the figures of that month are published exactly as in the previous release until the revision can be published without revealing a small change.',
  },
  dropped: 'No longer published',
  summaryHeading: 'Summary',
  tables: {
    byChange: 'Largest revisions by difference',
    byRelative: 'Largest revisions by percentage',
    newlyWithheld: 'Figures now withheld',
    newlyPublished: 'Figures now published',
    newMonths: 'National figures of the new months',
    shown: ['Showing ', ' of ', '.'],
    none: 'None.',
  },
  columns: { figure: 'Figure', period: 'Period', breakdown: 'Breakdown', before: 'Previous release', after: 'This release', change: 'Difference', relative: 'Change', value: 'Figure', table: 'Table' },
  national: 'national',
  methodology: 'How revisions are protected is explained in the',
  methodologyLink: 'Methodology',
  why: 'A figure withheld in either release is never given a difference: this page holds only values the releases themselves publish.',
};

export const revisionsText = (locale: Locale): RevisionsText => (locale === 'en' ? en : id);
