/** Labels of coded values in the page's language: enum codes from the schema, names carried in rows. */
import type { Locale } from '../i18n/locales.ts';
import { ENUMS, type EnumName } from '../schema/tables.ts';
import type { ChartRow } from './chart-definition.ts';

export function enumLabel(name: EnumName, code: unknown, locale: Locale): string {
  const entry = (ENUMS[name] as readonly { code: string; id: string; en: string }[]).find((e) => e.code === code);
  return entry ? entry[locale] : String(code ?? '–');
}

/** Codes of an enum in schema order (a stable colour and legend order). */
export const enumCodes = (name: EnumName): string[] => (ENUMS[name] as readonly { code: string }[]).map((e) => e.code);

/** A row's `name_id` / `name_en` (countries) for the locale, falling back to its code. */
export const localName = (row: ChartRow, locale: Locale, codeKey = 'code'): string =>
  String(row[`name_${locale}`] ?? row.name ?? row[codeKey] ?? '–');

/** Per-locale text picker for the definitions' small dictionaries. */
export const pick = <T>(texts: { id: T; en: T }, locale: Locale): T => texts[locale];
