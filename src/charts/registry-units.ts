/** What each registry metric counts, in words for titles and axes: residents are persons, mixed marriages are marriages. */
import type { Locale } from '../i18n/locales.ts';

const UNIT: Record<string, Record<Locale, string>> = {
  foreign_residents: { id: 'orang', en: 'persons' },
  mixed_marriages: { id: 'perkawinan', en: 'marriages' },
};

export const registryUnit = (metric: string | null | undefined, locale: Locale): string => (metric ? UNIT[metric]?.[locale] : undefined) ?? '';
