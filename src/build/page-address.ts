/// <reference types="astro/client" />
/**
 * The absolute address of a page of this site from the address a link on the site uses (the base
 * path included, "/kedatangan/"): for canonical and hreflang links, share previews and the sitemap.
 * The origin and base come from the configured site address (site-origin.ts). Node only (site build).
 */
import { absoluteUrl } from './site-origin.ts';

/** The base path without its trailing slash ("" at the root, "/pantau" under a base). */
const basePath = (): string => import.meta.env.BASE_URL.replace(/\/$/, '');

/** "/pantau/kedatangan/" under base "/pantau" → "https://pantau.example.go.id/pantau/kedatangan/". */
export function absolutePageUrl(href: string): string {
  const base = basePath();
  const path = base && href.startsWith(base) ? href.slice(base.length) || '/' : href;
  return absoluteUrl(path);
}
