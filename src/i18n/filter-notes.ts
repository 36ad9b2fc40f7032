/**
 * What a chart says about the reader's filters (src/client/chart-filters.ts): which filters it shows,
 * that it is being redrawn, why it cannot answer a filter, and that a filtered result is empty.
 * Build and browser; the words per chart and table are here, the decision in src/charts/filter-plan.ts.
 */
import type { Filters } from '../schema/filters.ts';
import type { TableName } from '../schema/tables.ts';
import type { Locale } from './locales.ts';

interface Bilingual {
  id: string;
  en: string;
}

type FilterKey = keyof Filters;

/** The filter as a noun after "disaring menurut" / "filtered by". */
const FILTER_NOUNS: Record<FilterKey, Bilingual> = {
  period: { id: 'periode', en: 'period' },
  province: { id: 'provinsi', en: 'province' },
  nationality: { id: 'kewarganegaraan', en: 'nationality' },
  category: { id: 'kategori', en: 'category' },
  office: { id: 'kantor', en: 'office' },
};

const TABLE_NOUNS: Record<TableName, Bilingual> = {
  arrivals: { id: 'kedatangan', en: 'arrivals' },
  sanctions: { id: 'sanksi', en: 'sanctions' },
  operations: { id: 'operasi TIMPORA', en: 'TIMPORA operations' },
  registry: { id: 'integrasi data', en: 'registry' },
};

/** What a chart breaks its table down by, as the published data are: "per kantor" / "by office". */
const BREAKDOWNS: Record<string, Bilingual> = {
  'arrivals-trend': { id: 'per bulan', en: 'by month' },
  'arrivals-change': { id: 'per bulan', en: 'by month' },
  'arrivals-nationalities': { id: 'menurut kewarganegaraan', en: 'by nationality' },
  'arrivals-ports': { id: 'per TPI', en: 'by checkpoint' },
  'arrivals-visa': { id: 'menurut jenis visa', en: 'by visa category' },
  'sanctions-map': { id: 'per provinsi', en: 'by province' },
  'sanctions-rate-map': { id: 'per provinsi', en: 'by province' },
  'sanctions-types': { id: 'per jenis tindakan dan bulan', en: 'by action type and month' },
  'sanctions-nationalities': { id: 'menurut kewarganegaraan', en: 'by nationality' },
  'sanctions-violations': { id: 'menurut pelanggaran', en: 'by violation' },
  'sanctions-offices': { id: 'per kantor', en: 'by office' },
  'sanctions-groups': { id: 'menurut kelompok tindakan', en: 'by action group' },
  'operations-levels': { id: 'per tingkat dan bulan', en: 'by level and month' },
  'operations-activities': { id: 'per kegiatan dan bulan', en: 'by activity and month' },
  'operations-regions': { id: 'per provinsi dan semester', en: 'by province and half-year' },
  'operations-funnel': { id: 'tentang orang yang diperiksa', en: 'on persons checked' },
  'registry-gaps': { id: 'per wilayah', en: 'by area' },
  'registry-trend': { id: 'per instansi dan bulan', en: 'by agency and month' },
};

const GRAIN_WORDS: Record<'year' | 'half' | 'month', Bilingual> = {
  year: { id: 'per tahun', en: 'by year' },
  half: { id: 'per semester', en: 'by half-year' },
  month: { id: 'per bulan', en: 'by month' },
};

const pick = (text: Bilingual, locale: Locale) => text[locale];
const joinAnd = (items: string[], locale: Locale) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${locale === 'id' ? 'dan' : 'and'} ${items.at(-1)}`;

export interface RefusedFilters {
  chartId: string;
  table: TableName;
  /** The chart always draws every month (or half-year): a period picks none of them. */
  drawsEveryPeriod: boolean;
  /** Filters the chart cannot answer at all, each on its own. */
  alone: FilterKey[];
  /** The grain of a period filter the chart answers at other grains only (a month where only half-years are published). */
  periodGrain: 'year' | 'half' | 'month' | null;
  /** Filters it answers one by one but not together with the others applied. */
  together: FilterKey[];
}

/** Why the chart does not show some of the chosen filters, one sentence per reason. */
export function refusedFiltersText(refused: RefusedFilters, locale: Locale): string[] {
  const data = `${locale === 'id' ? 'data' : ''} ${pick(TABLE_NOUNS[refused.table], locale)}${locale === 'en' ? ' data' : ''} ${pick(BREAKDOWNS[refused.chartId] ?? { id: '', en: '' }, locale)}`.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  for (const key of refused.alone) {
    const noun = pick(FILTER_NOUNS[key], locale);
    let reason: string;
    if (key === 'period' && refused.drawsEveryPeriod) {
      reason = locale === 'id' ? 'grafik ini selalu menampilkan setiap periode yang diterbitkan' : 'it always shows every period published';
    } else if (key === 'period' && refused.periodGrain) {
      reason = locale === 'id' ? `${data} tidak diterbitkan ${pick(GRAIN_WORDS[refused.periodGrain], locale)}` : `${data} are not published ${pick(GRAIN_WORDS[refused.periodGrain], locale)}`;
    } else {
      reason = locale === 'id' ? `${data} tidak memuat ${noun}` : `${data} do not include ${noun}`;
    }
    sentences.push(locale === 'id' ? `Grafik ini tidak dapat disaring menurut ${noun}: ${reason}.` : `This chart cannot be filtered by ${noun}: ${reason}.`);
  }
  if (refused.together.length > 0) {
    const nouns = joinAnd(refused.together.map((key) => pick(FILTER_NOUNS[key], locale)), locale);
    sentences.push(
      locale === 'id'
        ? `Grafik ini tidak dapat disaring menurut ${nouns} bersama pilihan lain: ${data} tidak diterbitkan untuk gabungan itu.`
        : `This chart cannot be filtered by ${nouns} together with the other choices: ${data} are not published for that combination.`,
    );
  }
  return sentences;
}

/** The chosen filters as the reader sees them (labels of the filter bar's options), by filter. */
export type FilterLabels = Partial<Record<FilterKey, string>>;

/** "Disaring: 2023 · Bali": the filters the drawing shows, in the bar's order. */
export function filterCaption(labels: FilterLabels, locale: Locale): string {
  const shown = (['period', 'province', 'nationality', 'category', 'office'] as const).map((key) => labels[key]).filter((label): label is string => !!label);
  return shown.length ? `${locale === 'id' ? 'Disaring' : 'Filtered'}: ${shown.join(' · ')}` : '';
}

/** "Tidak ada kedatangan WNA Australia di DKI Jakarta pada 2024.": a filtered chart with nothing to draw. */
export function emptyResultText(table: TableName, labels: FilterLabels, locale: Locale): string {
  const { period, province, nationality, category } = labels;
  const kind = category ? ` (${category})` : '';
  if (locale === 'id') {
    const where = `${province ? ` di ${province}` : ''}${period ? ` pada ${period}` : ''}`;
    const who = nationality ? `WNA ${nationality}` : 'WNA';
    switch (table) {
      case 'arrivals': return `Tidak ada kedatangan ${who}${kind}${where}.`;
      case 'sanctions': return `Tidak ada ${who} yang dikenai tindakan${kind}${where}.`;
      case 'operations': return `Tidak ada kegiatan TIMPORA${kind}${where}.`;
      case 'registry': return `Tidak ada angka terbitan${kind}${where}.`;
    }
  }
  const where = `${province ? ` in ${province}` : ''}${period ? ` in ${period}` : ''}`;
  const who = nationality ? `nationals of ${nationality}` : 'foreign nationals';
  switch (table) {
    case 'arrivals': return `No arrivals of ${who}${kind}${where}.`;
    case 'sanctions': return `No ${who} were subject to actions${kind}${where}.`;
    case 'operations': return `No TIMPORA activities${kind}${where}.`;
    case 'registry': return `No published figures${kind}${where}.`;
  }
}

/** Shown on a chart while it is being redrawn for new filters. */
export const UPDATING_TEXT: Bilingual = {
  id: 'Memperbarui grafik untuk pilihan filter…',
  en: 'Updating the chart for the chosen filters…',
};

/** With JavaScript off, on every chart of a page with a filter bar (the bar itself says filters need JavaScript). */
export const NO_SCRIPT_TEXT = {
  chart: {
    id: 'Tanpa filter: grafik ini menampilkan angka sebagaimana diterbitkan, apa pun pilihan dalam alamat halaman (filter memerlukan JavaScript).',
    en: 'Unfiltered: this chart shows the figures as published, whatever the page address chooses (filters need JavaScript).',
  },
} satisfies Record<string, Bilingual>;
