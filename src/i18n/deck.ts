/**
 * Text of the rakor presenter decks (/presentasi/, /en/presentation/): slide headings, the
 * sentences that state each slide's message, speaker notes and the deck index. Figures are
 * formatted by the caller (src/i18n/format.ts); these functions only place them in a sentence.
 */
import type { Locale } from './locales.ts';

export interface DeckText {
  indexTitle: string;
  indexLead: string;
  pick: { area: string; release: string; topics: string; open: string; link: string; nation: string; provinces: string; offices: string; releaseOption: (date: string, span: string, newest: boolean) => string;
    /** Beside the snapshot choice when a city/regency is picked: its decks exist for the newest snapshot only. */
    cityNewestOnly: string;
    /** Where the picker would be, with JavaScript off: the lists below link every deck. */
    needsScript: string;
  };
  deckTitle: (area: string) => string;
  nation: string;
  province: (name: string) => string;
  dataAsOf: (date: string) => string;
  synthetic: string;
  period: (span: string) => string;
  topics: Record<DeckTopic, string>;
  heading: Record<SlideId, string>;
  up: string;
  down: string;
  same: string;
  /** "Kedatangan WNA Januari–Juni 2025 naik 7,15% dibanding periode yang sama 2024". */
  arrivalsChange: (span: string, verb: string, change: string, year: string) => string;
  arrivalsOnly: (span: string, count: string) => string;
  takChange: (span: string, count: string, verb: string, change: string, year: string) => string;
  takOnly: (span: string, count: string) => string;
  activities: (span: string, list: string) => string;
  keyFigure: { arrivals: string; tak: string; operations: string; earlier: (span: string) => string };
  withheldNote: string;
  notes: {
    period: (span: string, earlier: string) => string;
    source: (file: string, date: string) => string;
    events: string;
    persons: string;
    withheld: string;
    halfOnly: string;
    funnel: string;
    gaps: string;
  };
  qr: { heading: string; message: string; corner: string; scan: (url: string) => string };
  closing: { heading: string; message: string; sources: string; definitions: readonly string[]; peopleEvents: string; withheld: string; synthetic: string };
  controls: { download: string; downloading: string; print: string; printNotes: string; handout: string; keys: string; site: string; index: string };
  nav: string;
  redirect: (date: string) => string;
  /** The decks of a city/regency (newest release only). */
  city: {
    pick: string;
    /** "Kegiatan TIMPORA 2025: 12 rapat koordinasi, 3 operasi gabungan". */
    activities: (year: string, list: string) => string;
    /** "Kegiatan TIMPORA 2025 menurut tingkat: kabupaten/kota 10, kecamatan 4". */
    levels: (year: string, list: string) => string;
    levelsNote: string;
    /** "Perkawinan campuran 2024: Kemenag mencatat 7 lebih banyak dari Disdukcapil (35%)". */
    gap: (what: string, period: string, more: string, less: string, amount: string, share: string) => string;
    gapEqual: (what: string, period: string) => string;
    gapNone: (what: string, period: string) => string;
    mixedMarriages: string;
    foreignResidents: string;
    office: (names: string) => string;
    noOffice: string;
    officeNote: string;
    /** "TPI di wilayah ini: Bandar Udara Internasional I Gusti Ngurah Rai". */
    checkpoints: (names: string) => string;
    periodYears: (from: string, to: string) => string;
  };
}

export type DeckTopic = 'arrivals' | 'sanctions' | 'operations' | 'integration';
export type SlideId = 'title' | 'activity-levels' | 'office' | 'key-figures' | 'arrivals-trend' | 'nationalities' | 'ports' | 'sanctions-groups' | 'sanctions-offices' | 'activities' | 'funnel' | 'gaps' | 'qr' | 'closing';

const ID: DeckText = {
  indexTitle: 'Presentasi rakor TIMPORA',
  indexLead:
    'Bahan paparan siap pakai untuk rapat koordinasi: satu dek per wilayah, dibekukan pada snapshot datanya. Pilih wilayah, snapshot dan topik, lalu buka atau salin tautan dek. Dek tetap berjalan tanpa jaringan setelah dibuka, dan dapat diunduh sebagai satu berkas HTML.',
  pick: {
    area: 'Wilayah',
    release: 'Snapshot data (periode)',
    topics: 'Topik',
    open: 'Buka dek',
    link: 'Tautan dek',
    nation: 'Nasional',
    provinces: 'Provinsi',
    offices: 'Kantor imigrasi (Kanim)',
    releaseOption: (date, span, newest) => `Data per ${date} — ${span}${newest ? ' (terbaru)' : ''}`,
    cityNewestOnly: 'Dek kabupaten/kota hanya dibuat dari snapshot terbaru.',
    needsScript: 'Pemilih dek memerlukan JavaScript. Semua dek terbaru tertaut di daftar di bawah ini.',
  },
  deckTitle: (area) => `Presentasi rakor TIMPORA: ${area}`,
  nation: 'Indonesia (nasional)',
  province: (name) => `Provinsi ${name}`,
  dataAsOf: (date) => `Data per ${date}`,
  synthetic: 'data contoh sintetis',
  period: (span) => `Periode ${span}`,
  topics: { arrivals: 'Kedatangan', sanctions: 'Sanksi (TAK)', operations: 'Kegiatan TIMPORA', integration: 'Selisih antarinstansi' },
  heading: {
    title: 'Rakor TIMPORA',
    'activity-levels': 'Kegiatan TIMPORA menurut tingkat',
    office: 'Kantor imigrasi yang melayani',
    'key-figures': 'Angka kunci',
    'arrivals-trend': 'Tren kedatangan',
    nationalities: 'Kewarganegaraan terbanyak',
    ports: 'TPI tersibuk',
    'sanctions-groups': 'Tindakan administratif (TAK)',
    'sanctions-offices': 'TAK menurut kantor',
    activities: 'Kegiatan TIMPORA',
    funnel: 'Hasil pemeriksaan TIMPORA',
    gaps: 'Selisih antarinstansi',
    qr: 'Ikuti di ponsel',
    closing: 'Sumber dan definisi',
  },
  up: 'naik',
  down: 'turun',
  same: 'sama dengan',
  arrivalsChange: (span, verb, change, year) => `Kedatangan WNA ${span} ${verb} ${change} dibanding periode yang sama ${year}`,
  arrivalsOnly: (span, count) => `Kedatangan WNA ${span}: ${count}`,
  takChange: (span, count, verb, change, year) => `${count} orang dikenai TAK ${span}, ${verb} ${change} dibanding periode yang sama ${year}`,
  takOnly: (span, count) => `${count} orang dikenai TAK ${span}`,
  activities: (span, list) => `Kegiatan TIMPORA ${span}: ${list}`,
  keyFigure: { arrivals: 'Kedatangan WNA', tak: 'Orang dikenai TAK', operations: 'Operasi gabungan TIMPORA', earlier: (span) => `${span}:` },
  withheldNote: '[c] = dirahasiakan agar tidak ada orang yang dapat dikenali.',
  notes: {
    period: (span, earlier) => `Periode: ${span}; pembanding: ${earlier}.`,
    source: (file, date) => `Sumber: ${file}, snapshot ${date} (tabel publik yang dilindungi).`,
    events: 'Kedatangan menghitung perlintasan (peristiwa), bukan orang: satu WNA yang masuk dua kali dihitung dua kali.',
    persons: 'TAK menghitung orang per jenis tindakan: satu orang dengan dua tindakan dihitung di keduanya.',
    withheld: 'Angka [c] dirahasiakan; jangan menebak atau menjumlahkan sel yang dirahasiakan.',
    halfOnly: 'Rincian sanksi per provinsi dan kantor hanya diterbitkan per semester.',
    funnel: 'Orang yang diperiksa, ditemukan melanggar dan diproses TAK hanya diterbitkan sebagai angka nasional.',
    gaps: 'Selisih = angka terbesar dikurangi terkecil dari instansi yang melaporkan; tidak dihitung bila ada angka yang dirahasiakan. Instansi mencatat hal yang berbeda menurut definisinya (mis. izin tinggal vs domisili terdaftar).',
  },
  qr: {
    heading: 'Ikuti di ponsel',
    message: 'Pindai kode ini untuk membuka angka wilayah ini di situs Pantau WNA',
    corner: 'Pindai untuk membuka tampilan ini di situs',
    scan: (url) => `Alamat: ${url}`,
  },
  closing: {
    heading: 'Sumber dan definisi',
    message: 'Semua angka berasal dari tabel publik Pantau WNA yang dilindungi dari pengungkapan',
    sources: 'Sumber data',
    definitions: [
      'Kedatangan: perlintasan masuk WNA yang diperiksa di TPI (bandara, pelabuhan, PLBN).',
      'TAK: Tindakan Administratif Keimigrasian, Pasal 75 UU 6/2011; detensi bukan bentuk TAK.',
      'Kegiatan TIMPORA: rapat koordinasi, operasi gabungan, sosialisasi dan pertukaran data (Permenkumham 50/2016).',
    ],
    peopleEvents: 'Orang dan peristiwa: kedatangan dan kegiatan adalah peristiwa; sanksi dan hasil pemeriksaan adalah orang. Jangan membandingkan atau menjumlahkan keduanya.',
    withheld: '[c] = dirahasiakan: angka tidak diterbitkan agar tidak ada orang yang dapat dikenali; angka nol selalu ditampilkan.',
    synthetic: 'Data contoh sintetis — bukan angka resmi.',
  },
  nav: 'Presentasi',
  controls: { download: 'Unduh untuk luring', downloading: 'Menyiapkan berkas…', print: 'Cetak / PDF', printNotes: 'Cetak dengan catatan', handout: 'Handout (2 per A4)', keys: '→ berikutnya · ← sebelumnya · F layar penuh · Esc ikhtisar · B layar hitam · S tampilan pembicara', site: 'Halaman wilayah', index: 'Semua presentasi' },
  redirect: (date) => `Dek terbaru (data per ${date})`,
  city: {
    pick: 'Kabupaten/kota (snapshot terbaru)',
    activities: (year, list) => `Kegiatan TIMPORA ${year}: ${list}`,
    levels: (year, list) => `Kegiatan TIMPORA ${year} menurut tingkat: ${list}`,
    levelsNote: 'Kegiatan dihitung sebagai peristiwa, bukan orang; tingkat = wilayah tempat kegiatan diselenggarakan.',
    gap: (what, period, more, less, amount, share) => `${what} ${period}: ${more} mencatat ${amount} lebih banyak dari ${less} (${share})`,
    gapEqual: (what, period) => `${what} ${period}: angka kedua instansi sama`,
    gapNone: (what, period) => `${what} ${period}: tidak dapat dibandingkan (ada angka yang dirahasiakan)`,
    mixedMarriages: 'Perkawinan campuran',
    foreignResidents: 'WNA yang tinggal',
    office: (names) => `Wilayah ini dilayani ${names}`,
    noOffice: 'Kantor imigrasi yang melayani wilayah ini belum dapat dipastikan dari sumber terbuka',
    officeNote: 'Sumber: data/reference/office-regencies.csv (kolom source per baris).',
    checkpoints: (names) => `TPI di wilayah ini: ${names}`,
    periodYears: (from, to) => (from === to ? `Tahun ${from}` : `Tahun ${from}–${to}`),
  },
};

const EN: DeckText = {
  indexTitle: 'TIMPORA rakor presentations',
  indexLead:
    'Ready-made slides for coordination meetings: one deck per area, frozen to its data snapshot. Pick an area, a snapshot and topics, then open or copy the deck’s link. A deck keeps working with no network once opened, and can be downloaded as one HTML file.',
  pick: {
    area: 'Area',
    release: 'Data snapshot (period)',
    topics: 'Topics',
    open: 'Open deck',
    link: 'Deck link',
    nation: 'National',
    provinces: 'Provinces',
    offices: 'Immigration offices (Kanim)',
    releaseOption: (date, span, newest) => `Data as of ${date} — ${span}${newest ? ' (newest)' : ''}`,
    cityNewestOnly: 'City/regency decks are made from the newest snapshot only.',
    needsScript: 'The deck picker needs JavaScript. Every newest deck is linked in the lists below.',
  },
  deckTitle: (area) => `TIMPORA rakor presentation: ${area}`,
  nation: 'Indonesia (national)',
  province: (name) => `${name} province`,
  dataAsOf: (date) => `Data as of ${date}`,
  synthetic: 'synthetic sample data',
  period: (span) => `Period ${span}`,
  topics: { arrivals: 'Arrivals', sanctions: 'Sanctions (TAK)', operations: 'TIMPORA activities', integration: 'Inter-agency gaps' },
  heading: {
    title: 'TIMPORA rakor',
    'activity-levels': 'TIMPORA activities by level',
    office: 'Immigration office serving it',
    'key-figures': 'Key figures',
    'arrivals-trend': 'Arrivals trend',
    nationalities: 'Top nationalities',
    ports: 'Busiest checkpoints',
    'sanctions-groups': 'Administrative actions (TAK)',
    'sanctions-offices': 'TAK by office',
    activities: 'TIMPORA activities',
    funnel: 'Results of TIMPORA checks',
    gaps: 'Inter-agency gaps',
    qr: 'Follow on your phone',
    closing: 'Sources and definitions',
  },
  up: 'up',
  down: 'down',
  same: 'level with',
  arrivalsChange: (span, verb, change, year) => `Foreign arrivals ${span} ${verb} ${change} on the same period of ${year}`,
  arrivalsOnly: (span, count) => `Foreign arrivals ${span}: ${count}`,
  takChange: (span, count, verb, change, year) => `${count} persons subject to TAK ${span}, ${verb} ${change} on the same period of ${year}`,
  takOnly: (span, count) => `${count} persons subject to TAK ${span}`,
  activities: (span, list) => `TIMPORA activities ${span}: ${list}`,
  keyFigure: { arrivals: 'Foreign arrivals', tak: 'Persons subject to TAK', operations: 'TIMPORA joint operations', earlier: (span) => `${span}:` },
  withheldNote: '[c] = confidential, so that nobody can be singled out.',
  notes: {
    period: (span, earlier) => `Period: ${span}; compared with ${earlier}.`,
    source: (file, date) => `Source: ${file}, snapshot ${date} (protected public tables).`,
    events: 'Arrivals count crossings (events), not persons: a foreigner entering twice counts twice.',
    persons: 'TAK counts persons per action type: a person with two actions counts under both.',
    withheld: 'Figures marked [c] are confidential; do not guess them or add withheld cells up.',
    halfOnly: 'Sanctions by province and office are published by half-year only.',
    funnel: 'Persons checked, found in violation and put into proceedings are published as national figures only.',
    gaps: 'Gap = largest minus smallest of the agencies reporting; not computed where a figure is withheld. Agencies record different things by definition (e.g. stay permits vs registered residence).',
  },
  qr: {
    heading: 'Follow on your phone',
    message: 'Scan this code to open this area’s figures on the Pantau WNA site',
    corner: 'Scan to open this view on the site',
    scan: (url) => `Address: ${url}`,
  },
  closing: {
    heading: 'Sources and definitions',
    message: 'Every figure comes from Pantau WNA’s public tables, protected against disclosure',
    sources: 'Data sources',
    definitions: [
      'Arrivals: foreign nationals’ entries examined at checkpoints (airports, seaports, land border posts).',
      'TAK: immigration administrative actions, Art. 75 Law 6/2011; detention is not a TAK form.',
      'TIMPORA activities: coordination meetings, joint operations, outreach and data exchange (Permenkumham 50/2016).',
    ],
    peopleEvents: 'People and events: arrivals and activities are events; sanctions and check results are persons. Do not compare or add the two.',
    withheld: '[c] = confidential: not published so that nobody can be singled out; zeros are always shown.',
    synthetic: 'Synthetic sample data — not official figures.',
  },
  nav: 'Presentations',
  controls: { download: 'Download for offline use', downloading: 'Preparing the file…', print: 'Print / PDF', printNotes: 'Print with notes', handout: 'Handout (2 per A4)', keys: '→ next · ← back · F full screen · Esc overview · B black screen · S speaker view', site: 'Area page', index: 'All presentations' },
  redirect: (date) => `Newest deck (data as of ${date})`,
  city: {
    pick: 'Cities/regencies (newest snapshot)',
    activities: (year, list) => `TIMPORA activities in ${year}: ${list}`,
    levels: (year, list) => `TIMPORA activities in ${year} by level: ${list}`,
    levelsNote: 'Activities are counted as events, not persons; the level is the area the activity was held for.',
    gap: (what, period, more, less, amount, share) => `${what} ${period}: ${more} records ${amount} more than ${less} (${share})`,
    gapEqual: (what, period) => `${what} ${period}: both agencies record the same number`,
    gapNone: (what, period) => `${what} ${period}: not comparable (a figure is withheld)`,
    mixedMarriages: 'Mixed marriages',
    foreignResidents: 'Foreign residents',
    office: (names) => `This area is served by ${names}`,
    noOffice: 'The immigration office serving this area is not yet established from an open source',
    officeNote: 'Source: data/reference/office-regencies.csv (source column, row by row).',
    checkpoints: (names) => `Checkpoints here: ${names}`,
    periodYears: (from, to) => (from === to ? `Year ${from}` : `Years ${from}–${to}`),
  },
};

export const deckText = (locale: Locale): DeckText => (locale === 'id' ? ID : EN);
