/**
 * Registers the service worker (/sw.js, src/client/offline-service-worker.ts) on every page of the
 * built site (Base layout) and on decks. Not on embeds: they are shown inside other sites' pages,
 * where installing this site's app shell for every reader of a news article is not ours to do. Not
 * in a deck's downloaded single file (file://). The dev server has no sw.js: there the registration
 * fails and says so in the console, and pages work as without a worker.
 */
export const SERVICE_WORKER_URL = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sw.js`;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  if (document.documentElement.hasAttribute('data-offline-copy')) return;
  navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: import.meta.env.BASE_URL.replace(/\/?$/, '/') }).catch((error: unknown) => {
    // The site works without it; say why in the console for whoever looks.
    console.warn('service worker not registered:', error);
  });
}

registerServiceWorker();
