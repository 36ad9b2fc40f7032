/**
 * Text of the plain-language summary (/ringkasan/, /en/summary/ and one per province), the embed
 * pages and the embed button: short sentences, each term explained where it first appears. The
 * numbers arrive formatted ("5.450.645", "+7,2%", or "[c]" where withheld).
 */
import type { Locale } from './locales.ts';

export interface SummaryText {
  nav: string;
  title: (place: string | null) => string;
  description: (place: string | null) => string;
  heading: (place: string | null) => string;
  national: string;
  whatHeading: string;
  what: string[];
  period: (half: string, snapshot: string) => string;
  figureMeta: (half: string, snapshot: string) => string;
  arrivalsHeading: string;
  arrivals: (where: string, half: string, value: string) => string;
  arrivalsChange: (change: string, earlierHalf: string, earlier: string) => string;
  arrivalsNote: string;
  sanctionsHeading: string;
  sanctioned: (where: string, value: string) => string;
  sanctionedEarlier: (earlierHalf: string, earlier: string, change: string | null) => string;
  actionGroups: (list: string) => string;
  detention: (value: string) => string;
  topViolation: (label: string, value: string) => string;
  operationsHeading: string;
  activities: (where: string, list: string) => string;
  results: (checked: string, findings: string, followUps: string) => string;
  noResultsHere: string;
  gapHeading: string;
  gap: (name: string, list: string, gap: string, span: string) => string;
  gapWhy: string;
  noGap: string;
  withheldNote: string;
  provincesHeading: string;
  provincesLead: string;
  more: string;
  printHint: string;
  /** In every place the name of the area: "di Indonesia", "di Provinsi Banten". */
  inPlace: (place: string | null) => string;
  home: {
    heading: (half: string) => string;
    lead: (snapshot: string) => string;
    description: (arrivals: string, change: string, half: string) => string;
    toSummary: string;
    tilesHeading: string;
  };
  /** The precision rule for percentages, as the methodology states it. */
  precision: { heading: string; text: string };
  embed: {
    button: string;
    codeLabel: string;
    openFull: string;
  };
}

const id: SummaryText = {
  nav: 'Ringkasan',
  title: (place) => (place ? `Ringkasan ${place}` : 'Ringkasan'),
  description: (place) => `Ringkasan singkat pengawasan orang asing ${place ? `di ${place}` : 'di Indonesia'}: kedatangan, sanksi, kegiatan TIMPORA dan selisih data antarinstansi.`,
  heading: (place) => (place ? `Ringkasan: ${place}` : 'Ringkasan pengawasan orang asing'),
  national: 'Indonesia',
  whatHeading: 'Apa itu TIMPORA?',
  what: [
    'TIMPORA adalah Tim Pengawasan Orang Asing. Anggotanya kantor imigrasi, kepolisian, TNI, pemerintah daerah, Disdukcapil (catatan sipil), Kemenag dan instansi lain.',
    'Tim ini ada di tingkat pusat, provinsi, kabupaten/kota dan kecamatan. Tim mengadakan rapat koordinasi (rakor), bertukar data, memberi sosialisasi, dan turun bersama dalam operasi gabungan ke tempat orang asing tinggal atau bekerja.',
  ],
  period: (half, snapshot) => `Angka di halaman ini untuk ${half}, dari data per ${snapshot}. Semua angka berasal dari tabel terbit yang sudah dilindungi.`,
  figureMeta: (half, snapshot) => `${half} · data per ${snapshot}`,
  arrivalsHeading: 'Kedatangan orang asing',
  arrivals: (where, half, value) => `Pada ${half} tercatat ${value} kedatangan orang asing (WNA) ${where}.`,
  arrivalsChange: (change, earlierHalf, earlier) => `Itu ${change} dibanding ${earlierHalf} (${earlier}).`,
  arrivalsNote: 'Satu kedatangan adalah satu kali masuk melalui tempat pemeriksaan imigrasi, bukan satu orang: orang yang datang dua kali dihitung dua kali.',
  sanctionsHeading: 'Orang asing yang dikenai sanksi',
  sanctioned: (where, value) => `${value} orang asing ${where} dikenai tindakan administratif keimigrasian (TAK). TAK adalah sanksi dari kantor imigrasi tanpa sidang pengadilan.`,
  sanctionedEarlier: (earlierHalf, earlier, change) => `Pada ${earlierHalf}: ${earlier}${change ? ` (${change})` : ''}.`,
  actionGroups: (list) => `Menurut jenisnya: ${list}.`,
  detention: (value) => `Selain itu ${value} orang didetensi, yaitu ditahan di rumah detensi imigrasi. Detensi bukan bentuk TAK.`,
  topViolation: (label, value) => `Pelanggaran yang paling sering: ${label.toLowerCase()}, ${value} orang.`,
  operationsHeading: 'Kegiatan dan hasil TIMPORA',
  activities: (where, list) => `TIMPORA ${where} mencatat ${list}.`,
  results: (checked, findings, followUps) => `Dalam kegiatan itu ${checked} orang asing diperiksa. ${findings} di antaranya ditemukan melanggar, dan untuk ${followUps} orang perkaranya ditindaklanjuti.`,
  noResultsHere: 'Jumlah orang yang diperiksa hanya diterbitkan untuk seluruh Indonesia, agar tidak ada orang yang dapat dikenali.',
  gapHeading: 'Di mana angka instansi berbeda',
  gap: (name, list, gap, span) => `Instansi tidak selalu mencatat angka yang sama. Selisih terbesar ada di ${name}: ${list}. Selisihnya ${gap} orang (${span}).`,
  gapWhy: 'Selisih ini menjadi bahan rapat koordinasi TIMPORA: data yang dicocokkan membantu menemukan orang asing yang belum dilaporkan.',
  noGap: 'Untuk wilayah ini belum ada selisih yang dapat diterbitkan.',
  withheldNote: '[c] = dirahasiakan: angka ini tidak dipublikasikan agar tidak ada orang yang dapat dikenali.',
  provincesHeading: 'Ringkasan per provinsi',
  provincesLead: 'Ringkasan yang sama untuk setiap provinsi:',
  more: 'Grafik dan tabel lengkap',
  printHint: 'Halaman ini dapat dicetak pada dua lembar A4.',
  inPlace: (place) => (place ? `di Provinsi ${place}` : 'di Indonesia'),
  home: {
    heading: (half) => `Temuan utama, ${half}`,
    lead: (snapshot) => `Yang terjadi pada setengah tahun terakhir yang datanya sudah final, menurut data per ${snapshot}.`,
    description: (arrivals, change, half) => `${arrivals} kedatangan orang asing pada ${half}, ${change} dari setahun sebelumnya. Statistik pengawasan orang asing (TIMPORA).`,
    toSummary: 'Baca ringkasan lengkap (dapat dicetak)',
    tilesHeading: 'Angka utama lainnya',
  },
  precision: {
    heading: 'Ketelitian persentase',
    text: 'Semua persentase di situs ini ditulis dengan satu angka desimal dan dibulatkan (7,285% menjadi 7,3%). Angka yang dikutip rilis resmi bisa berbeda pada desimal kedua: rilis Juli 2024 menulis "naik 7,28%" dan diberitakan "naik 7,2%" untuk perubahan yang sama.',
  },
  embed: {
    button: 'Sematkan',
    codeLabel: 'Kode <iframe> untuk situs Anda',
    openFull: 'Buka di Pantau WNA',
  },
};

const en: SummaryText = {
  nav: 'Summary',
  title: (place) => (place ? `Summary: ${place}` : 'Summary'),
  description: (place) => `A short summary of the supervision of foreign nationals ${place ? `in ${place}` : 'in Indonesia'}: arrivals, sanctions, TIMPORA activities and where agencies' figures differ.`,
  heading: (place) => (place ? `Summary: ${place}` : 'Supervision of foreign nationals: a summary'),
  national: 'Indonesia',
  whatHeading: 'What is TIMPORA?',
  what: [
    'TIMPORA is the foreigner supervision team. Its members are the immigration office, police, armed forces, local government, the civil registry (Disdukcapil), the Ministry of Religious Affairs (Kemenag) and other agencies.',
    'There are teams at national, province, regency/city and district level. They hold coordination meetings (rakor), exchange data, run public outreach, and carry out joint operations at places where foreigners live or work.',
  ],
  period: (half, snapshot) => `The figures on this page are for ${half}, from the data as of ${snapshot}. All of them come from the protected public tables.`,
  figureMeta: (half, snapshot) => `${half} · data as of ${snapshot}`,
  arrivalsHeading: 'Foreign arrivals',
  arrivals: (where, half, value) => `In ${half}, ${value} arrivals of foreign nationals were recorded ${where}.`,
  arrivalsChange: (change, earlierHalf, earlier) => `That is ${change} on ${earlierHalf} (${earlier}).`,
  arrivalsNote: 'An arrival is one entry through an immigration checkpoint, not one person: someone who comes twice is counted twice.',
  sanctionsHeading: 'Foreign nationals sanctioned',
  sanctioned: (where, value) => `${value} foreign nationals ${where} were subject to an immigration administrative action (TAK). A TAK is a sanction by the immigration office, without a court case.`,
  sanctionedEarlier: (earlierHalf, earlier, change) => `In ${earlierHalf}: ${earlier}${change ? ` (${change})` : ''}.`,
  actionGroups: (list) => `By kind: ${list}.`,
  detention: (value) => `Besides, ${value} persons were held in immigration detention. Detention is not a form of TAK.`,
  topViolation: (label, value) => `The most frequent violation: ${label.toLowerCase()}, ${value} persons.`,
  operationsHeading: 'TIMPORA activities and results',
  activities: (where, list) => `TIMPORA ${where} recorded ${list}.`,
  results: (checked, findings, followUps) => `In these activities ${checked} foreign nationals were checked. ${findings} of them were found in violation, and for ${followUps} proceedings were opened.`,
  noResultsHere: 'The number of persons checked is published for Indonesia as a whole only, so that nobody can be singled out.',
  gapHeading: "Where agencies' figures differ",
  gap: (name, list, gap, span) => `Agencies do not always record the same figure. The largest gap is in ${name}: ${list}. The gap is ${gap} persons (${span}).`,
  gapWhy: 'Such gaps are what TIMPORA coordination meetings discuss: matching the records helps find foreigners who have not been reported.',
  noGap: 'No gap can be published for this area yet.',
  withheldNote: '[c] = confidential: this figure is not published so that nobody can be singled out.',
  provincesHeading: 'Summary by province',
  provincesLead: 'The same summary for every province:',
  more: 'Full charts and tables',
  printHint: 'This page prints on two A4 sheets.',
  inPlace: (place) => (place ? `in ${place} province` : 'in Indonesia'),
  home: {
    heading: (half) => `Key findings, ${half}`,
    lead: (snapshot) => `What happened in the latest half-year whose figures are final, from the data as of ${snapshot}.`,
    description: (arrivals, change, half) => `${arrivals} arrivals of foreign nationals in ${half}, ${change} on a year earlier. Statistics on the supervision of foreign nationals (TIMPORA).`,
    toSummary: 'Read the full summary (printable)',
    tilesHeading: 'More headline figures',
  },
  precision: {
    heading: 'Precision of percentages',
    text: 'Every percentage on this site has one decimal, rounded (7.285% is shown as 7.3%). Figures quoted in official releases may differ in the second decimal: the July 2024 release said "up 7.28%", and the press "up 7.2%", for the same change.',
  },
  embed: {
    button: 'Embed',
    codeLabel: '<iframe> code for your site',
    openFull: 'Open on Pantau WNA',
  },
};

export const SUMMARY_TEXT: Record<Locale, SummaryText> = { id, en };
export const summaryText = (locale: Locale): SummaryText => SUMMARY_TEXT[locale];
