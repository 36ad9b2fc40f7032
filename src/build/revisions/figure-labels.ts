/**
 * Names of the dimension values a revised figure is broken down by (Node, site build): provinces,
 * countries, checkpoints, offices and cities/regencies from the release's own reference tables;
 * code lists (visa category, action, level…) from the schema, as the explorer labels them.
 */
import { shortOfficeName } from '../../charts/sanctions-rankings.ts';
import { explorerText } from '../../i18n/explorer.ts';
import type { Locale } from '../../i18n/locales.ts';
import { ACTION_GROUPS, ENUMS, enumOfColumn } from '../../schema/tables.ts';
import { queryPublished } from '../query-published.ts';

/** A dimension value's name in a language. */
export type DimensionLabel = (dim: string, code: string | boolean, locale: Locale) => string;

const REFERENCE = {
  province_code: 'SELECT code, name AS name_id, name AS name_en FROM provinces',
  nationality: 'SELECT iso3 AS code, name_id, name_en FROM countries',
  port_code: 'SELECT code, name AS name_id, name AS name_en FROM ports',
  office_code: 'SELECT code, name AS name_id, name AS name_en FROM offices',
  region_code: 'SELECT code, name AS name_id, name AS name_en FROM regencies',
} as const;

/** The labels of a release folder's reference tables. */
export async function releaseLabels(dir: string): Promise<DimensionLabel> {
  const names = new Map<string, Map<string, { id: string; en: string }>>();
  for (const [dim, sql] of Object.entries(REFERENCE)) {
    const rows = await queryPublished<{ code: string; name_id: string; name_en: string }>(sql, dir);
    names.set(dim, new Map(rows.map((r) => [r.code, { id: dim === 'office_code' ? shortOfficeName(r.name_id) : r.name_id, en: dim === 'office_code' ? shortOfficeName(r.name_en) : r.name_en }])));
  }
  return (dim, code, locale) => {
    if (dim === 'is_tak') return explorerText(locale).isTak[code === true ? 'true' : 'false'];
    const named = names.get(dim)?.get(String(code));
    if (named) return named[locale];
    const list = dim === 'action_group' ? ACTION_GROUPS : enumOfColumn(dim) ? (ENUMS[enumOfColumn(dim)!] as readonly { code: string; id: string; en: string }[]) : null;
    return list?.find((e) => e.code === code)?.[locale] ?? String(code);
  };
}
