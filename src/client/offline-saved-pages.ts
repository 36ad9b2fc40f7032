/**
 * The offline page's list of the pages this device keeps (the service worker's page cache of the
 * page's release), each linked by its title, in the page's language.
 */
import { CACHE_PREFIX, RELEASE_ATTRIBUTE, releaseCacheName } from './offline-messages.ts';

const TITLE = /<title>([^<]*)<\/title>/;
const MAX_LISTED = 200;

/** The page title as the browser would show it (entities decoded). */
function titleOf(html: string, fallback: string): string {
  const raw = TITLE.exec(html)?.[1];
  if (!raw) return fallback;
  return new DOMParser().parseFromString(raw, 'text/html').documentElement.textContent ?? fallback;
}

async function listSavedPages(section: HTMLElement): Promise<void> {
  const release = document.querySelector(`[${RELEASE_ATTRIBUTE}]`)?.getAttribute(RELEASE_ATTRIBUTE);
  if (!release || !('caches' in window)) return;
  const names = await caches.keys();
  const name = releaseCacheName('pages', release);
  if (!names.includes(name) && !names.some((n) => n.startsWith(CACHE_PREFIX))) return;
  const cache = await caches.open(name);
  const english = document.documentElement.lang === 'en';
  const requests = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}en/`) === english).slice(0, MAX_LISTED);
  const list = section.querySelector<HTMLElement>('[data-saved-pages-list]');
  const none = section.querySelector<HTMLElement>('[data-saved-pages-none]');
  if (!list || !none) return;
  const items = await Promise.all(
    requests.map(async (request) => {
      const response = await cache.match(request);
      const path = new URL(request.url).pathname;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = path;
      link.textContent = titleOf(response ? await response.text() : '', path);
      item.append(link);
      return item;
    }),
  );
  list.append(...items);
  none.hidden = requests.length > 0;
  section.hidden = false;
}

const section = document.querySelector<HTMLElement>('[data-saved-pages]');
if (section) void listSavedPages(section);
