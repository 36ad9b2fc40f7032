/**
 * Prefetches the query engine on a page with a filter bar, once the page has painted and the
 * browser is idle: the DuckDB wasm is fetched into the HTTP cache as it streams, and the browser
 * copies of the tables the page's charts read (their data-tables) are fetched and inflated
 * (src/client/duckdb-engine.ts, `prefetchEngine`). The engine itself (its Web Worker, which
 * compiles the wasm while streaming it from the cache, the database, the inserted tables) still
 * starts at the first filter, which then waits only for what is left. Nothing heavy runs on the
 * main thread: no chart code or Plot is loaded, nothing is compiled here.
 *
 * Not on a reader who asked to save data (`navigator.connection.saveData`), and never twice. A
 * prefetch cut short by leaving the page costs nothing but the bytes already received. Decks, the
 * summary, the methodology page and embeds do not import this module.
 */
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
    void import('./duckdb-engine.ts')
      .then(({ prefetchEngine }) => prefetchEngine(tables))
      .then(() => (document.documentElement.dataset.enginePrefetch = 'done'))
      .catch((error: unknown) => {
        // the engine loads as before at the first filter
        document.documentElement.dataset.enginePrefetch = 'failed';
        console.warn('Prefetching the query engine failed:', error);
      });
  });
}
