/**
 * The Content-Security-Policy of every page: the site's own origin and nothing else, plus what
 * DuckDB-WASM needs ('wasm-unsafe-eval' to compile the engine, blob: for its Web Worker). One
 * policy for the preview server (src/build/static-server.ts), the `_headers` file written into
 * dist/ (src/build/integrations/deploy-headers.ts), deploy/nginx.conf (checked against this module
 * by tests/build/deploy-config.test.ts) and the <meta> tag of every page (src/components/
 * ContentSecurityPolicy.astro). `frame-ancestors` comes from src/build/frame-policy.ts and is only
 * sent as a header: a <meta> policy cannot carry it.
 *
 * Scripts: every script of the site is a file under /_astro/ (astro.config.mjs turns Astro's
 * inlining off); the one inline script allowed, by its hash, is reveal.js's speaker view.
 *
 * Styles: every stylesheet is a file ('self'; astro.config.mjs sets build.inlineStylesheets
 * 'never'). The only <style> elements are the one Plot puts in each chart's SVG, the deck's
 * <noscript> rules and the two reveal.js's print view writes; they are allowed by their sha256, computed here from the same source, so a
 * Plot upgrade that changes its text changes the hash too. Style *attributes* ('unsafe-inline' in
 * style-src-attr only) are needed: the pre-rendered charts carry Plot's inline font and size
 * styles and each chart's aspect-ratio, and reveal.js lays slides out with them. An attribute
 * cannot load anything or run code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { PLOT_CLASS_NAME } from '../charts/plot-kit.ts';
import { DECK_SIZE } from '../shared/deck-size.ts';
import { DECK_NOSCRIPT_STYLE } from './deck/deck-noscript-style.ts';
import { frameAncestors } from './frame-policy.ts';
import { projectRoot } from './published.ts';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text of the <style> element Plot writes into every chart's SVG (it depends on the class only). */
function plotStyleText(): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ document: document as unknown as Document, className: PLOT_CLASS_NAME, marks: [] });
  const style = svg.querySelector('style');
  if (!style?.textContent) throw new Error('Plot no longer writes a <style> into its SVG: drop its hash from the CSP.');
  return style.textContent;
}

/**
 * reveal.js's speaker view (the notes plugin, key S) writes a whole page with an inline <script>
 * and <style> into an about:blank window, which inherits the deck's policy. Its text is one string
 * literal in the plugin (the `document.write("…")` argument): read from the installed package, so
 * the hashes follow a reveal.js upgrade.
 */
function speakerViewCode(): { scripts: string[]; styles: string[] } {
  const source = readFileSync(join(projectRoot(), 'node_modules', 'reveal.js', 'dist', 'plugin', 'notes.mjs'), 'utf8');
  const start = source.indexOf('document.write("') + 'document.write('.length;
  let end = start + 1;
  while (source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
  if (start < 'document.write('.length) throw new Error("reveal.js's notes plugin no longer writes its speaker view with document.write: check the CSP hashes.");
  // A string literal only: evaluated on its own, it is the page the speaker view writes.
  const page = String(runInNewContext(source.slice(start, end + 1)));
  const bodies = (tag: string) => [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!);
  return { scripts: bodies('script'), styles: bodies('style') };
}

const speakerView = speakerViewCode();

/**
 * reveal.js's PDF print mode (`?print-pdf`) writes two <style> elements into the deck's head: the
 * page size and the largest media size, both from the deck's size (src/shared/deck-size.ts) and
 * its margin. Their text is rebuilt here as reveal's print view builds it; the check that the
 * installed package still holds both templates makes an upgrade that changes them fail the build.
 */
function printViewStyles(): string[] {
  const source = readFileSync(join(projectRoot(), 'node_modules', 'reveal.js', 'dist', 'reveal.mjs'), 'utf8');
  const templates = ['"@page{size:"', '"px; margin: 0px;}"', '".reveal section>img, .reveal section>video, .reveal section>iframe{max-width: "', '"px; max-height:"'];
  for (const template of templates) {
    if (!source.includes(template)) throw new Error(`reveal.js's print view no longer writes ${template}: check the CSP hashes of its print styles.`);
  }
  const { width, height, margin } = DECK_SIZE;
  const pageWidth = Math.floor(width * (1 + margin));
  const pageHeight = Math.floor(height * (1 + margin));
  return [
    `@page{size:${pageWidth}px ${pageHeight}px; margin: 0px;}`,
    `.reveal section>img, .reveal section>video, .reveal section>iframe{max-width: ${width}px; max-height:${height}px}`,
  ];
}

/** The hashes of the inline <style> elements the site writes. */
export const INLINE_STYLE_HASHES: readonly string[] = [sha256(plotStyleText()), sha256(DECK_NOSCRIPT_STYLE), ...speakerView.styles.map(sha256), ...printViewStyles().map(sha256)];
/** The hashes of the inline scripts: only reveal.js's speaker view has one (the site's own are files). */
export const INLINE_SCRIPT_HASHES: readonly string[] = speakerView.scripts.map(sha256);

/** The directives every page shares, in order; frame-ancestors is added per path for headers. */
export const POLICY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', ["'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPT_HASHES].join(' ')],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  // blob: for the PNG download, drawn from the chart's SVG through an <img> of a blob URL.
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self'"],
  ['style-src-elem', ["'self'", ...INLINE_STYLE_HASHES].join(' ')],
  ['style-src-attr', "'unsafe-inline'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

const serialise = (directives: ReadonlyArray<readonly [string, string]>): string => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The explorer's pages also allow 'unsafe-eval': Arquero (src/explorer/explorer-table.ts) compiles
 * its table expressions with `Function`, on every verb. The expressions are the explorer's own code,
 * never text from the address or the user. Every other page refuses eval.
 */
export const EVAL_PATH_PREFIXES = ['/jelajah/', '/en/explore/'] as const;
const allowsEval = (path: string): boolean => EVAL_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));

const directivesFor = (path: string): ReadonlyArray<readonly [string, string]> =>
  allowsEval(path) ? POLICY_DIRECTIVES.map(([name, value]) => [name, name === 'script-src' ? `${value} 'unsafe-eval'` : value] as const) : POLICY_DIRECTIVES;

/** The policy as a response header for a site path (before the base): frame-ancestors per page type. */
export const contentSecurityPolicy = (path: string): string => serialise([...directivesFor(path), ['frame-ancestors', frameAncestors(path)]]);

/** The policy for <meta http-equiv="Content-Security-Policy"> on a page: the same, without frame-ancestors. */
export const metaContentSecurityPolicy = (path: string): string => serialise(directivesFor(path));
