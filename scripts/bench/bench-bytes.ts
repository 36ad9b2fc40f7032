/**
 * `npm run bench:bytes`: the bytes the built site (dist/) sends, as the preview server sends them
 * (src/build/static-server.ts: the precompressed files by Accept-Encoding): each page type's HTML,
 * the stylesheets and scripts it names (what a first visit downloads before the query engine), and
 * the DuckDB-WASM engines raw / brotli / gzip. Writes a section into docs/benchmarks.md.
 */
import { readdirSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../../src/build/static-server.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';

const DIST = join(resolve(import.meta.dirname, '../..'), 'dist');
const PAGES = ['/', '/kedatangan/', '/sanksi/', '/jelajah/', '/en/arrivals/', '/embed/arrivals-trend/'];
const ENCODINGS = ['identity', 'gzip', 'br'] as const;

const server = await startStaticServer(DIST);

/** Bytes on the wire for one GET with one Accept-Encoding, and the body as text when it is identity. */
const fetchBytes = (path: string, encoding: string): Promise<{ bytes: number; text: string; encoding: string }> =>
  new Promise((done, fail) => {
    get(`${server.origin}${path}`, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        done({ bytes: body.length, text: encoding === 'identity' ? body.toString('utf8') : '', encoding: String(res.headers['content-encoding'] ?? 'identity') });
      });
    }).on('error', fail);
  });

/** The stylesheets, scripts and module preloads a page names (its own files only). */
const subresources = (html: string): { css: string[]; js: string[] } => ({
  css: [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  js: [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!))],
});

const kb = (n: number) => (n / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 });
const rows: string[] = [];
for (const page of PAGES) {
  const plain = await fetchBytes(page, 'identity');
  const { css, js } = subresources(plain.text);
  const sizes = async (paths: string[]) => Promise.all(ENCODINGS.map(async (encoding) => (await Promise.all(paths.map(async (path) => (await fetchBytes(path, encoding)).bytes))).reduce((a, b) => a + b, 0)));
  const [html, styles, scripts] = [await sizes([page]), await sizes(css), await sizes(js)];
  rows.push(`| \`${page}\` | ${html.map(kb).join(' / ')} | ${styles.map(kb).join(' / ')} (${css.length}) | ${scripts.map(kb).join(' / ')} (${js.length}) | ${kb(html[2]! + styles[2]!)} |`);
}
const engines = readdirSync(join(DIST, '_astro')).filter((file) => file.endsWith('.wasm'));
const engineRows: string[] = [];
for (const file of engines) {
  const sizes = await Promise.all(ENCODINGS.map(async (encoding) => fetchBytes(`/_astro/${file}`, encoding)));
  engineRows.push(`| \`${file.replace(/\.[^.]+\.wasm$/, '.wasm')}\` | ${sizes.map((s) => `${(s.bytes / 1e6).toFixed(2)} MB (${s.encoding})`).join(' | ')} |`);
}
await server.close();

const date = new Date().toISOString().slice(0, 10);
const section = `<!-- bench:bytes -->
## Bytes sent by the preview server — ${date}

\`npm run bench:bytes\` (after a build): GET requests to src/build/static-server.ts on dist/, with
\`Accept-Encoding\` identity / gzip / br, so the numbers are what the precompressed files
(src/build/integrations/precompress.ts) put on the wire. KiB raw / gzip / brotli; the HTML + CSS
column is what the first paint needs (charts are SVG in the HTML; the scripts run after it and the
engine only on a filter). Machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}.

| page | HTML | CSS (files) | JavaScript named by the page (files) | first paint, brotli |
|---|---|---|---|---|
${rows.join('\n')}

| engine | raw | gzip | brotli |
|---|---|---|---|
${engineRows.join('\n')}
<!-- /bench:bytes -->
`;
replaceMarkedSection('bytes', section);
process.stdout.write(section);
