/**
 * <pantau-chart chart-id="…">: the browser side of a chart figure (see ChartFigure.astro).
 *
 * Works on the pre-rendered markup with no query engine: Chart/Table/Source tabs, full screen,
 * downloads (CSV from the rows embedded in the page, SVG of the drawing, PNG drawn from that SVG
 * on a canvas). `update(rows, filters)` re-renders title, drawings, table, footnote and downloads
 * from new rows: the filter code calls it after running the chart's SQL in DuckDB-WASM. Plot and
 * the chart definitions are loaded only on the first update, so the first paint stays light.
 */
import { chartCsv, downloadName } from '../charts/chart-csv.ts';
import type { AnyChartDefinition, ChartRow } from '../charts/chart-definition.ts';
import { CHART_WIDTHS } from '../charts/chart-widths.ts';
import { drawChart } from '../charts/draw-chart.ts';
import { formatDate, formatMonthYear } from '../i18n/format.ts';
import { tableModel } from '../charts/table-model.ts';
import { CHART_UI } from '../i18n/charts.ts';
import type { Locale } from '../i18n/locales.ts';
import { NO_FILTERS, type Filters } from '../schema/filters.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Tab = 'chart' | 'table' | 'source';

export class PantauChart extends HTMLElement {
  #rows: ChartRow[] = [];
  #filters: Filters | null = null;
  #ready = false;

  get chartId(): string {
    return this.getAttribute('chart-id') ?? '';
  }

  get locale(): Locale {
    return this.dataset.locale === 'en' ? 'en' : 'id';
  }

  /** The rows currently shown (from the page, or from the last update). */
  get rows(): readonly ChartRow[] {
    return this.#rows;
  }

  connectedCallback(): void {
    if (this.#ready) return;
    this.#ready = true;
    const embedded = this.querySelector('script[data-rows]');
    this.#rows = embedded?.textContent ? (JSON.parse(embedded.textContent) as ChartRow[]) : [];
    this.#filters = this.dataset.filters ? (JSON.parse(this.dataset.filters) as Filters) : null;
    this.#setUpTabs();
    this.#setUpActions();
    this.#setUpTimeWindow();
    this.dataset.enhanced = '';
  }

  /**
   * Re-renders everything from new rows (e.g. the chart's SQL re-run by DuckDB-WASM with new
   * filters). Resolves when the new drawing is in place; a `pantau-chart:updated` event follows.
   */
  async update(rows: ChartRow[], filters: Filters): Promise<void> {
    const { chartById } = await import('../charts/registry.ts');
    const chart = chartById(this.chartId);
    this.#rows = rows;
    this.#filters = filters;
    this.dataset.filters = JSON.stringify(filters);
    const snapshotDate = this.dataset.snapshot ?? '';
    const context = (width: number) => ({ locale: this.locale, width, document, filters, snapshotDate });
    const title = this.querySelector('[data-chart-title]');
    if (title) title.textContent = chart.title(rows, context(CHART_WIDTHS.wide));
    const summary = this.querySelector('[data-chart-summary]');
    if (summary) {
      const label = summary.querySelector('.chart__summary-label');
      summary.replaceChildren(...(label ? [label, ' '] : []), chart.summary(rows, context(CHART_WIDTHS.wide)));
    }
    this.#drawPlots(chart, this.#windowed(rows), filters);
    this.#renderTable(chart, rows);
    const csv = this.querySelector<HTMLAnchorElement>('a[data-download="csv"]');
    if (csv) csv.href = `data:text/csv;charset=utf-8,${encodeURIComponent(chartCsv(chart, rows, this.locale))}`;
    this.dispatchEvent(new CustomEvent('pantau-chart:updated', { bubbles: true, detail: { chartId: this.chartId, filters } }));
  }

  /**
   * A sentence in place of the drawing ("Tidak ada kedatangan WNA Australia di DKI Jakarta pada
   * 2024."), or null to show the drawing again. The table and downloads stay (with no rows).
   */
  showEmpty(text: string | null): void {
    this.querySelector('[data-chart-empty]')?.remove();
    if (text === null) {
      delete this.dataset.empty;
      return;
    }
    this.dataset.empty = '';
    const sentence = document.createElement('p');
    sentence.className = 'chart__empty';
    sentence.dataset.chartEmpty = '';
    sentence.textContent = text;
    this.querySelector('[data-panel="chart"]')?.prepend(sentence);
  }

  #drawPlots(chart: AnyChartDefinition, rows: readonly ChartRow[], filters: Filters): void {
    const snapshotDate = this.dataset.snapshot ?? '';
    for (const variant of ['wide', 'narrow'] as const) {
      const holder = this.querySelector<HTMLElement>(`[data-plot="${variant}"]`);
      holder?.replaceChildren(drawChart(chart, rows, { locale: this.locale, width: CHART_WIDTHS[variant], document, filters, snapshotDate }));
    }
  }

  /** The months of the rows, oldest first (trend charts only). */
  #months(rows: readonly ChartRow[]): string[] {
    return [...new Set(rows.map((row) => String(row.month)))].sort();
  }

  /** The rows from the time slider's first month on; all rows when there is no slider. */
  #windowed(rows: readonly ChartRow[]): ChartRow[] {
    const slider = this.querySelector<HTMLInputElement>('[data-window-start]');
    if (!slider || slider.closest('[data-time-window]')?.hasAttribute('hidden')) return [...rows];
    const months = this.#months(rows);
    slider.max = String(Math.max(0, months.length - 12));
    const from = months[Math.min(Number(slider.value), Number(slider.max))] ?? '';
    const text = this.querySelector('[data-window-text]');
    if (text && from) text.textContent = formatMonthYear(from, this.locale);
    return rows.filter((row) => String(row.month) >= from);
  }

  /**
   * The time slider of a trend chart: it narrows the months drawn (never fewer than 12) without a
   * query — the rows are already on the page, and dropping months adds nothing up. The table and
   * the CSV keep every month.
   */
  #setUpTimeWindow(): void {
    const box = this.querySelector<HTMLElement>('[data-time-window]');
    const slider = box?.querySelector<HTMLInputElement>('[data-window-start]');
    if (!box || !slider) return;
    box.hidden = false;
    this.#windowed(this.#rows);
    slider.addEventListener('input', () => {
      // the label follows the slider at once; the drawing once the chart code has loaded
      const rows = this.#windowed(this.#rows);
      void import('../charts/registry.ts').then(({ chartById }) => {
        const filters = this.#filters ?? NO_FILTERS;
        this.#drawPlots(chartById(this.chartId), rows, filters);
        this.dispatchEvent(new CustomEvent('pantau-chart:windowed', { bubbles: true, detail: { chartId: this.chartId, from: slider.value } }));
      });
    });
  }

  #renderTable(chart: AnyChartDefinition, rows: readonly ChartRow[]): void {
    const ui = CHART_UI[this.locale];
    const model = tableModel(chart, rows, this.locale);
    const table = this.querySelector('[data-table-view] table');
    if (table) {
      const head = document.createElement('thead');
      const headRow = head.insertRow();
      for (const h of model.headers) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = h.text;
        if (h.numeric) th.className = 'num';
        headRow.append(th);
      }
      const body = document.createElement('tbody');
      for (const row of model.rows) {
        const tr = body.insertRow();
        for (const cell of row) {
          const td = tr.insertCell();
          td.textContent = cell.text;
          if (cell.numeric) td.classList.add('num');
          if (cell.withheld) {
            td.classList.add('withheld');
            td.dataset.withheld = '';
          }
        }
      }
      table.replaceChildren(head, body);
    }
    const summary = this.querySelector('[data-panel="table"] > summary');
    if (summary) summary.textContent = `${ui.tableSummary} (${ui.rows(rows.length)})`;
    const footnote = this.querySelector<HTMLElement>('[data-chart-footnote]');
    const text = model.withheldCells > 0 ? ui.withheld(model.withheldCells) : '';
    if (footnote) {
      footnote.hidden = text === '';
      const span = footnote.querySelector('[data-footnote-text]');
      if (span) span.textContent = text;
    }
  }

  /** The tablist replaces the <details> toggles: one panel at a time, arrow keys move between tabs. */
  #setUpTabs(): void {
    const tablist = this.querySelector<HTMLElement>('[data-tabs]');
    if (!tablist) return;
    tablist.hidden = false;
    const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    for (const panel of this.querySelectorAll<HTMLElement>('[data-panel]')) {
      panel.setAttribute('role', 'tabpanel');
      const tab = tabs.find((t) => t.dataset.tab === panel.dataset.panel);
      if (tab) panel.setAttribute('aria-labelledby', tab.id);
      if (panel instanceof HTMLDetailsElement) panel.open = true;
    }
    tablist.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
      if (tab) this.select(tab.dataset.tab as Tab);
    });
    tablist.addEventListener('keydown', (event) => {
      const index = tabs.findIndex((t) => t === document.activeElement);
      if (index < 0) return;
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const target = event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs.at(-1) : step ? tabs[(index + step + tabs.length) % tabs.length] : undefined;
      if (!target) return;
      event.preventDefault();
      this.select(target.dataset.tab as Tab);
      target.focus();
    });
    this.select('chart');
  }

  /** Shows one of the chart, table and source panels. */
  select(tab: Tab): void {
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-tabs] [role="tab"]')) {
      const selected = button.dataset.tab === tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    for (const panel of this.querySelectorAll<HTMLElement>('[data-panel]')) panel.hidden = panel.dataset.panel !== tab;
    this.dataset.tab = tab;
  }

  #setUpActions(): void {
    const ui = CHART_UI[this.locale];
    const svgButton = this.querySelector<HTMLButtonElement>('[data-download="svg"]');
    const pngButton = this.querySelector<HTMLButtonElement>('[data-download="png"]');
    const fullscreen = this.querySelector<HTMLButtonElement>('[data-fullscreen]');
    for (const button of [svgButton, pngButton, fullscreen]) if (button) button.hidden = false;
    svgButton?.addEventListener('click', () => this.#save(new Blob([this.standaloneSvg()], { type: 'image/svg+xml' }), 'svg'));
    pngButton?.addEventListener('click', () => void this.png().then((blob) => this.#save(blob, 'png')));
    fullscreen?.addEventListener('click', () => void this.toggleFullscreen());
    document.addEventListener('fullscreenchange', () => {
      if (document.fullscreenElement !== this && this.classList.contains('is-fullscreen') && !this.dataset.fullscreenFallback) this.#markFullscreen(false);
    });
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.classList.contains('is-fullscreen')) void this.toggleFullscreen();
    });
    if (fullscreen) fullscreen.textContent = ui.fullscreen;
  }

  #markFullscreen(on: boolean): void {
    const ui = CHART_UI[this.locale];
    this.classList.toggle('is-fullscreen', on);
    const button = this.querySelector<HTMLButtonElement>('[data-fullscreen]');
    if (button) {
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? ui.exitFullscreen : ui.fullscreen;
    }
  }

  /** Full screen through the Fullscreen API, or a fixed overlay where the API is refused. */
  async toggleFullscreen(): Promise<void> {
    const on = !this.classList.contains('is-fullscreen');
    if (!on) {
      delete this.dataset.fullscreenFallback;
      if (document.fullscreenElement === this) await document.exitFullscreen().catch(() => undefined);
      this.#markFullscreen(false);
      return;
    }
    this.#markFullscreen(true);
    try {
      await this.requestFullscreen();
    } catch {
      this.dataset.fullscreenFallback = '';
    }
  }

  /** The visible drawing as one standalone SVG: legend and plot stacked, title and source line added. */
  standaloneSvg(): string {
    const holder = [...this.querySelectorAll<HTMLElement>('[data-plot]')].find((el) => el.offsetParent !== null) ?? this.querySelector<HTMLElement>('[data-plot="wide"]');
    const parts = holder ? [...holder.querySelectorAll<SVGSVGElement>('svg')].filter((svg) => !svg.parentElement?.closest('svg')) : [];
    const width = Math.max(360, ...parts.map((svg) => Number(svg.getAttribute('width') ?? 0)));
    const out = document.createElementNS(SVG_NS, 'svg');
    out.setAttribute('xmlns', SVG_NS);
    out.setAttribute('font-family', 'system-ui, sans-serif');
    const text = (content: string, y: number, size: number, weight = 'normal') => {
      const t = document.createElementNS(SVG_NS, 'text');
      Object.entries({ x: '0', y: String(y), 'font-size': String(size), 'font-weight': weight, fill: '#0d1321' }).forEach(([k, v]) => t.setAttribute(k, v));
      t.textContent = content;
      return t;
    };
    const background = document.createElementNS(SVG_NS, 'rect');
    out.append(background, text(this.querySelector('[data-chart-title]')?.textContent ?? '', 18, 15, '700'));
    let y = 32;
    // the filters the drawing shows ("Disaring: Bali"), so a saved image says what it shows
    const caption = this.querySelector('[data-filter-caption]')?.textContent ?? '';
    if (caption) {
      out.append(text(caption, y + 2, 12, '600'));
      y += 18;
    }
    for (const svg of parts) {
      const copy = svg.cloneNode(true) as SVGSVGElement;
      const height = Number(svg.getAttribute('height') ?? svg.getBoundingClientRect().height);
      copy.setAttribute('y', String(y));
      copy.setAttribute('x', '0');
      out.append(copy);
      y += height + 4;
    }
    const unit = this.querySelector('[data-chart-unit]')?.textContent ?? '';
    // the source line as the page states it (built from the manifest: "sample data" only when it is)
    const source = this.querySelector('[data-chart-source]')?.textContent ?? '';
    out.append(text(unit, y + 14, 11), text(source, y + 30, 11));
    const height = y + 40;
    Object.entries({ width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}` }).forEach(([k, v]) => out.setAttribute(k, v));
    Object.entries({ width: '100%', height: '100%', fill: '#ffffff' }).forEach(([k, v]) => background.setAttribute(k, v));
    return new XMLSerializer().serializeToString(out);
  }

  /** The standalone SVG drawn on a canvas at twice its size. */
  async png(): Promise<Blob> {
    const svg = this.standaloneSvg();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.scale(2, 2);
      context.drawImage(image, 0, 0);
      return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  #save(blob: Blob, extension: 'svg' | 'png'): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = downloadName(this.chartId, this.dataset.snapshot ?? '', extension);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }
}

if (!customElements.get('pantau-chart')) customElements.define('pantau-chart', PantauChart);

declare global {
  interface HTMLElementTagNameMap {
    'pantau-chart': PantauChart;
  }
}
