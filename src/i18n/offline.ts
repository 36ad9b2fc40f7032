/**
 * Text of the offline parts of the site, in both languages: the banner that says the page is read
 * without a network and from which snapshot its figures are, the offline fallback page, and the
 * "available offline" button of an area. Dates arrive formatted (src/i18n/format.ts).
 */
import type { Locale } from './locales.ts';

export interface OfflineText {
  /** "Anda sedang luring. Angka di halaman ini dari data per 5 Oktober 2025 (snapshot ke-3)." */
  banner: (date: string, snapshot: string | null) => string;
  fallbackTitle: string;
  fallbackDescription: string;
  fallbackBody: string;
  fallbackSaved: string;
  fallbackNone: string;
  /** The button on an area page and its deck. */
  saveArea: (area: string) => string;
  saveAreaHint: string;
  saving: (done: number, total: number) => string;
  /** The result sentence once every address was tried. */
  saved: (area: string, pages: number) => string;
  savedWithFailures: (area: string, pages: number, failed: number) => string;
  notAvailable: string;
}

const id: OfflineText = {
  banner: (date, snapshot) => `Anda sedang luring. Angka di halaman ini dari data per ${date}${snapshot ? ` (${snapshot})` : ''}.`,
  fallbackTitle: 'Halaman ini belum tersimpan untuk luring',
  fallbackDescription: 'Halaman yang belum pernah dibuka tidak tersedia tanpa jaringan.',
  fallbackBody: 'Anda sedang luring dan halaman ini belum pernah dibuka di perangkat ini, jadi belum tersimpan. Sambungkan kembali jaringan untuk membukanya, atau buka halaman yang sudah tersimpan.',
  fallbackSaved: 'Halaman yang tersedia luring di perangkat ini:',
  fallbackNone: 'Belum ada halaman yang tersimpan.',
  saveArea: (area) => `Tersedia luring: simpan halaman ${area}`,
  saveAreaHint: 'Menyimpan halaman wilayah ini, halaman kantor dan kabupaten/kotanya, ringkasannya, presentasinya dan data yang dibutuhkan, agar tetap terbuka tanpa jaringan.',
  saving: (done, total) => `Menyimpan ${done} dari ${total} halaman…`,
  saved: (area, pages) => `${pages} halaman ${area} tersimpan: halaman ini, kantor, kabupaten/kota dan presentasinya dapat dibuka tanpa jaringan.`,
  savedWithFailures: (area, pages, failed) => `${pages} halaman ${area} tersimpan; ${failed} gagal diunduh. Coba lagi saat jaringan lebih baik.`,
  notAvailable: 'Penyimpanan luring tidak tersedia di peramban ini.',
};

const en: OfflineText = {
  banner: (date, snapshot) => `You are offline. The figures on this page are from the data as of ${date}${snapshot ? ` (${snapshot})` : ''}.`,
  fallbackTitle: 'This page has not been saved for offline use',
  fallbackDescription: 'A page never opened is not available without a network.',
  fallbackBody: 'You are offline and this page has never been opened on this device, so it has not been saved. Reconnect to open it, or open a page that has been saved.',
  fallbackSaved: 'Pages available offline on this device:',
  fallbackNone: 'No page has been saved yet.',
  saveArea: (area) => `Available offline: save the pages of ${area}`,
  saveAreaHint: 'Saves this area’s page, its office and city/regency pages, its summary, its presentation and the data they need, so they open without a network.',
  saving: (done, total) => `Saving ${done} of ${total} pages…`,
  saved: (area, pages) => `${pages} pages of ${area} saved: this page, its offices, cities/regencies and presentation open without a network.`,
  savedWithFailures: (area, pages, failed) => `${pages} pages of ${area} saved; ${failed} could not be downloaded. Try again on a better connection.`,
  notAvailable: 'Offline saving is not available in this browser.',
};

const TEXT: Record<Locale, OfflineText> = { id, en };

export const offlineText = (locale: Locale): OfflineText => TEXT[locale];
