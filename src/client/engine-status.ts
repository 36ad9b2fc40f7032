/**
 * <pantau-engine-status>: a small live region that says what the query engine is doing —
 * "Memuat mesin kueri… 42%" while the wasm downloads, "Memuat data… 80%" while tables arrive,
 * then "Mesin kueri siap." (hidden again after a moment). Messages come from data-* attributes
 * rendered in the page's language (src/components/QueryEngineStatus.astro); `{percent}` is
 * replaced. role="status" makes screen readers announce changes politely; percentages are
 * announced at most every 10 points so the region does not chatter.
 */
import { formatPercent } from '../i18n/format.ts';
import { onQueryEngineProgress, type QueryEngineProgress } from './query-engine.ts';

const READY_HIDE_MS = 4000;

class EngineStatus extends HTMLElement {
  #unsubscribe: (() => void) | null = null;
  #lastDecile = -1;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.#unsubscribe = onQueryEngineProgress((progress) => this.#show(progress));
  }

  disconnectedCallback(): void {
    this.#unsubscribe?.();
  }

  #percent(progress: QueryEngineProgress): string {
    const fraction = progress.fraction ?? 0;
    return formatPercent(fraction, document.documentElement.lang === 'en' ? 'en' : 'id', 0);
  }

  #show(progress: QueryEngineProgress): void {
    clearTimeout(this.#hideTimer);
    this.dataset.phase = progress.phase;
    if (progress.engineVersion) this.dataset.engineVersion = progress.engineVersion;
    const template = (name: string) => this.dataset[name] ?? '';
    if (progress.phase === 'idle' || progress.background) {
      this.hidden = true;
      return;
    }
    this.hidden = false;
    const bar = this.querySelector('progress');
    if (progress.phase === 'engine' || progress.phase === 'tables') {
      const decile = Math.floor((progress.fraction ?? 0) * 10);
      if (decile === this.#lastDecile && this.textContent) {
        if (bar) bar.value = progress.fraction ?? 0;
        return;
      }
      this.#lastDecile = decile;
      this.#render(template(progress.phase === 'engine' ? 'loading' : 'tables').replace('{percent}', this.#percent(progress)), progress.fraction ?? 0);
    } else if (progress.phase === 'ready') {
      this.#lastDecile = -1;
      this.#render(template('ready'), 1);
      this.#hideTimer = setTimeout(() => (this.hidden = true), READY_HIDE_MS);
    } else {
      this.#render(template('error').replace('{message}', progress.error ?? ''), null);
    }
  }

  #render(message: string, fraction: number | null): void {
    const text = this.querySelector('[data-engine-message]');
    const bar = this.querySelector('progress');
    if (text) text.textContent = message;
    if (bar) {
      bar.hidden = fraction === null || fraction >= 1;
      if (fraction !== null) bar.value = fraction;
    }
  }
}

if (!customElements.get('pantau-engine-status')) customElements.define('pantau-engine-status', EngineStatus);
