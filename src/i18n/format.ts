/**
 * Number and date formats for every page, chart, table and title: id-ID first (1.234.567; 7,2%;
 * Januari 2024), en-GB for English pages. Pure Intl, so the same code runs at build time and in the
 * browser; one formatter per locale and options, made once.
 */
import { INTL_LOCALE, type Locale } from './locales.ts';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}:n:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(INTL_LOCALE[locale], options)));
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:d:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: 'UTC' })));
  return format;
}

/** 1234567 → "1.234.567". */
export const formatCount = (value: number, locale: Locale): string => numberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/** 12.5 → "12,5" (one decimal). */
export const formatDecimal = (value: number, locale: Locale, digits = 1): string =>
  numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A ratio as percent: 0.0728 → "7,3%". */
export const formatPercent = (ratio: number, locale: Locale, digits = 1): string =>
  numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);

/**
 * A signed change: 0.0728 → "+7,3%", -0.02 → "−2,0%". `truncate` cuts the digits instead of
 * rounding, as official releases do ("naik 7,28%" for 7,285%), so a quoted figure is matched.
 */
export const formatChange = (ratio: number, locale: Locale, digits = 1, truncate = false): string =>
  numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits, ...(truncate ? { roundingMode: 'trunc' as const } : {}) })
    .format(ratio)
    .replace('-', '−');

/** Compact axis ticks: 1200000 → "1,2 jt" / "1.2M". */
export const formatCompact = (value: number, locale: Locale): string =>
  numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);

/** The first day of the month of "YYYY-MM" or "YYYY-MM-DD", as a UTC Date (invalid for other text). */
const monthStart = (iso: string): Date => new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);

/** A date formatted, or the text as given when it is not a date. */
const formatOrKeep = (format: Intl.DateTimeFormat, date: Date, text: string): string => (Number.isNaN(date.getTime()) ? text : format.format(date));

/** "2024-01" or "2024-01-01" → "Januari 2024". */
export const formatMonthYear = (iso: string, locale: Locale): string => formatOrKeep(dateFormat(locale, { month: 'long', year: 'numeric' }), monthStart(iso), iso);

/** "2024-01-01" → "Jan 2024". */
export const formatMonthShort = (iso: string, locale: Locale): string => formatOrKeep(dateFormat(locale, { month: 'short', year: 'numeric' }), monthStart(iso), iso);

/** Month name alone: 1 → "Januari". */
export const monthName = (month: number, locale: Locale, style: 'long' | 'short' = 'long'): string =>
  dateFormat(locale, { month: style }).format(new Date(Date.UTC(2024, month - 1, 1)));

/**
 * A span of months in one year, as headlines write it: "Januari–Juni 2024", "Januari 2024" for one
 * month, "Juli 2024–Juni 2025" across years. `short` gives "Jan–Jun 2024".
 */
export function formatMonthSpan(from: string, to: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  if (fy === ty && fm === tm) return `${monthName(fm, locale, style)} ${fy}`;
  if (fy === ty) return `${monthName(fm, locale, style)}–${monthName(tm, locale, style)} ${fy}`;
  return `${monthName(fm, locale, style)} ${fy}–${monthName(tm, locale, style)} ${ty}`;
}

/** "2025-10-05" → "5 Oktober 2025" / "5 October 2025". */
export const formatDate = (iso: string, locale: Locale): string =>
  formatOrKeep(dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }), new Date(`${iso.slice(0, 10)}T00:00:00Z`), iso);

/** File sizes in decimal units: "1,2 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
