/** TAK per province on the tile-grid map: persons, and persons per 100,000 arrivals. */
import type { ChartDefinition } from './chart-definition.ts';
import { formatCount, formatDecimal, formatMonthSpan } from '../i18n/format.ts';
import { enumLabel, pick } from './labels.ts';
import { provinceTileMap } from './province-tile-map.ts';
import { PROVINCE_SANCTIONS_FILTERS, provinceSanctionsSql, type ProvinceSanctionsRow } from './sanctions-map-sql.ts';
import { TAK_CATEGORY } from '../schema/filter-values.ts';

const columns = [
  { key: 'province_code', label: { id: 'Kode provinsi', en: 'Province code' }, type: 'code' },
  { key: 'name', label: { id: 'Provinsi', en: 'Province' }, type: 'label' },
  { key: 'count', label: { id: 'Orang dikenai TAK', en: 'Persons subject to TAK' }, type: 'count', withheld: 'count_withheld' },
  { key: 'arrivals', label: { id: 'Kedatangan di TPI kantor provinsi ini', en: 'Arrivals at its offices’ checkpoints' }, type: 'count', withheld: 'arrivals_withheld' },
  { key: 'rate', label: { id: 'Per 100.000 kedatangan', en: 'Per 100,000 arrivals' }, type: 'rate', withheld: 'rate_withheld' },
  { key: 'period_from', label: { id: 'Dari', en: 'From' }, type: 'month' },
  { key: 'period_to', label: { id: 'Sampai', en: 'To' }, type: 'month' },
] as const;

const T = {
  id: {
    missingCount: 'tidak ada',
    missingRate: 'tanpa kedatangan',
    withheld: 'dirahasiakan',
    countTitle: (name: string, n: string, what: string, span: string) => `${name} terbanyak: ${n} orang dikenai ${what}, ${span}`,
    rateTitle: (name: string, n: string, what: string, span: string) => `${name} tertinggi: ${n} orang dikenai ${what} per 100.000 kedatangan, ${span}`,
    empty: (what: string) => `${what} per provinsi`,
    summary: (top: string) => `Peta kotak 38 provinsi, satu kotak per provinsi, disusun kira-kira menurut letak geografis. Lima terbesar: ${top}.`,
  },
  en: {
    missingCount: 'none',
    missingRate: 'no arrivals',
    withheld: 'confidential',
    countTitle: (name: string, n: string, what: string, span: string) => `${name} leads: ${n} persons subject to ${what}, ${span}`,
    rateTitle: (name: string, n: string, what: string, span: string) => `${name} is highest: ${n} persons subject to ${what} per 100,000 arrivals, ${span}`,
    empty: (what: string) => `${what} per province`,
    summary: (top: string) => `Tile map of the 38 provinces, one equal tile each, laid out roughly geographically. Five largest: ${top}.`,
  },
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** What the map counts: TAK (the default) or the action the category filter picked. */
const counted = (category: string | null | undefined, locale: 'id' | 'en'): string =>
  !category || category === TAK_CATEGORY ? 'TAK' : lowerFirst(enumLabel('sanctionAction', category, locale));

function mapChart(id: string, measure: 'count' | 'rate'): ChartDefinition<ProvinceSanctionsRow> {
  const flag = measure === 'count' ? 'count_withheld' : 'rate_withheld';
  const ranked = (rows: readonly ProvinceSanctionsRow[]) =>
    rows.filter((r) => r[flag] !== true && typeof r[measure] === 'number').sort((a, b) => (b[measure] as number) - (a[measure] as number));
  const format = (value: number, locale: 'id' | 'en') => (measure === 'count' ? formatCount(value, locale) : formatDecimal(value, locale));
  return {
    id,
    table: 'sanctions',
    kind: 'map',
    measures: ['count'],
    filters: PROVINCE_SANCTIONS_FILTERS,
    aspect: { wide: 0.62, narrow: 0.78 },
    columns,
    definition:
      measure === 'count'
        ? { id: 'Orang dikenai TAK (Pasal 75 UU 6/2011) menurut provinsi tempat kantor imigrasi melapor (Kanim Soekarno-Hatta melapor ke DKI Jakarta).', en: 'Persons subject to TAK (Art. 75 Law 6/2011) by the province the deciding office reports under (Soekarno-Hatta reports under DKI Jakarta).' }
        : { id: 'Orang dikenai TAK per 100.000 kedatangan WNA di TPI yang diawasi kantor imigrasi provinsi itu, pada periode yang sama. TPI dihitung ke provinsi tempat kantornya melapor, sama seperti TAK (Bandara Soekarno-Hatta ke DKI Jakarta). Bukan angka per penduduk asing: kedatangan adalah perlintasan, dan kantor tanpa TPI (misalnya Tangerang) menambah TAK tanpa menambah kedatangan.', en: 'Persons subject to TAK per 100,000 foreign arrivals at the checkpoints of the province’s immigration offices, in the same period. A checkpoint counts under the province its office reports under, as TAK do (Soekarno-Hatta airport under DKI Jakarta). Not a rate per foreign resident: arrivals are crossings, and offices without a checkpoint (Tangerang, for one) add TAK but no arrivals.' },
    sql: provinceSanctionsSql,
    title(rows, { locale, filters }) {
      const t = pick(T, locale);
      const what = counted(filters.category, locale);
      const top = ranked(rows)[0];
      if (!top) return t.empty(what);
      const span = formatMonthSpan(top.period_from, top.period_to, locale);
      return (measure === 'count' ? t.countTitle : t.rateTitle)(top.name, format(top[measure] as number, locale), what, span);
    },
    summary(rows, { locale }) {
      return pick(T, locale).summary(ranked(rows).slice(0, 5).map((r) => `${r.name} ${format(r[measure] as number, locale)}`).join('; '));
    },
    render(rows, context) {
      const t = pick(T, context.locale);
      return provinceTileMap(rows, {
        value: measure,
        withheldFlag: flag,
        format: (v) => format(v, context.locale),
        missingLabel: measure === 'count' ? t.missingCount : t.missingRate,
        withheldLegend: t.withheld,
        aspect: this.aspect,
        nameOf: (row) => String(row.name),
      }, context);
    },
  };
}

export const sanctionsMap = mapChart('sanctions-map', 'count');
export const sanctionsRateMap = mapChart('sanctions-rate-map', 'rate');
