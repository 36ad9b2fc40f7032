/// <reference types="astro/client" />
/**
 * Page addresses in each language and the dictionaries. Indonesian is the default at `/`;
 * English lives under `/en/`. Page slugs differ per language (metodologi / methodology). The
 * languages themselves are in locales.ts, number and date formats in format.ts.
 */
import type { Dictionary } from './dictionary.ts';
import en from './en.ts';
import { deckText } from './deck.ts';
import { explorerText } from './explorer.ts';
import id from './id.ts';
import { summaryText } from './summary.ts';
import type { Locale } from './locales.ts';

const DICTIONARIES: Record<Locale, Dictionary> = { id, en };

export function t(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

/** Pages that exist, by key, with their path (before the base) in each language. */
export const PAGES = {
  home: { id: '/', en: '/en/' },
  summary: { id: '/ringkasan/', en: '/en/summary/' },
  arrivals: { id: '/kedatangan/', en: '/en/arrivals/' },
  sanctions: { id: '/sanksi/', en: '/en/sanctions/' },
  operations: { id: '/operasi-timpora/', en: '/en/timpora-operations/' },
  integration: { id: '/integrasi-data/', en: '/en/data-integration/' },
  regions: { id: '/wilayah/', en: '/en/regions/' },
  methodology: { id: '/metodologi/', en: '/en/methodology/' },
  explore: { id: '/jelajah/', en: '/en/explore/' },
  presentations: { id: '/presentasi/', en: '/en/presentation/' },
  revisions: { id: '/revisi/', en: '/en/revisions/' },
  /** What the service worker answers, offline, for a page never opened (src/pages/luring.astro). */
  offline: { id: '/luring/', en: '/en/offline/' },
} as const satisfies Record<string, Record<Locale, string>>;
export type PageKey = keyof typeof PAGES;

/** A navigation label: from the site dictionary, or 'explore' / 'presentations' / 'summary' (their text lives in explorer.ts / deck.ts / summary.ts). */
export type NavLabel = keyof Dictionary['nav'] | 'explore' | 'presentations' | 'summary';

/** The main navigation, in order. Sections whose pages do not exist yet have no `page` and are not linked. */
export const NAV: readonly { label: NavLabel; page?: PageKey }[] = [
  { label: 'home', page: 'home' },
  { label: 'summary', page: 'summary' },
  { label: 'arrivals', page: 'arrivals' },
  { label: 'sanctions', page: 'sanctions' },
  { label: 'operations', page: 'operations' },
  { label: 'integration', page: 'integration' },
  { label: 'regions', page: 'regions' },
  { label: 'explore', page: 'explore' },
  { label: 'methodology', page: 'methodology' },
  { label: 'presentations', page: 'presentations' },
];

export function navText(label: NavLabel, locale: Locale): string {
  if (label === 'summary') return summaryText(locale).nav;
  return label === 'explore' ? explorerText(locale).nav : label === 'presentations' ? deckText(locale).nav : t(locale).nav[label];
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
