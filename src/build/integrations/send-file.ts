/**
 * Answers one GET or HEAD request with a file as it is on disk, with byte ranges: the requests the
 * preview server does not hand to sirv (src/build/static-server.ts), and the dev server's /data/
 * middleware (published-data.ts). DuckDB-WASM and the Parquet downloads read with HTTP range
 * requests, including suffix ranges ("bytes=-4", the Parquet footer), which sirv answers wrongly
 * (it reads "-4" as "0-4"); files that are themselves gzip (the browser copies, *.arrow.gz) go out
 * as their own bytes, where sirv would label them Content-Encoding: gzip.
 *
 * Headers (content type, Cache-Control, CSP) come from src/build/response-headers.ts, like sirv's.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentType, policyHeaders } from '../response-headers.ts';

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

export interface SendFileOptions {
  /** Cache-Control and CSP from response-headers.ts (the default); false for a folder that is not this site. */
  siteHeaders?: boolean;
}

export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, { siteHeaders = true }: SendFileOptions = {}): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const { size, mtimeMs } = statSync(path);
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    ...(siteHeaders ? policyHeaders(new URL(req.url ?? '/', 'http://localhost').pathname) : {}),
    'Content-Type': contentType(path),
    'Accept-Ranges': 'bytes',
    ETag: etag,
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const rangeHeader = req.headers.range;
  let range = { start: 0, end: size - 1 };
  let status = res.statusCode === 404 ? 404 : 200;
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
