/**
 * UI strings of the chart figures, headline tiles and area pages, in both languages. Kept apart from
 * id.ts / en.ts (page text of the skeleton) so the two can change independently.
 */
import { WITHHELD } from '../schema/disclosure.ts';
import type { CountUnit, TableName } from '../schema/tables.ts';
import type { Locale } from './locales.ts';

export const CHART_UI = {
  id: {
    chartTab: 'Grafik',
    mapTab: 'Peta',
    tableTab: 'Tabel',
    sourceTab: 'Sumber',
    tabsLabel: 'Tampilan',
    tableSummary: 'Tabel data',
    sourceSummary: 'Sumber dan definisi',
    fullscreen: 'Layar penuh',
    windowLabel: 'Tampilkan sejak',
    exitFullscreen: 'Keluar layar penuh',
    download: 'Unduh',
    downloadCsv: 'Data (CSV)',
    downloadSvg: 'Grafik (SVG)',
    downloadPng: 'Gambar (PNG)',
    sourceSystem: 'Sistem sumber',
    definition: 'Definisi',
    unit: 'Satuan',
    snapshot: 'Tanggal snapshot',
    publishedFile: 'Berkas terbit',
    /** The line under every chart; it says "sample" only when the manifest says the data is synthetic. */
    sourceLine: (snapshot: string, synthetic: boolean) => `Sumber: Pantau WNA${synthetic ? ', data contoh sintetis' : ''} · snapshot ${snapshot}`,
    withheld: (cells: number) => `${WITHHELD.symbol} ${WITHHELD.meaning.id}. Di grafik ini: ${cells} sel.`,
    textAlternative: 'Keterangan grafik',
    rows: (n: number) => `${n} baris`,
    unitLine: (unit: string) => `Satuan: ${unit}`,
    noData: 'Tidak ada data untuk pilihan ini.',
    updating: 'Memperbarui grafik…',
  },
  en: {
    chartTab: 'Chart',
    mapTab: 'Map',
    tableTab: 'Table',
    sourceTab: 'Source',
    tabsLabel: 'View',
    tableSummary: 'Data table',
    sourceSummary: 'Source and definition',
    fullscreen: 'Full screen',
    windowLabel: 'Show from',
    exitFullscreen: 'Exit full screen',
    download: 'Download',
    downloadCsv: 'Data (CSV)',
    downloadSvg: 'Chart (SVG)',
    downloadPng: 'Image (PNG)',
    sourceSystem: 'Source system',
    definition: 'Definition',
    unit: 'Unit',
    snapshot: 'Snapshot date',
    publishedFile: 'Published file',
    sourceLine: (snapshot: string, synthetic: boolean) => `Source: Pantau WNA${synthetic ? ', synthetic sample data' : ''} · snapshot ${snapshot}`,
    withheld: (cells: number) => `${WITHHELD.symbol} ${WITHHELD.meaning.en}. In this chart: ${cells} ${cells === 1 ? 'cell' : 'cells'}.`,
    textAlternative: 'Chart description',
    rows: (n: number) => `${n} rows`,
    unitLine: (unit: string) => `Unit: ${unit}`,
    noData: 'No data for this selection.',
    updating: 'Updating chart…',
  },
} as const satisfies Record<Locale, Record<string, unknown>>;

/** Units as words, for the unit line under every chart. */
export const UNIT_WORDS: Record<Locale, Record<CountUnit, string>> = {
  id: { persons: 'orang', events: 'peristiwa (bukan orang)' },
  en: { persons: 'persons', events: 'events (not persons)' },
};

/** Source system of each published table (the "Sumber" panel). */
export const SOURCE_SYSTEMS: Record<Locale, Record<TableName, string>> = {
  id: {
    arrivals: 'Sistem perlintasan di TPI (Ditjen Imigrasi), rekap bulanan per TPI',
    sanctions: 'Laporan bulanan TAK kantor imigrasi (Kanim), direkap per Kanwil',
    operations: 'Laporan kegiatan TIMPORA kantor imigrasi',
    registry: 'Rekap Disdukcapil, Kemenag (KUA) dan Imigrasi per kabupaten/kota',
  },
  en: {
    arrivals: 'Border-crossing system at checkpoints (Directorate General of Immigration), monthly per checkpoint',
    sanctions: 'Monthly administrative-action (TAK) reports of immigration offices, compiled per regional office',
    operations: 'TIMPORA activity reports of immigration offices',
    registry: 'Compiled figures of Disdukcapil, Kemenag (KUA) and Immigration per regency/city',
  },
};
