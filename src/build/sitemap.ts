/**
 * The sitemap and robots.txt of a built site. A page is listed when search engines may index it and
 * it is its own canonical address: embeds (noindex), the offline fallback (noindex), redirects to a
 * dated deck (their canonical is the deck) and an intranet build (every page noindex) are left out.
 * Each address carries its pages in the other language (xhtml:link hreflang), as the pages do.
 * Written with the `sitemap` library (XML escaping, namespaces, the 50,000-address limit of the
 * protocol); above that limit sitemap.xml becomes an index of numbered files. Node only (site build).
 */
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import type { LanguageAlternate, PageLinks } from './page-links.ts';

export const SITEMAP_FILE = 'sitemap.xml';
export const ROBOTS_FILE = 'robots.txt';
/** The protocol's limit of addresses in one sitemap file (sitemaps.org). */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapEntry {
  url: string;
  alternates: LanguageAlternate[];
}

/** A built page: its absolute address (from where it lies in dist/) and what its head says. */
export interface BuiltPage {
  url: string;
  links: PageLinks;
}

export function sitemapEntries(pages: readonly BuiltPage[]): SitemapEntry[] {
  return pages
    .filter(({ url, links }) => !links.noindex && !links.redirect && links.canonical === url)
    .map(({ url, links }) => ({ url, alternates: links.alternates }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

async function urlset(entries: readonly SitemapEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { xhtml: true, news: false, image: false, video: false } });
  for (const entry of entries) stream.write({ url: entry.url, links: entry.alternates.map((a) => ({ lang: a.hreflang, url: a.href })) });
  stream.end();
  return (await streamToPromise(stream)).toString('utf8');
}

/**
 * The sitemap files by name: sitemap.xml alone, or, past `limit` addresses, sitemap.xml as an index
 * of sitemap-1.xml, sitemap-2.xml, … at `siteUrl` (the site's absolute address, no trailing slash).
 * None when no page is listed.
 */
export async function sitemapFiles(entries: readonly SitemapEntry[], siteUrl: string, limit = SITEMAP_URL_LIMIT): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (entries.length === 0) return files;
  if (entries.length <= limit) {
    files.set(SITEMAP_FILE, await urlset(entries));
    return files;
  }
  const index = new SitemapIndexStream();
  for (let start = 0, n = 1; start < entries.length; start += limit, n++) {
    const name = `sitemap-${n}.xml`;
    files.set(name, await urlset(entries.slice(start, start + limit)));
    index.write({ url: `${siteUrl}/${name}` });
  }
  index.end();
  files.set(SITEMAP_FILE, (await streamToPromise(index)).toString('utf8'));
  return files;
}

/** robots.txt: everything may be crawled, and where the sitemap is; an intranet build asks for nothing to be. */
export function robotsTxt(siteUrl: string, { indexable, sitemap }: { indexable: boolean; sitemap: boolean }): string {
  if (!indexable) return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${siteUrl}/${SITEMAP_FILE}\n` : ''}`;
}
