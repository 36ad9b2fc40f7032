/**
 * Astro integration: the published Parquet files and manifest.json become part of the site under
 * /data/. A build copies them (following the `current` symlink) into dist/data/; the dev server
 * serves them from the publication folder, with range requests.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PublicationError, publishedDir, readManifest } from '../lib/published.ts';
import { sendFile } from './send-file.ts';

export const DATA_ROUTE = 'data';

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
      },
    },
  };
}
