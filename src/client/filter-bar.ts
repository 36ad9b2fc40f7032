/**
 * <pantau-filter-bar>: upgrades the filter bar's GET form. Each change applies at once (one history
 * entry, see filter-state.ts) instead of reloading the page; Back/Forward and other scripts'
 * setFilters() calls are reflected back into the selects.
 *
 * Fields with data-filter="<key>" are filters; any other named field in the form (a page's own
 * control, e.g. the explorer's `tabel`) is a page parameter written into the same address.
 * The bar initialises the page's filter state with its own options as the allowed codes, so an
 * address naming a province that does not exist is cleaned up on load.
 */
import type { FilterDomain } from '../schema/filter-values.ts';
import type { Filters } from '../schema/filters.ts';
import { initFilterState, onFiltersChange, setFilters } from './filter-state.ts';

type Field = HTMLSelectElement | HTMLInputElement;

/** The codes a form offers for each filter: the values of its options (empty "All" excluded). */
export function filterDomainOf(form: HTMLFormElement): FilterDomain {
  const domain: FilterDomain = {};
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const key = select.dataset.filter as keyof Filters;
    domain[key] = [...select.options].map((o) => o.value).filter((v) => v !== '');
  }
  return domain;
}

/** The value a field has in the page as built (what an address without its parameter means). */
function defaultValue(field: Field): string {
  if (field instanceof HTMLSelectElement) return ([...field.options].find((o) => o.defaultSelected) ?? field.options[0])?.value ?? '';
  return field.defaultValue;
}

let readyResolve: (filters: Filters) => void;
/** Resolves once a filter bar has read the address: page scripts await it before their first query. */
export const filtersReady: Promise<Filters> = new Promise((resolve) => (readyResolve = resolve));

class FilterBar extends HTMLElement {
  #unsubscribe: (() => void) | null = null;

  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('form[data-filter-form]');
    if (!form) return;
    this.#unsubscribe = onFiltersChange(({ filters, search }) => this.#show(form, filters, search));
    const filters = initFilterState(filterDomainOf(form));
    this.#show(form, filters, location.search);
    for (const button of form.querySelectorAll<HTMLElement>('[data-apply]')) button.hidden = true;
    form.addEventListener('change', (event) => {
      const field = event.target as Field;
      if (!field.name) return;
      const key = field.dataset.filter as keyof Filters | undefined;
      if (key) setFilters({ [key]: field.value || null });
      else setFilters({}, { params: { [field.name]: field.value || null } });
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const next: Partial<Filters> = {};
      const params: Record<string, string | null> = {};
      for (const field of form.querySelectorAll<Field>('select[name], input[name]')) {
        const key = field.dataset.filter as keyof Filters | undefined;
        if (key) next[key] = field.value || null;
        else params[field.name] = field.value || null;
      }
      setFilters(next, { params });
    });
    readyResolve(filters);
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  /** Puts the state into the form: filters and page parameters alike. */
  #show(form: HTMLFormElement, filters: Filters, search: string): void {
    const params = new URLSearchParams(search);
    for (const field of form.querySelectorAll<Field>('select[name], input[name]')) {
      const key = field.dataset.filter as keyof Filters | undefined;
      const value = key ? filters[key] : params.get(field.name);
      if (value !== null && value !== undefined) field.value = value;
      else field.value = key ? '' : defaultValue(field);
    }
  }
}

if (!customElements.get('pantau-filter-bar')) customElements.define('pantau-filter-bar', FilterBar);

