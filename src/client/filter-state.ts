/**
 * Filter state lives in the page address: `?periode=2024-H1&provinsi=51&negara=CHN&kategori=voa`.
 * A copied link opens the same view; reload restores it.
 *
 * - parseFilters / serialiseFilters are pure (tested in Node): a parameter that is malformed or
 *   names no known code is ignored (that filter stays null), never an error.
 * - setFilters() changes the address with history.pushState — one history entry per choice, as a
 *   plain GET form submission (the same bar with JavaScript off) makes one, so Back undoes the
 *   last filter either way. Pass { replace: true } for continuous input (a time slider being
 *   dragged) so the history does not fill with intermediate positions. Normalising the address on
 *   load (dropping invalid parameters) uses replaceState: it is not a choice the reader made.
 * - Every change, including Back/Forward, is announced as a `pantau:filters` CustomEvent on
 *   `window` with detail { filters, previous, cause, search } (see FiltersChange).
 * - Parameters this module does not own (e.g. the explorer's `tabel`) are kept untouched.
 */
import { FILTER_PARAMS, NO_FILTERS, periodRange, type Filters } from '../schema/filters.ts';
import type { FilterDomain } from '../schema/filter-values.ts';

export const FILTERS_EVENT = 'pantau:filters';

export interface FiltersChange {
  filters: Filters;
  previous: Filters;
  /** 'user': setFilters(); 'history': Back/Forward; 'load': the first read of the address. */
  cause: 'user' | 'history' | 'load';
  /** The whole query string after the change (page-owned parameters included). */
  search: string;
}

declare global {
  interface WindowEventMap {
    'pantau:filters': CustomEvent<FiltersChange>;
  }
}

const FILTER_KEYS = Object.keys(FILTER_PARAMS) as (keyof Filters)[];

/** A filter value is kept only if it is well formed and in the domain's list for that filter. */
function validValue(key: keyof Filters, raw: string | null, domain: FilterDomain): string | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (value === '' || value.length > 64) return null;
  if (key === 'period' && !periodRange(value)) return null;
  const allowed = domain[key];
  return allowed?.includes(value) ? value : null;
}

/** Filters from a query string (or URLSearchParams); anything unknown or malformed is null. */
export function parseFilters(search: string | URLSearchParams, domain: FilterDomain): Filters {
  let params: URLSearchParams;
  try {
    params = typeof search === 'string' ? new URLSearchParams(search) : search;
  } catch {
    return { ...NO_FILTERS };
  }
  const filters = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) {
    // A repeated parameter (?provinsi=51&provinsi=52) is ambiguous: the first one wins, as in a form.
    filters[key] = validValue(key, params.get(FILTER_PARAMS[key]), domain);
  }
  return filters;
}

/**
 * `search` with the filter parameters replaced by `filters` (nulls removed), in FILTER_PARAMS
 * order after any other parameters. Returns "" or a string starting with "?".
 */
export function serialiseFilters(filters: Filters, search: string | URLSearchParams = ''): string {
  const params = new URLSearchParams(search);
  for (const key of FILTER_KEYS) params.delete(FILTER_PARAMS[key]);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== null) params.set(FILTER_PARAMS[key], value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function filtersEqual(a: Filters, b: Filters): boolean {
  return FILTER_KEYS.every((key) => a[key] === b[key]);
}

/** Sets or removes page-owned parameters in a query string. */
export function withParams(search: string, params: Record<string, string | null>): string {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  }
  const text = next.toString();
  return text ? `?${text}` : '';
}

// --- Browser side: one filter state per page -------------------------------------------------

let domain: FilterDomain = {};
let current: Filters = { ...NO_FILTERS };
let listening = false;

function announce(previous: Filters, cause: FiltersChange['cause']): void {
  const detail: FiltersChange = { filters: { ...current }, previous, cause, search: location.search };
  window.dispatchEvent(new CustomEvent(FILTERS_EVENT, { detail }));
}

/**
 * Reads the filters from the address, checked against `allowed` (usually the filter bar's
 * options), rewrites the address without the invalid parameters (replaceState), listens for
 * Back/Forward, and announces the state with cause 'load'. Call once per page; returns the filters.
 */
export function initFilterState(allowed: FilterDomain): Filters {
  domain = allowed;
  const previous = current;
  current = parseFilters(location.search, domain);
  const normalised = serialiseFilters(current, location.search);
  if (normalised !== location.search) history.replaceState(history.state, '', `${location.pathname}${normalised}${location.hash}`);
  if (!listening) {
    listening = true;
    window.addEventListener('popstate', () => {
      const before = current;
      current = parseFilters(location.search, domain);
      announce(before, 'history');
    });
  }
  announce(previous, 'load');
  return { ...current };
}

/** The filters in force now. */
export function currentFilters(): Filters {
  return { ...current };
}

/**
 * Changes some filters (null clears one), writes the address and announces the change. Values
 * outside the domain are dropped. `params` sets page-owned parameters in the same history entry.
 * Nothing happens (no entry, no event) when neither filters nor params change.
 */
export function setFilters(
  next: Partial<Filters>,
  options: { replace?: boolean; params?: Record<string, string | null> } = {},
): Filters {
  const previous = current;
  const merged = { ...current, ...next };
  const checked = parseFilters(serialiseFilters(merged), domain);
  const search = withParams(serialiseFilters(checked, location.search), options.params ?? {});
  if (filtersEqual(checked, previous) && search === location.search) return { ...current };
  current = checked;
  const url = `${location.pathname}${search}${location.hash}`;
  if (options.replace) history.replaceState(history.state, '', url);
  else history.pushState(history.state, '', url);
  announce(previous, 'user');
  return { ...current };
}

/** Calls `listener` on every filter change; returns an unsubscribe function. */
export function onFiltersChange(listener: (change: FiltersChange) => void): () => void {
  const handler = (event: CustomEvent<FiltersChange>) => listener(event.detail);
  window.addEventListener(FILTERS_EVENT, handler);
  return () => window.removeEventListener(FILTERS_EVENT, handler);
}
