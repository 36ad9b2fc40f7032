/// <reference types="astro/client" />
/**
 * Languages, page addresses in each language, and formatting. Indonesian is the default at `/`;
 * English lives under `/en/`. Page slugs differ per language (metodologi / methodology).
 */
import type { Dictionary } from './dictionary.ts';
import en from './en.ts';
import { explorerText } from './explorer.ts';
import id from './id.ts';

export type { Dictionary } from './dictionary.ts';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

const DICTIONARIES: Record<Locale, Dictionary> = { id, en };

export function t(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

/** Pages that exist, by key, with their path (before the base) in each language. */
export const PAGES = {
  home: { id: '/', en: '/en/' },
  arrivals: { id: '/kedatangan/', en: '/en/arrivals/' },
  sanctions: { id: '/sanksi/', en: '/en/sanctions/' },
  operations: { id: '/operasi-timpora/', en: '/en/timpora-operations/' },
  integration: { id: '/integrasi-data/', en: '/en/data-integration/' },
  regions: { id: '/wilayah/', en: '/en/regions/' },
  methodology: { id: '/metodologi/', en: '/en/methodology/' },
  explore: { id: '/jelajah/', en: '/en/explore/' },
} as const satisfies Record<string, Record<Locale, string>>;
export type PageKey = keyof typeof PAGES;

/** A navigation label: from the site dictionary, or 'explore' (its text lives in explorer.ts). */
export type NavLabel = keyof Dictionary['nav'] | 'explore';

/** The main navigation, in order. Sections whose pages do not exist yet have no `page` and are not linked. */
export const NAV: readonly { label: NavLabel; page?: PageKey }[] = [
  { label: 'home', page: 'home' },
  { label: 'arrivals', page: 'arrivals' },
  { label: 'sanctions', page: 'sanctions' },
  { label: 'operations', page: 'operations' },
  { label: 'integration', page: 'integration' },
  { label: 'regions', page: 'regions' },
  { label: 'explore', page: 'explore' },
  { label: 'methodology', page: 'methodology' },
];

export function navText(label: NavLabel, locale: Locale): string {
  return label === 'explore' ? explorerText(locale).nav : t(locale).nav[label];
}

/** Prefixes a site path ("/data/x.parquet") with the configured base. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

export function pageUrl(page: PageKey, locale: Locale): string {
  return withBase(PAGES[page][locale]);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'id' ? 'en' : 'id';
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(t(locale).intl).format(value);
}

/** "2025-10-05" → "5 Oktober 2025" / "5 October 2025". */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(t(locale).intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "2025-09" → "September 2025". */
export function formatMonth(isoMonth: string, locale: Locale): string {
  const date = new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoMonth;
  return new Intl.DateTimeFormat(t(locale).intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** File sizes in decimal units: "1,2 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(t(locale).intl, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
