/**
 * What the built site tells search engines, read from dist/ (linkedom): every page names its
 * canonical address and its counterpart in the other language with absolute addresses from the
 * configured site address, every such address is a page that exists and names this one back, and
 * sitemap.xml lists exactly the indexable pages, with their languages; robots.txt points to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { siteOrigin } from '../../src/build/site-origin.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');

interface Head {
  canonical: string[];
  hreflang: Map<string, string>;
  noindex: boolean;
  redirect: boolean;
}

function headOf(html: string): Head {
  const end = html.indexOf('</head>');
  const { document } = parseHTML(end < 0 ? html : html.slice(0, end + '</head>'.length));
  return {
    canonical: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href') ?? ''),
    hreflang: new Map([...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''])),
    noindex: /noindex/.test(document.querySelector('meta[name="robots"]')?.getAttribute('content') ?? ''),
    redirect: document.querySelector('meta[http-equiv="refresh"]') !== null,
  };
}

/** An absolute address on the site → its file in dist/, or null when it is not on the site. */
function fileOf(url: string): string | null {
  const origin = siteOrigin();
  if (!url.startsWith(`${origin}/`)) return null;
  const path = decodeURIComponent(new URL(url).pathname.slice(new URL(origin).pathname.replace(/\/$/, '').length));
  return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

const urlOf = (file: string) => `${siteOrigin()}/${file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;

/** Every built page by its absolute address. */
const pages = new Map<string, Head>();

beforeAll(() => {
  for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = relative(DIST, join(entry.parentPath, entry.name));
    if (file.startsWith(`data${sep}`) || file.startsWith(`_astro${sep}`)) continue;
    pages.set(urlOf(file), headOf(readFileSync(join(DIST, file), 'utf8')));
  }
});

const abs = (path: string) => `${siteOrigin()}${path}`;

describe('canonical and hreflang links', () => {
  // [Indonesian, English]: one of every kind of page.
  test.each([
    ['/', '/en/'],
    ['/kedatangan/', '/en/arrivals/'],
    ['/jelajah/', '/en/explore/'],
    ['/metodologi/', '/en/methodology/'],
    ['/wilayah/bali/', '/en/regions/bali/'],
    ['/wilayah/kantor/ngurah-rai/', '/en/regions/office/ngurah-rai/'],
    ['/wilayah/banten/kota-cilegon/', '/en/regions/banten/kota-cilegon/'],
    ['/ringkasan/bali/', '/en/summary/bali/'],
    ['/presentasi/', '/en/presentation/'],
    ['/presentasi/2025-10-05/bali/', '/en/presentation/2025-10-05/bali/'],
    ['/presentasi/2025-10-05/banten/kota-cilegon/', '/en/presentation/2025-10-05/banten/kota-cilegon/'],
    ['/embed/sanctions-map/', '/en/embed/sanctions-map/'],
  ])('%s and %s name themselves and each other with absolute addresses, Indonesian as the default', (id, en) => {
    for (const [self, lang] of [[id, 'id'], [en, 'en']] as const) {
      const head = pages.get(abs(self));
      expect(head, self).toBeDefined();
      expect(head!.canonical, self).toEqual([abs(self)]);
      expect(Object.fromEntries(head!.hreflang), `${self} (${lang})`).toEqual({ id: abs(id), en: abs(en), 'x-default': abs(id) });
    }
  });

  test('the newest-deck address forwards to the dated deck and names it as canonical', () => {
    const head = pages.get(abs('/presentasi/bali/'))!;
    expect(head.redirect).toBe(true);
    expect(head.canonical).toEqual([abs('/presentasi/2025-10-05/bali/')]);
  });

  test('every page has one absolute canonical address, and every page it names in a language exists and names it back', () => {
    const problems: string[] = [];
    for (const [url, head] of pages) {
      if (head.canonical.length !== 1 || fileOf(head.canonical[0]!) === null) problems.push(`${url}: canonical ${head.canonical.join(' ') || 'missing'}`);
      else if (!existsSync(fileOf(head.canonical[0]!)!)) problems.push(`${url}: canonical ${head.canonical[0]} is not built`);
      if (head.redirect) continue;
      if (!head.hreflang.has('x-default') || !head.hreflang.has('id') || !head.hreflang.has('en')) problems.push(`${url}: hreflang ${[...head.hreflang.keys()].join(',')}`);
      for (const [lang, target] of head.hreflang) {
        const other = pages.get(target);
        if (!other) problems.push(`${url}: hreflang ${lang} → ${target} is not built`);
        else if (![...other.hreflang.values()].includes(url)) problems.push(`${url}: ${target} does not name it back`);
      }
    }
    expect(pages.size).toBeGreaterThan(1000);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('sitemap.xml and robots.txt', () => {
  test('the sitemap lists every indexable page once, with its languages, all of them built; no embed, no forwarding address', () => {
    const xml = new DOMParser().parseFromString(readFileSync(join(DIST, 'sitemap.xml'), 'utf8'), 'text/xml');
    const listed = [...xml.querySelectorAll('url')].map((url) => ({
      loc: url.querySelector('loc')?.textContent ?? '',
      links: Object.fromEntries([...url.getElementsByTagName('xhtml:link')].map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''])) as Record<string, string>,
    }));
    const locs = listed.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const indexable = [...pages].filter(([url, head]) => !head.noindex && !head.redirect && head.canonical[0] === url).map(([url]) => url);
    expect([...locs].sort()).toEqual(indexable.sort());
    expect(locs.filter((loc) => /\/embed\//.test(loc))).toEqual([]);
    for (const { loc, links } of listed) {
      expect(existsSync(fileOf(loc) ?? ''), loc).toBe(true);
      expect(links, loc).toEqual(Object.fromEntries(pages.get(loc)!.hreflang));
      for (const href of Object.values(links)) expect(existsSync(fileOf(href) ?? ''), href).toBe(true);
    }
    expect(locs).toContain(abs('/kedatangan/'));
    expect(locs).toContain(abs('/en/regions/banten/kota-cilegon/'));
  });

  test('robots.txt lets crawlers in and points to the sitemap by its absolute address', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    expect(robots).toContain(`Sitemap: ${abs('/sitemap.xml')}`);
  });
});
