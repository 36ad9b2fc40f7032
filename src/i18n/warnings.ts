/**
 * Pipeline warnings as a page shows them, in the page's language. The pipeline writes each warning
 * in English with a code, and the table and month where it has them (src/schema/manifest.ts);
 * English pages show that message, Indonesian pages a sentence made from the code, table and
 * month, so no English text reaches an Indonesian page. A code without a sentence here is named
 * with a general sentence.
 */
import type { PipelineWarning } from '../schema/manifest.ts';
import type { Locale } from './locales.ts';

const ID: Record<string, (where: string) => string> = {
  'revision-drift': (where) => `Angka ${where} direvisi lebih dari ambang batas dibanding snapshot sebelumnya. Periksa sebelum mengutipnya.`,
  'revision-held': (where) => `Revisi kecil angka ${where} ditahan: angka yang sudah terbit tetap dipakai agar perubahan kecil tidak mengungkap orang yang dilaporkan terlambat.`,
  'revision-basis-missing': (where) => `Revisi ${where} tidak dapat diperiksa karena rilis sebelumnya tidak tersedia.`,
  'month-dropped': (where) => `Bulan ${where} ada di snapshot sebelumnya tetapi tidak ada di snapshot ini.`,
  'note-rows-skipped': (where) => `Baris catatan di bawah data (misalnya "Sumber: …") pada ${where} dilewati.`,
  'xlsx-hidden-sheet': (where) => `Berkas ${where} memuat lembar tersembunyi; lembar itu tidak dibaca.`,
  'unknown-column': (where) => `Berkas ${where} memuat kolom yang tidak dikenal; kolom itu tidak dibaca.`,
  'region-code-renumbered': (where) => `Kode wilayah lama pada ${where} dibaca sebagai kode barunya (pemekaran Papua 2022).`,
};

/** "tabel Kedatangan, Maret 2025" from a warning's table and month (labels given by the page). */
function whereText(tableTitle: string | null, month: string | null): string {
  const parts = [tableTitle ? `tabel ${tableTitle}` : null, month].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'snapshot ini';
}

export function warningText(warning: PipelineWarning, locale: Locale, tableTitle: string | null, month: string | null): string {
  if (locale === 'en') return warning.message;
  const where = whereText(tableTitle, month);
  const sentence = ID[warning.code];
  return sentence ? sentence(where) : `Catatan pipeline untuk ${where}. Pesan lengkapnya ada di manifest.json.`;
}
