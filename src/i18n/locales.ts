/**
 * The site's languages: Indonesian, the default, at `/`, and English under `/en/`. Each formats
 * numbers, dates and sorting with one Intl locale: id-ID (1.234.567; Januari 2024) and en-GB.
 * Runtime-neutral: charts, the explorer, the build and the browser all take the locale from here.
 */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language at `/`, and the one search engines are sent to when none of a reader's fits (x-default). */
export const DEFAULT_LOCALE: Locale = 'id';

/** The BCP 47 tag Intl formats each language with. */
export const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
