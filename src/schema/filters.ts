/**
 * The filters a reader can set on a page, shared by the build (charts rendered with the default
 * filters) and the browser (charts re-rendered when a filter changes). Filter state lives in the
 * page address, so a copied link opens exactly the same view: `?periode=2024-H1&provinsi=51`.
 */

/**
 * A period for breakdown charts: a year ("2024"), a half-year ("2024-H1") or a month ("2024-03").
 * Trend charts always show months; the period marks which months the breakdowns cover.
 */
export type PeriodFilter = string;

export interface Filters {
  period: PeriodFilter | null;
  /** Province code (Kemendagri, 2 digits). */
  province: string | null;
  /** ISO 3166-1 alpha-3 nationality. */
  nationality: string | null;
  /**
   * The page's category: visa category on arrivals, action (or "tak" for all Art. 75 actions) on
   * sanctions, activity on operations, metric on the reconciliation page.
   */
  category: string | null;
  /** Immigration office code (per-office pages fix it; no page offers it as a free filter yet). */
  office: string | null;
}

export const NO_FILTERS: Filters = { period: null, province: null, nationality: null, category: null, office: null };

/** `filters` with `defaults` filling only the filters it leaves unset (a chart's own defaults: the sanctions rankings count TAK). */
export function withDefaults(filters: Filters, defaults: Partial<Filters> = {}): Filters {
  const out = { ...filters };
  for (const key of Object.keys(defaults) as (keyof Filters)[]) if (out[key] == null) out[key] = defaults[key] ?? null;
  return out;
}

/** URL search parameter of each filter, in Indonesian (the primary language); English pages use the same. */
export const FILTER_PARAMS: Record<keyof Filters, string> = {
  period: 'periode',
  province: 'provinsi',
  nationality: 'negara',
  category: 'kategori',
  office: 'kantor',
};

const PERIOD = /^(\d{4})(?:-(H[12]|0[1-9]|1[0-2]))?$/;

/** Grain and first/last month (YYYY-MM) of a period filter, or null when it is malformed. */
export function periodRange(period: PeriodFilter): { grain: 'year' | 'half' | 'month'; from: string; to: string } | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const [, year, part] = match;
  if (!part) return { grain: 'year', from: `${year}-01`, to: `${year}-12` };
  if (part === 'H1') return { grain: 'half', from: `${year}-01`, to: `${year}-06` };
  if (part === 'H2') return { grain: 'half', from: `${year}-07`, to: `${year}-12` };
  return { grain: 'month', from: `${year}-${part}`, to: `${year}-${part}` };
}
