/**
 * Astro integration: the published Parquet files and manifest.json become part of the site under
 * /data/. A build copies them (following the `current` symlink) into dist/data/; the dev server
 * serves them from the publication folder, with range requests.
 *
 * Beside them, /data/browser/ holds the browser copies DuckDB-WASM loads (Arrow IPC, gzip; see
 * src/build/browser-copies.ts): written into dist/ by a build, made once per publication for the dev
 * server (in .astro/browser-copies/).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BROWSER_COPIES_DIR, BROWSER_COPIES_INDEX } from '../../schema/browser-copies.ts';
import { writeBrowserCopies } from '../browser-copies.ts';
import { PublicationError, projectRoot, publishedDir, readManifest } from '../published.ts';
import { MANIFEST_FILE } from '../../schema/manifest.ts';
import { sendFile } from './send-file.ts';

export const DATA_ROUTE = 'data';

/** Writes a file through a temporary name and a rename, so a failed build never leaves half a copy. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}

/** The dev server's browser copies of the current publication, made on first request. */
let devCopies: { key: string; dir: Promise<string> } | null = null;
function devBrowserCopies(): Promise<string> {
  const key = createHash('sha256').update(readFileSync(join(publishedDir(), MANIFEST_FILE))).digest('hex').slice(0, 16);
  if (devCopies?.key !== key) {
    const dir = join(projectRoot(), '.astro', 'browser-copies', key);
    devCopies = { key, dir: existsSync(join(dir, BROWSER_COPIES_INDEX)) ? Promise.resolve(dir) : writeBrowserCopies(publishedDir(), dir, writeAtomically).then(() => dir) };
  }
  return devCopies.dir;
}

export default function publishedData(): AstroIntegration {
  let base = '/';
  return {
    name: 'pantau-published-data',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const prefix = `${base}${DATA_ROUTE}/`;
        logger.info(`serving ${publishedDir()} under ${prefix}`);
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://localhost');
          if (!url.pathname.startsWith(prefix)) return next();
          const copies = `${prefix}${BROWSER_COPIES_DIR}/`;
          if (url.pathname.startsWith(copies)) {
            devBrowserCopies().then((dir) => {
              const path = normalize(join(dir, decodeURIComponent(url.pathname.slice(copies.length))));
              if (!path.startsWith(dir + sep) || !existsSync(path)) return next();
              sendFile(req, res, path);
            }, next);
            return;
          }
          const dir = publishedDir();
          const path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
          if (!path.startsWith(dir + sep) || !existsSync(path) || !statSync(path).isFile()) return next();
          sendFile(req, res, path);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        readManifest(); // the same clear error as the pages when nothing is published
        const source = publishedDir();
        if (!existsSync(source)) throw new PublicationError(`${source} does not exist.`, 'run `npm run data` first.');
        const from = realpathSync(source);
        const to = join(fileURLToPath(dir), DATA_ROUTE);
        await mkdir(to, { recursive: true });
        let count = 0;
        for (const entry of await readdir(from)) {
          const path = realpathSync(join(from, entry));
          if (!statSync(path).isFile()) continue;
          await copyFile(path, join(to, entry));
          count += 1;
        }
        logger.info(`copied ${count} published files from ${from} to ${to}`);
        const index = await writeBrowserCopies(from, join(to, BROWSER_COPIES_DIR), writeAtomically);
        const bytes = Object.values(index.tables).reduce((sum, copy) => sum + copy.bytes, 0);
        logger.info(`wrote ${Object.keys(index.tables).length} browser copies (Arrow IPC, gzip; ${bytes} bytes) to ${join(to, BROWSER_COPIES_DIR)}`);
      },
    },
  };
}
