/**
 * The service worker (/sw.js), written with Workbox's modules and bundled by the build
 * (src/build/integrations/service-worker.ts: esbuild, then workbox-build's injectManifest puts the
 * app shell's list where `self.__WB_MANIFEST` stands). The constants below are set by that build.
 *
 * - App shell (precached at install): the scripts and styles the pages link, the icon and the two
 *   offline pages. Not the ~4,900 pages.
 * - Pages: network first (a short timeout, then the cache); a page never opened gets the offline
 *   page in its language. One entry per path: the filters in the query string are applied in the
 *   browser.
 * - /data/: the manifest and the browser copies' index network first, the browser copies (their
 *   address names their content, `?v=<sha256>`) cache first, other files (Parquet downloads) network
 *   first, range requests answered from a whole cached file.
 * - DuckDB-WASM (wasm, worker and its chunk; fingerprinted): cache first, once fetched.
 *
 * One release at a time: every cache but the engine's is named by the release; a page or a JSON
 * file of another release is never stored; a page of another release (served by the network while
 * an older worker runs) gets its data from the network only; and a new release's worker, once no
 * page of the old one is open, deletes the old release's caches when it activates.
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, type Strategy } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { CACHE_PREFIX, ENGINE_CACHE, RELEASE_ATTRIBUTE, isOtherReleaseCache, releaseCacheName, type CacheAreaProgress, type PageMessage, type PageState } from './offline-messages.ts';

/** The release this worker belongs to: `<snapshot date>-<manifest sha256, 12 hex digits>`. */
declare const __PANTAU_RELEASE__: string;
/** The site's base path, ending in "/". */
declare const __PANTAU_BASE__: string;
/** The offline page of each language, as precached (`/luring/index.html`), English first when the path is under /en/. */
declare const __PANTAU_FALLBACK_ID__: string;
declare const __PANTAU_FALLBACK_EN__: string;

const RELEASE = __PANTAU_RELEASE__;
const SNAPSHOT_DATE = RELEASE.slice(0, 10);
const BASE = __PANTAU_BASE__;
const DATA = `${BASE}data/`;
const ASSETS = `${BASE}_astro/`;
const PAGE_TIMEOUT_SECONDS = 3;

/** The parts of the worker's global scope used here (the DOM library this project types with has no worker types). */
interface WorkerEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerScope {
  location: Location;
  addEventListener(type: 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'message', listener: (event: WorkerEvent & { data: PageMessage; ports: readonly MessagePort[]; source: { id: string } | null }) => void): void;
}
const scope = self as unknown as WorkerScope;

setCacheNameDetails({ prefix: CACHE_PREFIX, suffix: RELEASE, precache: 'shell', runtime: 'runtime' });
precacheAndRoute((self as unknown as { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] }).__WB_MANIFEST);
clientsClaim();

scope.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((name) => isOtherReleaseCache(name, RELEASE)).map((name) => caches.delete(name)))));
});

/** The release a page names (`data-pantau-release="…"` near its top), or null for a page that names none (decks: every figure is in the page). */
function releaseOfPage(html: string): string | null {
  return new RegExp(`${RELEASE_ATTRIBUTE}="([^"]+)"`).exec(html)?.[1] ?? null;
}

/** Pages by the client they became (resultingClientId): answered from the cache, and of which release. */
const servedPages = new Map<string, { fromCache: boolean; release: string }>();

const onlyWhole = new CacheableResponsePlugin({ statuses: [200] });

const pageStrategy = new NetworkFirst({
  cacheName: releaseCacheName('pages', RELEASE),
  networkTimeoutSeconds: PAGE_TIMEOUT_SECONDS,
  matchOptions: { ignoreVary: true },
  plugins: [
    onlyWhole,
    {
      // One entry per path: /kedatangan/?provinsi=51 is /kedatangan/ with its filters applied in the browser.
      cacheKeyWillBeUsed: async ({ request }) => {
        const url = new URL(request.url);
        url.search = '';
        url.hash = '';
        return url.href;
      },
      // A page of another release is shown but never kept.
      cacheWillUpdate: async ({ response, event }) => {
        const release = releaseOfPage(await response.clone().text()) ?? RELEASE;
        const client = (event as unknown as { resultingClientId?: string }).resultingClientId;
        if (client) servedPages.set(client, { fromCache: false, release });
        return release === RELEASE ? response : null;
      },
      cachedResponseWillBeUsed: async ({ cachedResponse, event }) => {
        const client = (event as unknown as { resultingClientId?: string }).resultingClientId;
        if (cachedResponse && client) servedPages.set(client, { fromCache: true, release: RELEASE });
        return cachedResponse;
      },
    },
  ],
});

/** The offline page in the language of the address asked for. */
const offlinePage = (url: URL): Promise<Response | undefined> =>
  matchPrecache(url.pathname.startsWith(`${BASE}en/`) ? __PANTAU_FALLBACK_EN__ : __PANTAU_FALLBACK_ID__);

registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === scope.location.origin && !url.pathname.startsWith(DATA),
  async (options) => {
    try {
      return await pageStrategy.handle(options);
    } catch {
      return (await offlinePage(options.url)) ?? Response.error();
    }
  },
);

/** JSON files naming a snapshot (manifest, browser copies' index): kept only when of this release. */
const sameSnapshotJson = {
  cacheWillUpdate: async ({ response }: { response: Response }) => {
    try {
      const json = (await response.clone().json()) as { snapshotDate?: unknown };
      return json.snapshotDate === SNAPSHOT_DATE ? response : null;
    } catch {
      return null;
    }
  },
};

const dataCache = releaseCacheName('data', RELEASE);
const dataIndexStrategy = new NetworkFirst({ cacheName: dataCache, networkTimeoutSeconds: PAGE_TIMEOUT_SECONDS, plugins: [onlyWhole, sameSnapshotJson] });
const browserCopyStrategy = new CacheFirst({ cacheName: dataCache, plugins: [onlyWhole] });
// A range request is sent to the network as it is (a 206 is never stored); offline, it is cut from the whole cached file.
const dataFileStrategy = new NetworkFirst({ cacheName: dataCache, networkTimeoutSeconds: PAGE_TIMEOUT_SECONDS, plugins: [onlyWhole, new RangeRequestsPlugin()] });

const isJsonOfRelease = (url: URL): boolean => url.pathname === `${DATA}manifest.json` || url.pathname === `${DATA}browser/index.json`;
const isBrowserCopy = (url: URL): boolean => url.pathname.startsWith(`${DATA}browser/`) && url.searchParams.has('v');
const dataStrategy = (url: URL): Strategy => (isJsonOfRelease(url) ? dataIndexStrategy : isBrowserCopy(url) ? browserCopyStrategy : dataFileStrategy);

registerRoute(
  ({ url }) => url.origin === scope.location.origin && url.pathname.startsWith(DATA),
  (options) => {
    const client = (options.event as unknown as { clientId?: string }).clientId;
    const page = client ? servedPages.get(client) : undefined;
    // A page of another release never reads this release's data.
    if (page && page.release !== RELEASE) return fetch(options.request);
    return dataStrategy(options.url).handle(options);
  },
);

registerRoute(
  ({ url }) => url.origin === scope.location.origin && url.pathname.startsWith(ASSETS) && /duckdb/i.test(url.pathname),
  new CacheFirst({ cacheName: ENGINE_CACHE, plugins: [onlyWhole, new ExpirationPlugin({ maxEntries: 12 })] }),
);

registerRoute(
  ({ url }) => url.origin === scope.location.origin && url.pathname.startsWith(ASSETS),
  new CacheFirst({ cacheName: releaseCacheName('assets', RELEASE), plugins: [onlyWhole] }),
);

/** Keeps one address of an area for offline use, through the same strategy as when it is opened. */
async function keep(url: string, event: WorkerEvent): Promise<boolean> {
  const request = new Request(new URL(url, scope.location.href).href);
  const parsed = new URL(request.url);
  if (parsed.origin !== scope.location.origin) return false;
  const strategy = parsed.pathname.startsWith(DATA) ? dataStrategy(parsed) : pageStrategy;
  try {
    const response = await strategy.handle({ request, event: event as never });
    return response.ok;
  } catch {
    return false;
  }
}

const AREA_PARALLEL = 4;

async function keepArea(urls: readonly string[], port: MessagePort | undefined, event: WorkerEvent): Promise<void> {
  const progress: CacheAreaProgress = { done: 0, failed: 0, total: urls.length, finished: false };
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      if (!(await keep(url, event))) progress.failed += 1;
      progress.done += 1;
      port?.postMessage({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(AREA_PARALLEL, urls.length) }, worker));
  port?.postMessage({ ...progress, finished: true });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  const port = event.ports[0];
  if (message?.type === 'pantau:page-state') {
    const served = event.source ? servedPages.get(event.source.id) : undefined;
    const state: PageState = { fromCache: served?.fromCache ?? false, release: RELEASE };
    port?.postMessage(state);
  } else if (message?.type === 'pantau:cache-area') {
    event.waitUntil(keepArea(message.urls, port, event));
  }
});
