/**
 * What the pages and the service worker (src/client/offline-service-worker.ts) say to each other,
 * and the names of the caches. Every cache but the engine's is named by the release
 * (`pantau-pages-2025-10-05-1a2b3c4d5e6f`), so a new release's worker deletes the old release's
 * caches as a whole and a page is never drawn from two snapshots.
 */

/** Prefix of every cache this site makes (Workbox's precache included). */
export const CACHE_PREFIX = 'pantau';

/** The DuckDB-WASM wasm and worker files: fingerprinted, so the same bytes across releases. */
export const ENGINE_CACHE = `${CACHE_PREFIX}-engine`;

export type ReleaseCacheKind = 'shell' | 'pages' | 'data' | 'assets';

export const releaseCacheName = (kind: ReleaseCacheKind, release: string): string => `${CACHE_PREFIX}-${kind}-${release}`;

/** A cache of another release than `release` (the ones a new worker deletes when it takes over). */
export const isOtherReleaseCache = (name: string, release: string): boolean =>
  name.startsWith(`${CACHE_PREFIX}-`) && name !== ENGINE_CACHE && !name.endsWith(`-${release}`);

/** Attribute on every page (the offline banner) naming the release the page was built from. */
export const RELEASE_ATTRIBUTE = 'data-pantau-release';

/** Page → worker: how was I served? Answered with a PageState on the message's port. */
export interface PageStateQuestion {
  type: 'pantau:page-state';
}
export interface PageState {
  /** The navigation was answered from the cache (no network, or the network too slow). */
  fromCache: boolean;
  /** The release of the worker that answers. */
  release: string;
}

/** Page → worker: keep these addresses for offline use. Progress comes back on the message's port. */
export interface CacheAreaRequest {
  type: 'pantau:cache-area';
  urls: string[];
}
export interface CacheAreaProgress {
  done: number;
  failed: number;
  total: number;
  finished: boolean;
}

export type PageMessage = PageStateQuestion | CacheAreaRequest;
