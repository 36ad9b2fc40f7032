/**
 * The headers every server of the built site sends, by site path (before the base): the preview
 * server (src/build/static-server.ts), the `_headers` file for Netlify/Cloudflare Pages
 * (src/build/integrations/deploy-headers.ts) and deploy/nginx.conf (tested to agree with this).
 *
 * Caching: files under /_astro/ carry a content hash in their name (Vite), so they are cached for
 * a year as immutable — the DuckDB-WASM engine is downloaded once per version. Everything else
 * (pages, manifest.json, sw.js, data) is revalidated on each use (`no-cache` + ETag → 304).
 */
import { extname } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy.ts';

/** Where Vite writes fingerprinted files. */
export const FINGERPRINTED_PREFIX = '/_astro/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export const cacheControl = (path: string): string => (path.startsWith(FINGERPRINTED_PREFIX) ? IMMUTABLE : REVALIDATE);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  // Needed for WebAssembly.compileStreaming (the engine compiles while it downloads).
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  // A file that is itself gzip (the browser copies, *.arrow.gz), sent as it is, never as an encoding.
  '.gz': 'application/gzip',
};

/** The content type of a file by its name; a path ending in "/" is a page. */
export function contentType(path: string): string {
  if (path.endsWith('/')) return CONTENT_TYPES['.html']!;
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Cache-Control and the Content-Security-Policy (frame-ancestors per page type) for a site path. */
export const policyHeaders = (path: string): Record<string, string> => ({
  'Cache-Control': cacheControl(path),
  'Content-Security-Policy': contentSecurityPolicy(path),
  'X-Content-Type-Options': 'nosniff',
});
