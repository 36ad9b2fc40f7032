/**
 * The public address the site is served from, for the links that must be absolute: canonical and
 * hreflang links, the sitemap, share previews, and the QR codes on presenters' slides (a phone in
 * the meeting room opens the live site, not the presenter's laptop).
 *
 * Set PANTAU_SITE_URL when building for a server (`PANTAU_SITE_URL=https://pantau.example.go.id npm
 * run build`); without it the address is the one `npm start` serves locally. Node only (site build).
 */
export const SITE_URL_ENV = 'PANTAU_SITE_URL';
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

/** The origin with its base path, without a trailing slash, e.g. "https://pantau.example.go.id". */
export function siteOrigin(): string {
  const given = process.env[SITE_URL_ENV]?.trim();
  const value = given && given.length > 0 ? given : LOCAL_SITE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${SITE_URL_ENV}="${value}" is not an absolute URL: write it as https://host[/path].`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${SITE_URL_ENV}="${value}" must start with https:// (or http://).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** An absolute address on the site for a site path ("/kedatangan/?provinsi=51"). */
export const absoluteUrl = (path: string): string => `${siteOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
