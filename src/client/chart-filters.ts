/**
 * Connects the filter bar to the charts of a page: when the filters in the address change (or the
 * page opens with filters in its address), every <pantau-chart> re-runs its definition's SQL in
 * DuckDB-WASM and redraws. The page as built stays on screen until the engine has answered, so
 * nothing waits for the engine; meanwhile a chart that will change says it is being updated
 * (aria-busy, dimmed, a short text), and its caption keeps naming the filters it still shows.
 *
 * Filters never mislead: a chart draws every reader choice it can answer; one it cannot (no
 * published view holds it) is set apart with the reason in words beside the chart
 * (src/charts/filter-plan.ts decides, src/i18n/filter-notes.ts words it); a filtered result with
 * nothing in it says so in a sentence instead of an empty plot.
 *
 * A chart's own build filters (an area page's province or office) always apply: the reader's
 * filters are added to them, never replace them. The engine is prefetched when the browser is idle
 * after first paint (src/client/engine-prefetch.ts), so the first filter waits only for what is left.
 */
import type { ChartRow } from '../charts/chart-definition.ts';
import { emptyResultText, filterCaption, refusedFiltersText, UPDATING_TEXT, type FilterLabels } from '../i18n/filter-notes.ts';
import { NO_FILTERS, type Filters } from '../schema/filters.ts';
import type { PantauChart } from './chart-element.ts';
import { prefetchEngineWhenIdle } from './engine-prefetch.ts';
import { filtersReady } from './filter-bar.ts';
import { onFiltersChange } from './filter-state.ts';
import { getQueryEngine } from './query-engine.ts';

type FilterKey = keyof Filters;
const KEYS = Object.keys(NO_FILTERS) as FilterKey[];

/** The filters a chart was built with (data-filters at first sight), e.g. { province: '51' } on Bali's page. */
function builtFilters(chart: HTMLElement): Partial<Filters> {
  chart.dataset.builtFilters ??= chart.dataset.filters ?? '{}';
  try {
    return JSON.parse(chart.dataset.builtFilters) as Partial<Filters>;
  } catch {
    return {};
  }
}

/** The filters a chart's drawing shows now. */
function drawnFilters(chart: HTMLElement): Partial<Filters> {
  try {
    return chart.dataset.filters ? (JSON.parse(chart.dataset.filters) as Partial<Filters>) : {};
  } catch {
    return {};
  }
}

const same = (a: Partial<Filters>, b: Partial<Filters>) => KEYS.every((key) => (a[key] ?? null) === (b[key] ?? null));

/** The reader's choices on top of the chart's own (what the chart would show if it answered them all). */
function wanted(built: Partial<Filters>, chosen: Filters): Filters {
  const out: Filters = { ...NO_FILTERS };
  for (const key of KEYS) out[key] = built[key] ?? chosen[key] ?? null;
  return out;
}

/** The labels of the filter bar's options for the chosen codes, as the reader sees them. */
function labelsOf(chosen: Filters): FilterLabels {
  const labels: FilterLabels = {};
  for (const key of KEYS) {
    const value = chosen[key];
    if (value === null) continue;
    const select = document.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`);
    const option = select ? [...select.options].find((o) => o.value === value) : undefined;
    labels[key] = option?.textContent?.trim() || value;
  }
  return labels;
}

const only = (labels: FilterLabels, keys: readonly FilterKey[]): FilterLabels =>
  Object.fromEntries(keys.filter((key) => labels[key]).map((key) => [key, labels[key]]));

/** Marks a chart as being redrawn: aria-busy, a visual state (charts.css) and a short text under the title. */
function markUpdating(chart: PantauChart, updating: boolean): void {
  chart.querySelector('[data-chart-updating]')?.remove();
  if (!updating) {
    chart.removeAttribute('aria-busy');
    delete chart.dataset.updating;
    return;
  }
  chart.setAttribute('aria-busy', 'true');
  chart.dataset.updating = '';
  const text = document.createElement('p');
  text.className = 'chart__updating';
  text.dataset.chartUpdating = '';
  text.textContent = UPDATING_TEXT[chart.locale];
  (chart.querySelector('[data-filter-caption]') ?? chart.querySelector('[data-chart-title]'))?.after(text);
}

/** Sets a chart apart (dimmed frame, the reasons beside it) while it cannot show some chosen filters. */
function markRefused(chart: PantauChart, sentences: string[], keys: readonly FilterKey[]): void {
  chart.querySelector('[data-filter-note]')?.remove();
  if (sentences.length === 0) {
    delete chart.dataset.filterUnsupported;
    return;
  }
  chart.dataset.filterUnsupported = keys.join(' ');
  const note = document.createElement('p');
  note.className = 'chart__filter-note';
  note.dataset.filterNote = '';
  note.textContent = sentences.join(' ');
  chart.querySelector('[data-chart-title]')?.before(note);
}

/** The line under the title naming the filters the drawing shows, so a copied chart says what it shows. */
function captionFilters(chart: PantauChart, text: string): void {
  let caption = chart.querySelector<HTMLElement>('[data-filter-caption]');
  if (!text) {
    caption?.remove();
    return;
  }
  if (!caption) {
    caption = document.createElement('p');
    caption.className = 'chart__filter-caption';
    caption.dataset.filterCaption = '';
    chart.querySelector('[data-chart-title]')?.after(caption);
  }
  caption.textContent = text;
}

let generation = 0;

async function refresh(chosen: Filters): Promise<void> {
  const charts = [...document.querySelectorAll<PantauChart>('pantau-chart')];
  if (charts.length === 0) return;
  const current = (generation += 1);
  const labels = labelsOf(chosen);
  // At once, before anything loads: every chart whose drawing is not yet what was chosen is updating.
  for (const chart of charts) markUpdating(chart, !same(drawnFilters(chart), wanted(builtFilters(chart), chosen)));
  const [{ chartById }, { planFilters, isEmptyResult }] = await Promise.all([import('../charts/registry.ts'), import('../charts/filter-plan.ts')]);
  if (current !== generation) return;
  const plans = charts.map((chart) => {
    const definition = chartById(chart.chartId);
    const plan = planFilters(definition, builtFilters(chart), chosen);
    const refused = [...plan.alone, ...plan.together];
    markRefused(chart, refusedFiltersText({ chartId: definition.id, table: definition.table, ...plan }, chart.locale), refused);
    const changes = !same(drawnFilters(chart), plan.applied);
    markUpdating(chart, changes);
    if (!changes) captionFilters(chart, filterCaption(only(labels, plan.shown), chart.locale));
    return { chart, definition, plan, changes };
  });
  if (!plans.some((p) => p.changes)) return;
  const engine = await getQueryEngine();
  await Promise.all(
    plans
      .filter((p) => p.changes)
      .map(async ({ chart, definition, plan }) => {
        const rows = await engine.query<ChartRow>(definition.sql(plan.applied));
        // a later choice has been made while this one was answered: leave the drawing to it
        if (current !== generation) return;
        await chart.update(rows, plan.applied);
        const shown = only(labels, plan.shown);
        chart.showEmpty(plan.shown.length > 0 && isEmptyResult(definition, rows) ? emptyResultText(definition.table, shown, chart.locale) : null);
        captionFilters(chart, filterCaption(shown, chart.locale));
        markUpdating(chart, false);
      }),
  );
}

function report(error: unknown): void {
  console.error('Filtering the charts failed:', error);
  for (const chart of document.querySelectorAll<PantauChart>('pantau-chart')) {
    chart.dataset.filterError = '';
    markUpdating(chart, false);
  }
}

onFiltersChange(({ filters, cause }) => {
  if (cause !== 'load') refresh(filters).catch(report);
});
void filtersReady.then((filters) => {
  if (Object.values(filters).some((v) => v !== null)) refresh(filters).catch(report);
  else prefetchEngineWhenIdle(pageTables());
});

/** The published tables the page's charts read (data-tables, written at build): what the prefetch fetches. */
function pageTables(): string[] {
  const names = [...document.querySelectorAll<HTMLElement>('pantau-chart[data-tables]')].flatMap((chart) => (chart.dataset.tables ?? '').split(' '));
  return [...new Set(names.filter(Boolean))];
}
