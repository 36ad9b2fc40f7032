/**
 * The deploy configurations shipped in the repo send the same headers as the preview server: the
 * `_headers` file the build writes (Netlify / Cloudflare Pages) and deploy/nginx.conf, each read as
 * its host reads it (every matching _headers rule, with `! Name` detaching; nginx's longest
 * matching prefix location), compared with src/build/response-headers.ts for each kind of path.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headersFile } from '../../src/build/deploy-headers.ts';
import { contentType, policyHeaders } from '../../src/build/response-headers.ts';
import { contentSecurityPolicy } from '../../src/build/content-security-policy.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NGINX = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');

/** Paths of every kind the site serves. */
const PATHS = ['/', '/kedatangan/', '/en/arrivals/', '/data/manifest.json', '/data/arrivals.parquet', '/_astro/duckdb-eh.abc123.wasm', '/_astro/page.abc123.js', '/embed/arrivals-trend/', '/en/embed/registry-gaps/', '/jelajah/', '/en/explore/', '/sw.js'];

/** The headers a Cloudflare Pages/Netlify `_headers` file gives a path. */
function headersForPath(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of file.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const [pattern, ...rules] = lines;
    if (!pattern) continue;
    const matcher = new RegExp(`^${pattern.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
    if (!matcher.test(path)) continue;
    for (const rule of rules) {
      const detach = /^\s+!\s*(\S+)$/.exec(rule);
      if (detach) {
        delete headers[detach[1]!];
        continue;
      }
      const set = /^\s+([^:\s]+):\s*(.*)$/.exec(rule);
      if (!set) throw new Error(`unreadable _headers line: ${rule}`);
      headers[set[1]!] = headers[set[1]!] ? `${headers[set[1]!]}, ${set[2]}` : set[2]!;
    }
  }
  return headers;
}

/** The add_header lines nginx applies to a path: those of the longest matching prefix location. */
function nginxHeadersForPath(conf: string, path: string): Record<string, string> {
  const locations = [...conf.matchAll(/location\s+(\S+)\s*\{([^}]*)\}/g)].map(([, prefix, body]) => ({ prefix: prefix!, body: body! }));
  const location = locations.filter(({ prefix }) => path.startsWith(prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!location) throw new Error(`no nginx location serves ${path}`);
  return Object.fromEntries([...location.body.matchAll(/add_header\s+(\S+)\s+"([^"]*)"\s+always;/g)].map(([, name, value]) => [name!, value!]));
}

describe('the _headers file (Netlify / Cloudflare Pages)', () => {
  test.each(PATHS)('gives %s the headers of the preview server', (path) => {
    expect(headersForPath(headersFile(), path)).toEqual(policyHeaders(path));
  });

  test('lets other sites frame the embeds and nothing else', () => {
    expect(headersForPath(headersFile(), '/embed/arrivals-trend/')['Content-Security-Policy']).toMatch(/frame-ancestors \*$/);
    expect(headersForPath(headersFile(), '/kedatangan/')['Content-Security-Policy']).toMatch(/frame-ancestors 'self'$/);
  });
});

describe('deploy/nginx.conf', () => {
  test.each(PATHS)('gives %s the headers of the preview server', (path) => {
    const expected = policyHeaders(path);
    const actual = nginxHeadersForPath(NGINX, path);
    if (actual['Content-Security-Policy'] !== expected['Content-Security-Policy']) {
      console.error(`deploy/nginx.conf: the policy for ${path} should read\n  add_header Content-Security-Policy "${contentSecurityPolicy(path)}" always;`);
    }
    expect(actual).toEqual(expected);
  });

  test('sends the precompressed files and the types the engine and the downloads need', () => {
    expect(NGINX).toMatch(/^\s*gzip_static on;/m);
    expect(NGINX).toMatch(/^\s*brotli_static on;/m);
    const types = /types\s*\{([^}]*)\}/.exec(NGINX)?.[1] ?? '';
    const typeOf = (extension: string) => new RegExp(`^\\s*(\\S+)\\s+${extension};`, 'm').exec(types)?.[1];
    expect(typeOf('parquet')).toBe(contentType('x.parquet'));
    expect(typeOf('wasm')).toBe(contentType('x.wasm'));
  });
});
