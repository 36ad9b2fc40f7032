/**
 * A tiny static file server for the built site, like the web server it will be deployed on:
 * directory URLs serve index.html, byte ranges and content types come from send-file.ts.
 * Listens on 127.0.0.1 on a random port.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { sendFile } from './integrations/send-file.ts';

export interface StaticServer {
  /** "http://127.0.0.1:PORT" (no trailing slash). */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

function resolvePath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  if (!existsSync(path)) return null;
  if (statSync(path).isDirectory()) {
    const index = join(path, 'index.html');
    return existsSync(index) ? index : null;
  }
  return path;
}

export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A directory without its trailing slash is redirected, as nginx does.
    const path = resolvePath(root, url.pathname);
    if (path && path.endsWith(`${sep}index.html`) && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!path) {
      const notFound = join(root, '404.html');
      res.statusCode = 404;
      if (existsSync(notFound)) {
        sendFile(req, res, notFound);
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Not found');
      }
      return;
    }
    sendFile(req, res, path);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}
