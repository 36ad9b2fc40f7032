/**
 * Answers one GET or HEAD request with a file: content type, length, and single byte ranges
 * (DuckDB-WASM reads Parquet with HTTP range requests). Used by the dev server and the tests'
 * static server.
 *
 * Caching as a production server should do it: files under /_astro/ carry a content hash in their
 * name (Vite), so they are cached for a year as immutable — the ~5 MB DuckDB-WASM engine is
 * downloaded once per version. Everything else (pages, manifest, data) is revalidated on each use
 * with an ETag, answered by 304 when unchanged.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.parquet': 'application/octet-stream',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Parses "bytes=a-b", "bytes=a-" or "bytes=-n" against a size; null when unsatisfiable. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

export function sendFile(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const { size, mtimeMs } = statSync(path);
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  const fingerprinted = /\/_astro\//.test(req.url ?? '');
  const headers: Record<string, string | number> = {
    'Content-Type': contentType(path),
    'Accept-Ranges': 'bytes',
    'Cache-Control': fingerprinted ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const rangeHeader = req.headers.range;
  let range = { start: 0, end: size - 1 };
  let status = 200;
  if (rangeHeader) {
    const parsed = parseRange(rangeHeader, size);
    if (!parsed) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    range = parsed;
    status = 206;
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  }
  headers['Content-Length'] = size === 0 ? 0 : range.end - range.start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  createReadStream(path, { start: range.start, end: range.end }).pipe(res);
}
