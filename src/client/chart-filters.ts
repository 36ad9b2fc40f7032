/**
 * Connects the filter bar to the charts of a page: when the filters in the address change (or the
 * page opens with filters in its address), every <pantau-chart> re-runs its definition's SQL in
 * DuckDB-WASM and redraws. The page as built stays on screen until the engine has answered, so
 * nothing waits for the ~5 MB engine; a chart whose published views cannot answer a combination
 * says so and keeps showing the figures it was built with.
 *
 * A chart's own build filters (an area page's province or office) always apply: the reader's
 * filters are added to them, never replace them.
 */
import type { ChartRow } from '../charts/chart-definition.ts';
import { NO_FILTERS, type Filters } from '../schema/filters.ts';
import type { PantauChart } from './chart-element.ts';
import { filtersReady } from './filter-bar.ts';
import { onFiltersChange } from './filter-state.ts';
import { getQueryEngine } from './query-engine.ts';

/** The filters a chart was built with (data-filters), e.g. { province: '51' } on Bali's page. */
function builtFilters(chart: HTMLElement): Partial<Filters> {
  try {
    return chart.dataset.builtFilters ? (JSON.parse(chart.dataset.builtFilters) as Partial<Filters>) : {};
  } catch {
    return {};
  }
}

/** The reader's choices on top of the chart's own: a fixed filter cannot be overridden. */
export function effectiveFilters(built: Partial<Filters>, chosen: Filters): Filters {
  const out: Filters = { ...NO_FILTERS };
  for (const key of Object.keys(NO_FILTERS) as (keyof Filters)[]) out[key] = built[key] ?? chosen[key] ?? null;
  return out;
}

const isEmpty = (filters: Filters) => Object.values(filters).every((v) => v === null);

const UNSUPPORTED = {
  id: 'Grafik ini tidak dapat disaring dengan pilihan ini (tidak ada tabel terbitan yang menjawabnya); angka yang ditampilkan belum disaring.',
  en: 'This chart cannot be filtered this way (no published table answers it); the figures shown are unfiltered.',
};

/** Says on the chart itself that it ignores the current choice, or removes that note. */
function markUnsupported(chart: PantauChart, unsupported: boolean): void {
  chart.querySelector('[data-filter-note]')?.remove();
  if (!unsupported) {
    delete chart.dataset.filterUnsupported;
    return;
  }
  chart.dataset.filterUnsupported = '';
  const note = document.createElement('p');
  note.className = 'chart__filter-note';
  note.dataset.filterNote = '';
  note.textContent = UNSUPPORTED[chart.locale];
  chart.prepend(note);
}

const FILTERED_BY = { id: 'Disaring', en: 'Filtered' };

/** "Bali · Australia": the labels of the filter bar's current choices, as the reader sees them. */
function choicesText(): string {
  return [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')]
    .filter((select) => select.value !== '')
    .map((select) => select.selectedOptions[0]?.textContent?.trim() ?? select.value)
    .join(' · ');
}

/** A line under the chart's title naming the filters it now answers, so a copied chart says what it shows. */
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
  caption.textContent = `${FILTERED_BY[chart.locale]}: ${text}`;
}

let generation = 0;

async function refresh(chosen: Filters): Promise<void> {
  const charts = [...document.querySelectorAll<PantauChart>('pantau-chart')];
  if (charts.length === 0) return;
  const current = (generation += 1);
  for (const chart of charts) chart.dataset.builtFilters ??= chart.dataset.filters ?? '{}';
  const [{ chartById, supportsFilters }, engine] = await Promise.all([import('../charts/registry.ts'), getQueryEngine()]);
  await Promise.all(
    charts.map(async (chart) => {
      const definition = chartById(chart.chartId);
      const filters = effectiveFilters(builtFilters(chart), chosen);
      const supported = supportsFilters(definition, filters);
      markUnsupported(chart, !supported);
      if (!supported) return;
      const rows = await engine.query<ChartRow>(definition.sql(filters));
      // a later choice has been made while this one was answered: leave the drawing to it
      if (current !== generation) return;
      await chart.update(rows, filters);
      captionFilters(chart, choicesText());
    }),
  );
}

function report(error: unknown): void {
  console.error('Filtering the charts failed:', error);
  for (const chart of document.querySelectorAll<HTMLElement>('pantau-chart')) chart.dataset.filterError = '';
}

onFiltersChange(({ filters, cause }) => {
  if (cause !== 'load') refresh(filters).catch(report);
});
void filtersReady.then((filters) => {
  if (!isEmpty(filters)) refresh(filters).catch(report);
});
