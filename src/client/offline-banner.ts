/**
 * Shows the offline banner (src/components/OfflineBanner.astro) while the browser is offline, or
 * when the service worker answered this page from its cache (it says so when asked:
 * src/client/offline-service-worker.ts); hides it again when the network is back and the page is
 * the network's.
 */
import type { PageState, PageStateQuestion } from './offline-messages.ts';

/** Asks the controlling service worker whether it answered this page from its cache. */
export function askPageState(worker: ServiceWorker): Promise<PageState | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 2000);
    channel.port1.onmessage = (event: MessageEvent<PageState>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    const question: PageStateQuestion = { type: 'pantau:page-state' };
    worker.postMessage(question, [channel.port2]);
  });
}

function watch(banner: HTMLElement): void {
  let fromCache = false;
  const update = () => {
    banner.hidden = navigator.onLine && !fromCache;
  };
  addEventListener('online', () => {
    fromCache = false;
    update();
  });
  addEventListener('offline', update);
  update();
  const worker = navigator.serviceWorker?.controller;
  if (worker) {
    void askPageState(worker).then((state) => {
      fromCache = state?.fromCache ?? false;
      update();
    });
  }
}

const banner = document.querySelector<HTMLElement>('[data-offline-banner]');
if (banner) watch(banner);
