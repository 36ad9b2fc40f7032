import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPageLinks } from '../../src/build/page-links.ts';
import { robotsTxt, sitemapEntries, sitemapFiles, type BuiltPage } from '../../src/build/sitemap.ts';

const SITE = 'https://pantau.example.go.id/statistik';

const head = (inner: string) => `<!doctype html><html><head><meta charset="utf-8">${inner}</head><body><p>body</p></body></html>`;
const pair = (self: string, other: string, selfLang: string, otherLang: string) =>
  `<link rel="canonical" href="${SITE}${self}"><link rel="alternate" hreflang="${selfLang}" href="${SITE}${self}"><link rel="alternate" hreflang="${otherLang}" href="${SITE}${other}">`;

const page = (path: string, html: string): BuiltPage => ({ url: `${SITE}${path}`, links: readPageLinks(html) });

const PAGES: BuiltPage[] = [
  page('/kedatangan/', head(pair('/kedatangan/', '/en/arrivals/', 'id', 'en'))),
  page('/en/arrivals/', head(pair('/en/arrivals/', '/kedatangan/', 'en', 'id'))),
  page('/embed/arrivals-trend/', head(`<meta name="robots" content="noindex">${pair('/embed/arrivals-trend/', '/en/embed/arrivals-trend/', 'id', 'en')}`)),
  page('/presentasi/bali/', head(`<meta http-equiv="refresh" content="0; url=/presentasi/2025-10-05/bali/"><link rel="canonical" href="${SITE}/presentasi/2025-10-05/bali/">`)),
  page('/a&b/', head(`<link rel="canonical" href="${SITE}/a&amp;b/">`)),
];

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml');
const locs = (text: string) => [...xml(text).querySelectorAll('loc')].map((loc) => loc.textContent);

describe('the sitemap', () => {
  it('lists the pages that are their own canonical address and may be indexed, with their languages', async () => {
    const entries = sitemapEntries(PAGES);
    expect(entries.map((e) => e.url)).toEqual([`${SITE}/a&b/`, `${SITE}/en/arrivals/`, `${SITE}/kedatangan/`]);
    const files = await sitemapFiles(entries, SITE);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    const text = files.get('sitemap.xml')!;
    expect(locs(text)).toEqual(entries.map((e) => e.url));
    expect(text).toContain('/a&amp;b/');
    const arrivals = [...xml(text).querySelectorAll('url')].find((u) => u.querySelector('loc')?.textContent === `${SITE}/kedatangan/`)!;
    expect([...arrivals.getElementsByTagName('xhtml:link')].map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`)).toEqual([
      `id ${SITE}/kedatangan/`,
      `en ${SITE}/en/arrivals/`,
    ]);
  });

  it('becomes an index of numbered sitemaps past the limit, every address in exactly one of them', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ url: `${SITE}/p${i}/`, alternates: [] }));
    const files = await sitemapFiles(many, SITE, 2);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    const index = xml(files.get('sitemap.xml')!);
    expect(index.querySelector('sitemapindex')).not.toBeNull();
    expect(locs(files.get('sitemap.xml')!)).toEqual([`${SITE}/sitemap-1.xml`, `${SITE}/sitemap-2.xml`, `${SITE}/sitemap-3.xml`]);
    expect(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml'].flatMap((name) => locs(files.get(name)!))).toEqual(many.map((e) => e.url));
  });

  it('is not written when no page may be indexed, and robots.txt then turns crawlers away', async () => {
    expect((await sitemapFiles([], SITE)).size).toBe(0);
    expect(robotsTxt(SITE, { indexable: false, sitemap: false })).toBe('User-agent: *\nDisallow: /\n');
    expect(robotsTxt(SITE, { indexable: true, sitemap: true })).toContain(`\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});
