/**
 * Astro integration: once the pages are written, sitemap.xml and robots.txt from what the built
 * pages say about themselves (src/build/page-links.ts, src/build/sitemap.ts), with absolute
 * addresses from the configured site address (PANTAU_SITE_URL, src/build/site-origin.ts).
 *
 * Not @astrojs/sitemap: it pairs languages only by a shared path under a locale prefix
 * (/x/ ↔ /en/x/), and this site's English pages have English paths (/kedatangan/ ↔ /en/arrivals/).
 */
import { readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readManifest } from '../published.ts';
import { readPageHead, readPageLinks } from '../page-links.ts';
import { siteOrigin } from '../site-origin.ts';
import { ROBOTS_FILE, robotsTxt, sitemapEntries, sitemapFiles, type BuiltPage } from '../sitemap.ts';

/** Folders of dist/ that hold no pages. */
const NOT_PAGES = new Set(['_astro', 'data']);

/** "wilayah/bali/index.html" → "https://host/wilayah/bali/"; "404.html" → "https://host/404.html". */
export function pageUrlOfFile(siteUrl: string, file: string): string {
  const path = file.split(sep).join('/');
  return `${siteUrl}/${path === 'index.html' ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

async function builtPages(root: string, siteUrl: string): Promise<BuiltPage[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((file) => !NOT_PAGES.has(file.split(sep)[0] ?? ''));
  return Promise.all(files.map(async (file) => ({ url: pageUrlOfFile(siteUrl, file), links: readPageLinks(await readPageHead(join(root, file))) })));
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

export default function sitemap(): AstroIntegration {
  return {
    name: 'pantau-sitemap',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const siteUrl = siteOrigin();
        const pages = await builtPages(root, siteUrl);
        const entries = sitemapEntries(pages);
        const files = await sitemapFiles(entries, siteUrl);
        for (const [name, xml] of files) await writeAtomically(join(root, name), xml);
        const indexable = readManifest().audience !== 'internal';
        await writeAtomically(join(root, ROBOTS_FILE), robotsTxt(siteUrl, { indexable, sitemap: files.size > 0 }));
        logger.info(`listed ${entries.length} of ${pages.length} pages in ${[...files.keys()].join(', ') || 'no sitemap'} for ${siteUrl}; wrote ${ROBOTS_FILE}`);
      },
    },
  };
}
