/**
 * A rakor deck in the browser (src/components/deck/DeckPage.astro): reveal.js with its speaker
 * notes plugin (keys → Space PageDown, ← PageUp, Home End, F full screen, Esc/O overview, B black,
 * S speaker view; the slide is in the address), the topics chosen on the index (`?topik=`), and
 * "download for offline use": the deck as one HTML file, its scripts and styles inlined, that opens
 * from file:// and makes no request. Never loads the query engine: every figure is in the page.
 * `?handout` shows the slides as a page instead, two to an A4 sheet with their notes, for printing.
 */
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import 'reveal.js/reveal.css';
import { DECK_SIZE } from '../shared/deck-size.ts';

/** Index → deck: the topics to keep (slides of other topics are removed before reveal starts). */
export const TOPIC_PARAM = 'topik';

function keepTopics(): void {
  const wanted = new URLSearchParams(location.search).get(TOPIC_PARAM);
  if (!wanted) return;
  const topics = new Set(wanted.split(',').filter(Boolean));
  for (const slide of document.querySelectorAll<HTMLElement>('.slides > section[data-topic]')) {
    if (!topics.has(slide.dataset.topic ?? '')) slide.remove();
  }
}

/** Inline `</script` would end the inline script early. */
const inlineScript = (text: string): string => text.replaceAll('</script', '<\\/script');

/**
 * A module that imports another file of the site (a chunk shared with other pages: the service
 * worker's registration, the "available offline" button) cannot run from a file: the copy leaves it
 * out. The presenter itself imports nothing (its test opens the copy with every request refused).
 */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{][^;]*?\bfrom\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["'][^"']+["']/;
export const importsOtherFiles = (script: string): boolean => STATIC_IMPORT.test(script);

/**
 * The offline file's own Content-Security-Policy, in place of the site's (which allows only files
 * from the site, so it would block the inlined scripts and styles): inline code and data: images
 * only, and no request to anywhere — the file works on a laptop without a network.
 */
export const OFFLINE_COPY_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/** The deck as one self-contained HTML document: the served page with its styles and scripts inlined. */
export async function offlineCopy(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl, { cache: 'force-cache' })).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const text = async (href: string) => (await fetch(new URL(href, pageUrl), { cache: 'force-cache' })).text();
  for (const meta of [...doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]) meta.setAttribute('content', OFFLINE_COPY_POLICY);
  // Each stylesheet's place is kept by a marker and its text put in as a string at the end: a <style>
  // made in the parsed document would be checked against the deck's own policy, which refuses it.
  const styles: string[] = [];
  for (const link of [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]) {
    const marker = doc.createElement('meta');
    marker.setAttribute('data-offline-style', String(styles.length));
    styles.push(await text(link.getAttribute('href') ?? ''));
    link.replaceWith(marker);
  }
  // Preloads and the site's icon would be requests from the file (its policy refuses them).
  for (const link of [...doc.querySelectorAll('link[rel="modulepreload"], link[rel="icon"]')]) link.remove();
  for (const script of [...doc.querySelectorAll<HTMLScriptElement>('script[src]')]) {
    const source = await text(script.getAttribute('src') ?? '');
    if (importsOtherFiles(source)) {
      script.remove();
      continue;
    }
    const inline = doc.createElement('script');
    if (script.type) inline.type = script.type;
    inline.textContent = inlineScript(source);
    script.replaceWith(inline);
  }
  // Links back to the site become absolute: the file lives on a laptop, not on the site.
  for (const anchor of [...doc.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')]) anchor.setAttribute('href', new URL(anchor.getAttribute('href')!, pageUrl).href);
  doc.documentElement.setAttribute('data-offline-copy', '');
  return `<!doctype html>\n${doc.documentElement.outerHTML}`.replace(/<meta data-offline-style="(\d+)">/g, (_marker, index: string) => `<style>${styles[Number(index)]!.replaceAll('</style', '<\\/style')}</style>`);
}

function wireDownload(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-deck-download]');
  if (!button) return;
  if (document.documentElement.hasAttribute('data-offline-copy')) return; // already the file
  button.hidden = false;
  button.addEventListener('click', async () => {
    const label = button.textContent;
    button.disabled = true;
    button.textContent = button.dataset.busy ?? label;
    try {
      const html = await offlineCopy(location.href.split('#')[0]!.split('?')[0]!);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      a.download = button.dataset.filename ?? 'presentasi.html';
      document.body.append(a);
      a.click();
      a.remove();
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
}

/** The handout: the slides as a page, each half size with its notes under it (deck.css, `.deck-handout`). */
export const HANDOUT_PARAM = 'handout';

keepTopics();
wireDownload();
if (new URLSearchParams(location.search).has(HANDOUT_PARAM)) {
  // Without reveal's class none of reveal's rules (its print rules included) touch the handout.
  document.documentElement.classList.add('deck-handout');
  document.querySelector('.reveal')?.classList.replace('reveal', 'deck-handout-root');
} else void Reveal.initialize({
  hash: true,
  ...DECK_SIZE,
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  center: false,
  transition: 'none',
  backgroundTransition: 'none',
  // Clickers send PageDown/PageUp; reveal maps them, and B/F/Esc/O/S as the issue lists.
  keyboard: true,
  pdfMaxPagesPerSlide: 1,
  plugins: [Notes],
});
