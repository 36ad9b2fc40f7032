/**
 * The built site as the preview server (src/build/static-server.ts, sirv) sends it: precompressed
 * bytes with Content-Encoding by Accept-Encoding, Cache-Control immutable for fingerprinted files
 * and revalidation for pages, the Content-Security-Policy with frame-ancestors per page type, and
 * the content types the engine and the downloads need. Reads dist/ as the build left it: every
 * compressible file has its .br and .gz, each the same bytes as the file; no page holds inline
 * code the policy would refuse; dist/_headers is the one src/build/deploy-headers.ts writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/build/content-security-policy.ts';
import { HEADERS_FILE, headersFile } from '../../src/build/deploy-headers.ts';
import { compressibleFiles } from '../../src/build/integrations/precompress.ts';
import { IMMUTABLE, REVALIDATE } from '../../src/build/response-headers.ts';
import { startStaticServer, type StaticServer } from '../../src/build/static-server.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer(DIST);
});

afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One GET with the given Accept-Encoding, the body as sent (never decoded). */
const request = (path: string, acceptEncoding: string): Promise<Answer> =>
  new Promise((done, fail) => {
    get(`${server.origin}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    }).on('error', fail);
  });

const decode = (answer: Answer): Buffer =>
  answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;

const engineWasm = (): string => {
  const name = readdirSync(join(DIST, '_astro')).find((file) => /^duckdb-eh\..*\.wasm$/.test(file));
  if (!name) throw new Error('no duckdb-eh wasm in dist/_astro/');
  return `/_astro/${name}`;
};

describe('the preview server', () => {
  test('sends a page brotli-encoded to a browser that accepts it, gzip to one that accepts only gzip, raw otherwise', async () => {
    const raw = readFileSync(join(DIST, 'kedatangan', 'index.html'));
    const br = await request('/kedatangan/', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(raw.length / 3);
    expect(decode(br).equals(raw)).toBe(true);
    const gz = await request('/kedatangan/', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode(gz).equals(raw)).toBe(true);
    const plain = await request('/kedatangan/', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
  });

  test('sends the DuckDB-WASM engine brotli-encoded as application/wasm, cached for a year as immutable', async () => {
    const path = engineWasm();
    const answer = await request(path, 'br');
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('application/wasm');
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    const raw = readFileSync(join(DIST, path));
    expect(answer.body.length).toBeLessThan(raw.length / 4);
    expect(decode(answer).equals(raw)).toBe(true);
  });

  test('has pages, the manifest and the data revalidated, never cached as immutable', async () => {
    for (const path of ['/', '/kedatangan/', '/data/manifest.json', '/data/browser/index.json']) {
      expect((await request(path, 'br')).headers['cache-control'], path).toBe(REVALIDATE);
    }
  });

  test('sends the policy with frame-ancestors * on an embed and frame-ancestors \'self\' on every other page', async () => {
    const embed = await request('/embed/arrivals-trend/', 'br');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-security-policy']).toBe(contentSecurityPolicy('/embed/arrivals-trend/'));
    expect(embed.headers['content-security-policy']).toMatch(/frame-ancestors \*$/);
    for (const path of ['/', '/kedatangan/', '/en/arrivals/', '/jelajah/']) {
      expect(contentSecurityPolicy(path).includes("'unsafe-eval'"), path).toBe(path === '/jelajah/');
      const page = await request(path, 'br');
      expect(page.status, path).toBe(200);
      expect(page.headers['content-security-policy'], path).toBe(contentSecurityPolicy(path));
      expect(page.headers['content-security-policy'], path).toMatch(/frame-ancestors 'self'$/);
      expect(page.headers['content-security-policy'], path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    }
  });

  test('sends a Parquet file as application/vnd.apache.parquet, never with a Content-Encoding', async () => {
    const parquet = readdirSync(join(DIST, 'data')).find((file) => file.endsWith('.parquet'))!;
    const answer = await request(`/data/${parquet}`, 'br, gzip');
    expect(answer.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.equals(readFileSync(join(DIST, 'data', parquet)))).toBe(true);
  });

  test('answers a missing page with status 404 (404.html when the site has one)', async () => {
    const answer = await request('/tidak-ada/', 'identity');
    expect(answer.status).toBe(404);
    if (existsSync(join(DIST, '404.html'))) expect(answer.body.equals(readFileSync(join(DIST, '404.html')))).toBe(true);
    // A directory without its slash is redirected, as nginx does.
    const redirect = await request('/kedatangan', 'identity');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/kedatangan/');
  });
});

describe('dist/ as the build leaves it', () => {
  test('every compressible file has a .br and a .gz beside it with the same bytes', async () => {
    const files = await compressibleFiles(DIST);
    expect(files.length).toBeGreaterThan(100);
    const wrong = files.filter((file) => {
      if (!existsSync(`${file}.br`) || !existsSync(`${file}.gz`)) return true;
      const raw = readFileSync(file);
      return !brotliDecompressSync(readFileSync(`${file}.br`)).equals(raw) || !gunzipSync(readFileSync(`${file}.gz`)).equals(raw);
    });
    expect(wrong).toEqual([]);
    // Never a compressed copy of what is not worth compressing (Parquet, the gzip browser copies).
    expect(readdirSync(join(DIST, 'data'), { recursive: true }).filter((file) => /\.(parquet|arrow\.gz)\.(br|gz)$/.test(String(file)))).toEqual([]);
  });

  test('every page carries the policy as a <meta> tag and holds no inline code it would refuse', () => {
    const allowedStyles = new Set(/style-src-elem ([^;]*)/.exec(metaContentSecurityPolicy('/'))![1]!.split(' ').filter((source) => source.startsWith("'sha256-")));
    const pages = readdirSync(DIST, { recursive: true }).map(String).filter((file) => file.endsWith('.html'));
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      const policy = metaContentSecurityPolicy(`/${page.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/')}`);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
      if (meta !== policy) problems.push(`${page}: policy meta tag ${meta === undefined ? 'missing' : 'differs'}`);
      for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (!/\bsrc=/.test(attributes!) && !/type="application\/(ld\+)?json"/.test(attributes!)) problems.push(`${page}: inline script ${body!.slice(0, 60)}`);
      }
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
        const hash = `'sha256-${createHash('sha256').update(body!.replaceAll('&gt;', '>').replaceAll('&amp;', '&')).digest('base64')}'`;
        if (!allowedStyles.has(hash)) problems.push(`${page}: inline style not in the policy: ${body!.slice(0, 60)}`);
      }
      if (/\son[a-z]+="/.test(html.replace(/<script\b[\s\S]*?<\/script>/g, ''))) problems.push(`${page}: inline event handler`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('holds the _headers file the deploy module writes', () => {
    expect(readFileSync(join(DIST, HEADERS_FILE), 'utf8')).toBe(headersFile());
  });
});
