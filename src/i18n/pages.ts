/** Headings and introductions of the dashboard pages, in both languages. */
export const PAGE_TEXT = {
  id: {
    home: { tiles: 'Angka utama', tilesLead: 'Setiap angka dihitung dari tabel terbit dan ditautkan ke halaman yang menjelaskannya.' },
    arrivals: { title: 'Kedatangan', description: 'Kedatangan WNA per bulan, perubahan tahunan, kewarganegaraan, TPI dan jenis visa/izin.', heading: 'Kedatangan WNA', lead: 'Kedatangan orang asing yang diperiksa di tempat pemeriksaan imigrasi. Kedatangan menghitung perlintasan (peristiwa), bukan orang.' },
    sanctions: { title: 'Sanksi', description: 'Tindakan administratif keimigrasian per provinsi, jenis, kewarganegaraan, pelanggaran dan kantor.', heading: 'Sanksi keimigrasian', lead: 'Orang yang dikenai tindakan administratif keimigrasian dan detensi, menurut kantor imigrasi yang memutuskan.' },
    operations: { title: 'Operasi TIMPORA', description: 'Rapat koordinasi dan operasi gabungan TIMPORA per tingkat, jenis dan wilayah, serta hasil pemeriksaannya.', heading: 'Operasi TIMPORA', lead: 'Kegiatan tim pengawasan orang asing dari tingkat provinsi sampai desa. Kegiatan adalah peristiwa; WNA diperiksa dan temuan adalah orang.' },
    integration: { title: 'Integrasi data', description: 'Angka yang sama menurut Disdukcapil, Kemenag dan Imigrasi per wilayah, dengan selisih terbesar lebih dulu.', heading: 'Integrasi data antarinstansi', lead: 'Angka yang sama menurut tiga instansi. Selisihnya adalah bahan yang dibahas dalam rapat koordinasi TIMPORA.' },
    regions: { title: 'Wilayah', description: 'Halaman per provinsi dan per kantor imigrasi dengan grafik yang sama untuk wilayah itu.', heading: 'Wilayah', lead: 'Satu halaman untuk setiap provinsi dan setiap kantor imigrasi (Kanim), dengan grafik yang sama untuk wilayah itu.', provinces: 'Provinsi', offices: 'Kantor imigrasi' },
    area: {
      province: (name: string) => `Provinsi ${name}`,
      officeLead: (province: string) => `Kantor imigrasi yang melapor ke Provinsi ${province}. Kedatangan ditampilkan per TPI yang menjadi tanggung jawab kantor ini.`,
      provinceLead: 'Grafik yang sama dengan halaman nasional, untuk provinsi ini. Angka kantor imigrasi dihitung ke provinsi tempat kantor melapor.',
      sections: { arrivals: 'Kedatangan', sanctions: 'Sanksi', operations: 'Operasi TIMPORA', integration: 'Integrasi data' },
      up: 'Semua wilayah',
      provincePage: (name: string) => `Halaman Provinsi ${name}`,
      noPorts: 'Kantor ini tidak membawahi TPI dengan kedatangan tercatat.',
    },
    data: { heading: 'Data terbit' },
  },
  en: {
    home: { tiles: 'Headline figures', tilesLead: 'Each figure is computed from the published tables and links to the page that explains it.' },
    arrivals: { title: 'Arrivals', description: 'Foreign arrivals per month, year-on-year change, nationalities, checkpoints and visa/permit categories.', heading: 'Foreign arrivals', lead: 'Arrivals of foreign nationals examined at immigration checkpoints. Arrivals count crossings (events), not persons.' },
    sanctions: { title: 'Sanctions', description: 'Immigration administrative actions by province, type, nationality, violation and office.', heading: 'Immigration sanctions', lead: 'Persons subject to immigration administrative actions and detention, by the deciding immigration office.' },
    operations: { title: 'TIMPORA operations', description: 'TIMPORA coordination meetings and joint operations by level, kind and region, and what the checks found.', heading: 'TIMPORA operations', lead: 'Activities of the foreigner supervision teams from province to village level. Activities are events; foreigners checked and findings are persons.' },
    integration: { title: 'Data integration', description: 'The same figure as Disdukcapil, Kemenag and Immigration report it, per region, largest gaps first.', heading: 'Inter-agency data integration', lead: 'The same figure as three agencies report it. The gaps are what TIMPORA coordination meetings discuss.' },
    regions: { title: 'Regions', description: 'A page per province and per immigration office with the same charts for that area.', heading: 'Regions', lead: 'One page for every province and every immigration office (Kanim), with the same charts for that area.', provinces: 'Provinces', offices: 'Immigration offices' },
    area: {
      province: (name: string) => `${name} province`,
      officeLead: (province: string) => `Immigration office reporting under ${province} province. Arrivals are shown per checkpoint this office is responsible for.`,
      provinceLead: 'The same charts as the national pages, for this province. Immigration offices count under the province they report to.',
      sections: { arrivals: 'Arrivals', sanctions: 'Sanctions', operations: 'TIMPORA operations', integration: 'Data integration' },
      up: 'All regions',
      provincePage: (name: string) => `${name} province page`,
      noPorts: 'This office runs no checkpoint with recorded arrivals.',
    },
    data: { heading: 'Published data' },
  },
} as const;
