/**
 * What a built page tells search engines about itself, read from its <head>: the canonical
 * address, the same page in each language (hreflang), whether it asks not to be indexed, and
 * whether it only forwards the reader elsewhere (a meta refresh). The sitemap is made from these,
 * so it never says anything the pages do not. Node only (site build).
 */
import { open } from 'node:fs/promises';
import { parseHTML } from 'linkedom';

export interface LanguageAlternate {
  hreflang: string;
  href: string;
}

export interface PageLinks {
  canonical: string | null;
  alternates: LanguageAlternate[];
  noindex: boolean;
  redirect: boolean;
}

/** The page's head only: the body (charts, tables) is most of the bytes and says nothing here. */
function headOf(html: string): string {
  const end = html.search(/<\/head>/i);
  return end < 0 ? html : `${html.slice(0, end)}</head><body></body></html>`;
}

const CHUNK = 64 * 1024;

/** The start of a built page up to the end of its <head> (or the whole file if it has none). */
export async function readPageHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK);
      chunks.push(chunk.subarray(0, bytesRead));
      if (bytesRead < CHUNK) break;
      // The tail of the previous chunk too: "</head>" may straddle two reads.
      if (Buffer.concat(chunks.slice(-2)).includes('</head>')) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

export function readPageLinks(html: string): PageLinks {
  const { document } = parseHTML(headOf(html));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const alternates = [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => ({
    hreflang: link.getAttribute('hreflang') ?? '',
    href: link.getAttribute('href') ?? '',
  }));
  const robots = [...document.querySelectorAll('meta[name="robots"]')].map((meta) => meta.getAttribute('content') ?? '').join(',');
  const noindex = /\bnoindex\b/i.test(robots);
  const redirect = [...document.querySelectorAll('meta[http-equiv]')].some((meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'refresh');
  return { canonical, alternates, noindex, redirect };
}
