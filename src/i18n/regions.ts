/** Text of the city/regency pages and of the city/regency gap ranking, in both languages. */
import type { Locale } from './locales.ts';

export interface RegionsText {
  lead: (province: string) => string;
  provincePage: (province: string) => string;
  servedBy: string;
  noOffice: string;
  activitiesHeading: string;
  activitiesLead: string;
  noActivities: string;
  byLevel: string;
  byKind: string;
  level: string;
  kind: string;
  total: string;
  agenciesHeading: string;
  agency: string;
  activities: string;
  registryHeading: string;
  registryLead: string;
  mixedMarriages: string;
  foreignResidents: string;
  period: string;
  agencyName: Record<'disdukcapil' | 'kemenag' | 'imigrasi', string>;
  gap: string;
  relativeGap: string;
  direction: string;
  more: (agency: string) => string;
  equal: string;
  notComparable: string;
  noRegistry: string;
  withheldNote: string;
  arrivalsHeading: string;
  arrivalsLead: string;
  checkpointsHere: string;
  /** "12 bulan terakhir (Jun 2024–Mei 2025): 1.234 kedatangan, naik 7,2% dari 1.151 pada 12 bulan sebelumnya (Jun 2023–Mei 2024)." */
  twelveMonths: (span: string, total: string, verb: string, change: string, earlier: string, earlierSpan: string) => string;
  twelveMonthsWithheld: string;
  twelveMonthsShort: string;
  up: string;
  down: string;
  same: string;
  /** Heading of the city/regency list on a province or office page. */
  citiesHeading: string;
  rankingHeading: (year: string) => string;
  /** Name of the scrolling region that holds the ranking table (a landmark of its own). */
  rankingTable: string;
  rankingLead: string;
  rankingDefinitions: string;
  rank: string;
  cityRegency: string;
  province: string;
}

export const REGIONS_TEXT: Record<Locale, RegionsText> = {
  id: {
    lead: (province) => `Kabupaten/kota di Provinsi ${province}: kegiatan TIMPORA di wilayah ini dan di kecamatan serta kelurahan/desanya, dan angka yang sama menurut tiap instansi.`,
    provincePage: (province) => `Halaman Provinsi ${province}`,
    servedBy: 'Kantor imigrasi yang melayani',
    noOffice: 'belum dapat dipastikan dari sumber terbuka: wilayah kerja Kanim menurut Permenkumham belum tersalin, dan tidak ditemukan pernyataan resmi yang menyebut kantor untuk wilayah ini (tidak ditebak).',
    activitiesHeading: 'Kegiatan TIMPORA',
    activitiesLead: 'Jumlah kegiatan (peristiwa, bukan orang) per tahun, di tingkat kabupaten/kota dan di bawahnya.',
    noActivities: 'Belum ada kegiatan TIMPORA yang tercatat di wilayah ini.',
    byLevel: 'Kegiatan menurut tingkat',
    byKind: 'Kegiatan menurut jenis',
    level: 'Tingkat',
    kind: 'Jenis kegiatan',
    total: 'Jumlah',
    agenciesHeading: 'Instansi yang ikut serta',
    agency: 'Instansi',
    activities: 'Kegiatan',
    registryHeading: 'Angka menurut tiap instansi',
    registryLead: 'Angka yang sama dari instansi yang berbeda, berdampingan. Selisih hanya dihitung bila kedua angka diterbitkan.',
    mixedMarriages: 'Perkawinan campuran per tahun',
    foreignResidents: 'WNA yang tinggal (stok pada akhir Juni dan Desember)',
    period: 'Periode',
    agencyName: { disdukcapil: 'Disdukcapil', kemenag: 'Kemenag', imigrasi: 'Imigrasi' },
    gap: 'Selisih',
    relativeGap: 'Selisih relatif',
    direction: 'Arah',
    more: (agency) => `${agency} mencatat lebih banyak`,
    equal: 'sama',
    notComparable: 'tidak dapat dibandingkan',
    noRegistry: 'Belum ada angka instansi yang diterbitkan untuk wilayah ini.',
    withheldNote: '[c] = dirahasiakan (angka kecil tidak diterbitkan); selisih di baris itu tidak dapat dibandingkan. Selisih relatif = selisih dibagi angka yang lebih besar.',
    arrivalsHeading: 'Kedatangan di TPI wilayah ini',
    arrivalsLead: 'Kedatangan WNA (peristiwa, bukan orang) per bulan di tempat pemeriksaan imigrasi yang berada di wilayah ini: jumlah angka per TPI yang diterbitkan. Yang datang melalui TPI ini tidak semuanya menuju wilayah ini.',
    checkpointsHere: 'TPI di wilayah ini',
    twelveMonths: (span, total, verb, change, earlier, earlierSpan) => `12 bulan terakhir (${span}): ${total} kedatangan, ${verb} ${change} dari ${earlier} pada 12 bulan sebelumnya (${earlierSpan}).`,
    twelveMonthsWithheld: '12 bulan terakhir tidak dapat dibandingkan dengan 12 bulan sebelumnya: ada bulan yang dirahasiakan ([c]).',
    twelveMonthsShort: 'Belum ada 24 bulan data untuk membandingkan 12 bulan terakhir dengan 12 bulan sebelumnya.',
    up: 'naik',
    down: 'turun',
    same: 'tetap',
    citiesHeading: 'Kabupaten/kota',
    rankingHeading: (year) => `Selisih perkawinan campuran per kabupaten/kota, ${year}`,
    rankingTable: 'Tabel peringkat selisih',
    rankingLead: 'Kabupaten/kota diurutkan menurut selisih Kemenag − Disdukcapil (terbesar dulu). Hanya angka yang diterbitkan; bila salah satu dirahasiakan, baris itu tidak dapat dibandingkan.',
    rankingDefinitions: 'Perkawinan campuran (WNI dengan WNA, Pasal 57 UU 1/1974) dicatat oleh dua instansi: perkawinan Muslim oleh KUA Kemenag, perkawinan lain oleh Disdukcapil (UU 23/2006 jo. UU 24/2013); perkawinan di luar negeri dilaporkan ke Disdukcapil setelah pasangan kembali. Satu perkawinan bisa tercatat di satu instansi, di keduanya (bila data dipertukarkan) atau belum di mana pun, sehingga selisih tidak selalu berarti kesalahan.',
    rank: 'No.',
    cityRegency: 'Kabupaten/kota',
    province: 'Provinsi',
  },
  en: {
    lead: (province) => `City/regency in ${province} province: TIMPORA activities here and in its districts and villages, and the same figure as each agency reports it.`,
    provincePage: (province) => `${province} province page`,
    servedBy: 'Immigration office serving it',
    noOffice: 'not yet established from an open source: the Kanim work areas set by the Permenkumham are not transcribed yet and no public statement naming this area\'s office was found (left open, not guessed).',
    activitiesHeading: 'TIMPORA activities',
    activitiesLead: 'Number of activities (events, not persons) per year, at city/regency level and below.',
    noActivities: 'No TIMPORA activity is recorded in this area yet.',
    byLevel: 'Activities by level',
    byKind: 'Activities by kind',
    level: 'Level',
    kind: 'Kind of activity',
    total: 'Total',
    agenciesHeading: 'Agencies taking part',
    agency: 'Agency',
    activities: 'Activities',
    registryHeading: "The agencies' figures",
    registryLead: 'The same figure from different agencies, side by side. A gap is worked out only where both figures are published.',
    mixedMarriages: 'Mixed marriages per year',
    foreignResidents: 'Foreign residents (stock at the end of June and December)',
    period: 'Period',
    agencyName: { disdukcapil: 'Disdukcapil', kemenag: 'Kemenag', imigrasi: 'Immigration' },
    gap: 'Gap',
    relativeGap: 'Relative gap',
    direction: 'Direction',
    more: (agency) => `${agency} records more`,
    equal: 'equal',
    notComparable: 'not comparable',
    noRegistry: 'No agency figure is published for this area yet.',
    withheldNote: '[c] = confidential (small counts are not published); the gap in that row is not comparable. Relative gap = the gap divided by the larger figure.',
    arrivalsHeading: 'Arrivals at checkpoints here',
    arrivalsLead: 'Foreign arrivals (events, not persons) per month at the immigration checkpoints standing in this area: the sum of their published figures. Not everyone arriving through them is heading for this area.',
    checkpointsHere: 'Checkpoints here',
    twelveMonths: (span, total, verb, change, earlier, earlierSpan) => `Latest 12 months (${span}): ${total} arrivals, ${verb} ${change} from ${earlier} in the 12 months before (${earlierSpan}).`,
    twelveMonthsWithheld: 'The latest 12 months cannot be compared with the 12 before: a month is withheld ([c]).',
    twelveMonthsShort: 'There are not yet 24 months of data to compare the latest 12 months with the 12 before.',
    up: 'up',
    down: 'down',
    same: 'unchanged',
    citiesHeading: 'Cities/regencies',
    rankingHeading: (year) => `Mixed-marriage gap by city/regency, ${year}`,
    rankingTable: 'Gap ranking table',
    rankingLead: 'Cities/regencies ranked by the gap Kemenag − Disdukcapil (largest first). Published figures only; where either is withheld the row is not comparable.',
    rankingDefinitions: 'A mixed marriage (an Indonesian and a foreigner, Art. 57 of Law 1/1974) is registered by one of two agencies: Muslim marriages by the KUA of Kemenag, other marriages by Disdukcapil (Law 23/2006 as amended by Law 24/2013); a marriage abroad is reported to Disdukcapil after the couple returns. A marriage can appear at one agency, at both (when data are exchanged) or at neither yet, so a gap is not necessarily an error.',
    rank: 'No.',
    cityRegency: 'City/regency',
    province: 'Province',
  },
};
