/**
 * The "available offline" button of an area (src/components/OfflineArea.astro): hands the area's
 * addresses to the service worker, which keeps each one through the same caches as when it is
 * opened (src/client/offline-service-worker.ts), and says how far it got and what it kept.
 * Shown only where a service worker can run; never in a deck's downloaded single file.
 */
import type { Locale } from '../i18n/locales.ts';
import { offlineText } from '../i18n/offline.ts';
import type { CacheAreaProgress, CacheAreaRequest } from './offline-messages.ts';

/** The service worker in charge, once there is one (the first visit waits for its install). */
async function activeWorker(): Promise<ServiceWorker | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.active;
}

function keepArea(worker: ServiceWorker, urls: string[], onProgress: (progress: CacheAreaProgress) => void): Promise<CacheAreaProgress> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<CacheAreaProgress>) => {
      onProgress(event.data);
      if (event.data.finished) resolve(event.data);
    };
    const request: CacheAreaRequest = { type: 'pantau:cache-area', urls };
    worker.postMessage(request, [channel.port2]);
  });
}

function wire(box: HTMLElement): void {
  const button = box.querySelector<HTMLButtonElement>('[data-offline-area-button]');
  const status = box.querySelector<HTMLElement>('[data-offline-area-status]');
  if (!button || !status) return;
  const text = offlineText((document.documentElement.lang === 'en' ? 'en' : 'id') satisfies Locale);
  const urls = JSON.parse(box.dataset.urls ?? '[]') as string[];
  const area = box.dataset.areaName ?? '';
  box.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = text.saving(0, urls.length);
    try {
      const worker = await activeWorker();
      if (!worker) {
        status.textContent = text.notAvailable;
        return;
      }
      const result = await keepArea(worker, urls, (p) => {
        status.textContent = text.saving(p.done, p.total);
      });
      const kept = result.done - result.failed;
      status.textContent = result.failed === 0 ? text.saved(area, kept) : text.savedWithFailures(area, kept, result.failed);
      box.dataset.offlineAreaDone = String(kept);
    } finally {
      button.disabled = false;
    }
  });
}

const usable = 'serviceWorker' in navigator && /^https?:$/.test(location.protocol) && !document.documentElement.hasAttribute('data-offline-copy');
if (usable) for (const box of document.querySelectorAll<HTMLElement>('[data-offline-area]')) wire(box);
