/**
 * Starts the query engine ahead of need on a page with a filter bar, once the page has painted and
 * the browser is idle: DuckDB-WASM's worker fetches the wasm and compiles it while it streams
 * (instantiateStreaming, off the main thread), opens the database, and the browser copies of the
 * tables the page's charts read (their data-tables, written at build) are loaded. The first
 * filter then waits only for what is left. Started in the background: the engine status stays
 * quiet until a filter waits for it (src/client/query-engine.ts).
 *
 * Why the whole engine and not only the bytes: an off-the-record or small HTTP cache does not keep
 * a 33 MB wasm (served uncompressed it is too large an entry), so bytes fetched "into the cache"
 * were fetched again by the worker and the first filter came later than with no prefetch at all
 * (docs/benchmarks.md). The cost is the engine's memory on a page where the reader may never
 * filter (about 370 MiB RSS in Chromium, docs/architecture.md).
 *
 * Not on a reader who asked to save data (`navigator.connection.saveData`), and never twice. A
 * prefetch cut short by leaving the page costs only the bytes already received. Decks, the
 * summary, the methodology page and embeds do not import this module.
 */
import { getQueryEngine } from './query-engine.ts';

const IDLE_TIMEOUT_MS = 3000;

let started = false;

function saveData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

/** After `load`, in requestIdleCallback (at most IDLE_TIMEOUT_MS later), or a timeout where there is none. */
function whenIdle(run: () => void): void {
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(run, 200));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/** `tables`: the published tables the page's charts read. */
export function prefetchEngineWhenIdle(tables: readonly string[]): void {
  if (started || saveData()) return;
  started = true;
  whenIdle(() => {
    document.documentElement.dataset.enginePrefetch = 'started';
    getQueryEngine({ background: true })
      .then((engine) => engine.preload(tables))
      .then(() => (document.documentElement.dataset.enginePrefetch = 'done'))
      .catch((error: unknown) => {
        // the engine is tried again at the first filter
        document.documentElement.dataset.enginePrefetch = 'failed';
        console.warn('Starting the query engine ahead of need failed:', error);
      });
  });
}
