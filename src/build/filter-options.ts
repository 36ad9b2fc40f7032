/**
 * The filter bar's options, read at build time (Node): periods from the manifest's coverage,
 * the 38 provinces from provinces.parquet, nationalities that occur in the published figures,
 * categories from the code lists. Rendered into the page, so the bar is a working GET form with
 * JavaScript off, and the browser validates addresses against exactly these codes.
 */
import { INTL_LOCALE, type Locale } from '../i18n/locales.ts';
import { explorerText } from '../i18n/explorer.ts';
import { formatMonthYear } from '../i18n/format.ts';
import { CATEGORY_FILTERS, TAK_CATEGORY, periodOptions } from '../schema/filter-values.ts';
import { ENUMS, enumOfColumn, type TableName } from '../schema/tables.ts';
import { queryPublished } from './query-published.ts';
import { readManifest } from './published.ts';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptionGroup {
  label: string;
  /** The table a category group belongs to (the explorer shows only the selected table's). */
  table?: TableName;
  options: FilterOption[];
}

export interface FilterBarOptions {
  period: FilterOptionGroup[];
  province: FilterOption[];
  nationality: FilterOption[];
  category: FilterOptionGroup[];
}

export async function filterBarOptions(locale: Locale, categoryTables: readonly TableName[]): Promise<FilterBarOptions> {
  const text = explorerText(locale);
  const { years, halves, months } = periodOptions(readManifest().coverage);
  const provinces = await queryPublished<{ code: string; name: string }>('SELECT code, name FROM provinces ORDER BY code');
  const nameColumn = locale === 'id' ? 'name_id' : 'name_en';
  const nationalities = await queryPublished<{ code: string; name: string }>(`
    SELECT c.iso3 AS code, c.${nameColumn} AS name FROM countries c
    WHERE c.iso3 IN (SELECT nationality FROM arrivals_totals UNION SELECT nationality FROM sanctions_totals)
    ORDER BY name COLLATE NOCASE`);
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  nationalities.sort((a, b) => collator.compare(a.name, b.name));
  return {
    period: [
      { label: text.filters.years, options: years.map((value) => ({ value, label: value })) },
      { label: text.filters.halves, options: halves.map((value) => ({ value, label: text.half(value.slice(0, 4), value.endsWith('H1') ? 1 : 2) })) },
      { label: text.filters.months, options: months.map((value) => ({ value, label: formatMonthYear(value, locale) })) },
    ],
    province: provinces.map((p) => ({ value: p.code, label: p.name })),
    nationality: nationalities.map((n) => ({ value: n.code, label: n.name })),
    category: categoryTables.map((table) => {
      const codeList = enumOfColumn(CATEGORY_FILTERS[table].column);
      const labels = codeList ? (ENUMS[codeList] as readonly { code: string; id: string; en: string }[]) : [];
      return {
        label: text.tables[table],
        table,
        options: CATEGORY_FILTERS[table].codes.map((code) => ({
          value: code,
          label: code === TAK_CATEGORY ? text.takAll : labels.find((e) => e.code === code)?.[locale] ?? code,
        })),
      };
    }),
  };
}
