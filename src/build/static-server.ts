/**
 * The built site's own web server: the preview (`npm start`, src/build/serve-site.ts), the site
 * tests and the benchmarks. Files are served by sirv (a maintained static server; docs/serving.md
 * says why) from dist/ as a deploy would: the precompressed `.br`/`.gz` beside each file
 * (src/build/integrations/precompress.ts) with Content-Encoding by the request's Accept-Encoding,
 * ETags, and the headers of src/build/response-headers.ts (Cache-Control immutable for /_astro/,
 * revalidation elsewhere, the Content-Security-Policy with frame-ancestors per page type).
 *
 * What sirv does not do is done here, as nginx does it: a directory without its trailing slash is
 * redirected (301), a missing file gets 404.html with status 404, and byte-range requests and files
 * that are themselves gzip go to send-file.ts. Listens on 127.0.0.1, on a random port unless given.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import sirv from 'sirv';
import { sendFile } from './integrations/send-file.ts';
import { contentType, policyHeaders } from './response-headers.ts';

export interface StaticServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** 0 (the default) for any free port. */
  port?: number;
  host?: string;
  /**
   * Send the site's headers (CSP, Cache-Control). True by default; false only for a folder that is
   * not this site (a test's stand-in for another site that embeds a chart).
   */
  siteHeaders?: boolean;
}

/** The file a path names inside root, or null when it is outside root or missing. */
function fileAt(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  return existsSync(path) ? path : null;
}

/** Files sirv would get wrong: byte ranges, and a file named *.gz or *.br asked for by its own name. */
const servedAsIs = (req: IncomingMessage, pathname: string): boolean => Boolean(req.headers.range) || /\.(gz|br)$/i.test(pathname);

export async function startStaticServer(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const siteHeaders = options.siteHeaders ?? true;
  const files = sirv(root, {
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res: ServerResponse, pathname: string) => {
      if (siteHeaders) for (const [name, value] of Object.entries(policyHeaders(pathname))) res.setHeader(name, value);
      // sirv's types come from mrmime, which knows no Parquet; keep one table for every server.
      if (extname(pathname) || pathname.endsWith('/')) res.setHeader('Content-Type', contentType(pathname));
    },
  });
  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    const page = join(root, '404.html');
    res.statusCode = 404;
    if (existsSync(page)) {
      delete req.headers.range;
      sendFile(req, res, page, { siteHeaders });
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found');
    }
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = fileAt(root, url.pathname);
    if (path && statSync(path).isDirectory()) {
      if (!existsSync(join(path, 'index.html'))) return notFound(req, res);
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
    }
    if (path && servedAsIs(req, url.pathname) && statSync(path).isFile()) return sendFile(req, res, path, { siteHeaders });
    files(req, res, () => notFound(req, res));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}
