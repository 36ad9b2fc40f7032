/**
 * The explorer in the browser: reads its choices (table, breakdown, measure, period columns) and
 * the filters from the address, runs src/explorer/totals-query.ts's SQL in DuckDB-WASM, and replaces
 * the built table with the pivoted answer. The built table stays until the engine has answered,
 * so nothing waits for the ~5 MB engine; the engine itself starts after the page has painted.
 *
 * Page parameters: tabel (table), rincian (view name), ukuran (measure), kolom (grain); filters
 * as everywhere (src/client/filter-state.ts). Everything is in the address: reload restores it.
 */
import { explorerText } from '../i18n/explorer.ts';
import type { Locale } from '../i18n/locales.ts';
import { explorerCsv, explorerModel, explorerTableHtml, type TotalsRow } from '../explorer/explorer-table.ts';
import { totalsQuery, type TotalsPlan } from '../explorer/totals-query.ts';
import { PERIOD_GRAINS, type PeriodGrain } from '../schema/disclosure.ts';
import type { Filters } from '../schema/filters.ts';
import { STOCK_METRICS, type TableName } from '../schema/tables.ts';
import { filtersReady } from './filter-bar.ts';
import { currentFilters, onFiltersChange, setFilters } from './filter-state.ts';
import { scheduleQueryEngine } from './query-engine.ts';

interface ExplorerConfig {
  locale: Locale;
  /** Last month of the publication (YYYY-MM). */
  coverageTo: string;
  defaults: { table: TableName; view: string; measure: string; grain: PeriodGrain };
  /** Per table: its views, and its measures with the views that publish each (operations' person counts are not in every view). */
  tables: Record<TableName, { views: string[]; measures: { name: string; views: string[] }[] }>;
}

interface ExplorerChoice {
  table: TableName;
  view: string;
  measure: string;
  grain: PeriodGrain;
}

export const EXPLORER_PARAMS = { table: 'tabel', view: 'rincian', measure: 'ukuran', grain: 'kolom' } as const;

/**
 * The choice an address asks for; anything unknown falls back to the table's defaults, and a
 * breakdown that does not publish the measure falls back to the measure's first (the national total).
 */
export function explorerChoice(search: string, config: ExplorerConfig): ExplorerChoice {
  const params = new URLSearchParams(search);
  const asked = params.get(EXPLORER_PARAMS.table) as TableName | null;
  const table = asked && asked in config.tables ? asked : config.defaults.table;
  const { measures } = config.tables[table];
  const view = params.get(EXPLORER_PARAMS.view) ?? '';
  const askedMeasure = params.get(EXPLORER_PARAMS.measure) ?? '';
  const measure = measures.find((m) => m.name === askedMeasure) ?? measures[0]!;
  const grain = params.get(EXPLORER_PARAMS.grain) as PeriodGrain | null;
  return {
    table,
    view: measure.views.includes(view) ? view : measure.views[0]!,
    measure: measure.name,
    grain: grain && PERIOD_GRAINS.includes(grain) ? grain : config.defaults.grain,
  };
}

const root = document.querySelector<HTMLElement>('[data-explorer]');
if (root) {
  const config = JSON.parse(root.dataset.config!) as ExplorerConfig;
  const text = explorerText(config.locale);
  const result = root.querySelector<HTMLElement>('[data-explorer-result]')!;
  const notes = root.querySelector<HTMLElement>('[data-explorer-notes]')!;
  const csvButton = root.querySelector<HTMLButtonElement>('[data-download-csv]')!;
  const csvHint = root.querySelector<HTMLElement>('[data-download-csv-hint]')!;
  let last: { rows: TotalsRow[]; plan: TotalsPlan; choice: ExplorerChoice } | null = null;
  let sequence = 0;

  /**
   * Shows only the chosen table's options in the breakdown, measure and category lists. The other
   * tables' option groups are taken out of the list (not just hidden): view names repeat across
   * tables ("nationality"), and a hidden duplicate could be the one selected.
   */
  const groups = new Map<HTMLSelectElement, HTMLOptGroupElement[]>();
  for (const select of root.querySelectorAll<HTMLSelectElement>('select')) {
    const tableGroups = [...select.querySelectorAll<HTMLOptGroupElement>('optgroup[data-table]')];
    if (tableGroups.length > 0) groups.set(select, tableGroups);
  }
  const showTableOptions = (table: TableName) => {
    for (const [select, list] of groups) {
      const value = select.value;
      for (const group of list) {
        if (group.dataset.table === table) select.append(group);
        else group.remove();
      }
      select.value = value;
      if (select.selectedIndex < 0) select.selectedIndex = 0;
    }
    for (const item of root.querySelectorAll<HTMLElement>('li[data-table]')) item.hidden = item.dataset.table !== table;
  };

  const render = async (filters: Filters) => {
    const run = ++sequence;
    const choice = explorerChoice(location.search, config);
    showTableOptions(choice.table);
    // Write the effective choice back (a table change resets a breakdown the new table lacks).
    const wanted = { [EXPLORER_PARAMS.table]: choice.table, [EXPLORER_PARAMS.view]: choice.view, [EXPLORER_PARAMS.measure]: choice.measure };
    const params = new URLSearchParams(location.search);
    if (params.has(EXPLORER_PARAMS.table) && Object.entries(wanted).some(([k, v]) => params.get(k) !== v)) {
      setFilters({}, { replace: true, params: wanted });
      return; // the change event renders again
    }
    // Breakdowns that do not publish the chosen measure cannot be chosen with it.
    const published = config.tables[choice.table].measures.find((m) => m.name === choice.measure)!.views;
    for (const option of root.querySelectorAll<HTMLOptionElement>('select[data-explorer-control="view"] option')) option.disabled = !published.includes(option.value);
    for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-explorer-control]')) {
      const control = select.dataset.explorerControl as keyof ExplorerChoice;
      select.value = choice[control];
    }
    const plan = totalsQuery({ ...choice, filters, locale: config.locale });
    result.setAttribute('aria-busy', 'true');
    notes.textContent = text.engine.querying;
    try {
      const engine = await scheduleQueryEngine();
      const rows = await engine.query<TotalsRow>(plan.sql);
      if (run !== sequence) return; // a newer choice is on its way
      const model = explorerModel(rows, plan, choice.measure, config.locale, text.tables[choice.table], text.measures[choice.measure] ?? choice.measure, config.coverageTo);
      result.innerHTML = explorerTableHtml(model, config.locale);
      result.dataset.state = [choice.table, plan.sourceView, choice.measure, plan.grain, filters.period ?? ''].join('|');
      result.dataset.rows = String(rows.length);
      const unavailable = plan.unavailable.map((key) => text.filters.labels[key]).join(', ');
      const stocks = choice.table === 'registry' && plan.grain !== 'month' && (filters.category === null || STOCK_METRICS.includes(filters.category));
      notes.textContent = [text.sourceView(plan.sourceView, text.grains[plan.grain]), unavailable ? text.unavailable(unavailable) : '', stocks ? text.stockMonthsOnly : ''].filter(Boolean).join(' ');
      last = { rows, plan, choice };
      csvButton.hidden = false;
      csvHint.hidden = false;
    } catch (error) {
      if (run !== sequence) return;
      notes.textContent = text.engine.error(error instanceof Error ? error.message : String(error));
    } finally {
      if (run === sequence) result.removeAttribute('aria-busy');
    }
  };

  csvButton.addEventListener('click', () => {
    if (!last) return;
    const csv = explorerCsv(last.rows, last.plan, last.choice.measure, config.locale);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `pantau-wna_${last.choice.table}_${last.plan.view.name.replaceAll('+', '-')}_${last.plan.grain}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  onFiltersChange(({ filters, cause }) => {
    if (cause !== 'load') void render(filters);
  });
  void filtersReady.then(() => render(currentFilters()));
}
