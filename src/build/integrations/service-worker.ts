/**
 * Astro integration: the service worker. Once the site is built (`astro:build:done`), bundles
 * src/client/offline-service-worker.ts (esbuild; Workbox's modules inlined, so nothing comes from
 * a CDN) with the release it belongs to, then lets workbox-build's `injectManifest` write dist/sw.js
 * with the app shell's precache list: every script and style under /_astro/ but the query engine's
 * (DuckDB-WASM, 30+ MB, cached once fetched), the icon (the fonts are the system's) and the two offline pages (/luring/,
 * /en/offline/). Not the pages themselves: they are kept as they are opened, or an area at a time
 * (docs/architecture.md, "Offline").
 *
 * injectManifest rather than generateSW: the worker names its caches by the release, refuses to
 * keep a page or manifest of another release, answers a page never opened with the offline page in
 * its language, and keeps an area's pages on request — code of our own around Workbox's
 * strategies, which generateSW's configuration cannot express.
 *
 * Runs before the precompression integration (astro.config.mjs), so sw.js is compressed too.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { projectRoot } from '../published.ts';
import { currentReleaseId } from '../release-id.ts';
import { PAGES } from '../../i18n/index.ts';

export const SERVICE_WORKER_FILE = 'sw.js';
/** The file of a page inside dist/: /luring/ → luring/index.html. */
const pageFile = (path: string): string => `${path.replace(/^\//, '')}index.html`;

const SOURCE = join('src', 'client', 'offline-service-worker.ts');

/** The app shell, as globs inside dist/ (the query engine's files are left for the runtime cache). */
const SHELL_GLOBS = ['_astro/*.{js,css}', '*.{svg,ico,png,webp}', ...Object.values(PAGES.offline).map(pageFile)];
const SHELL_IGNORES = ['_astro/*duckdb*'];

export default function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'pantau-service-worker',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const release = currentReleaseId();
        const temp = await mkdtemp(join(tmpdir(), 'pantau-sw-'));
        try {
          const source = join(temp, SERVICE_WORKER_FILE);
          const bundle = await build({
            entryPoints: [join(projectRoot(), SOURCE)],
            bundle: true,
            format: 'iife',
            target: 'es2022',
            minify: true,
            write: false,
            legalComments: 'none',
            define: {
              'process.env.NODE_ENV': '"production"',
              __PANTAU_RELEASE__: JSON.stringify(release),
              __PANTAU_BASE__: JSON.stringify(base),
              __PANTAU_FALLBACK_ID__: JSON.stringify(`${base}${pageFile(PAGES.offline.id)}`),
              __PANTAU_FALLBACK_EN__: JSON.stringify(`${base}${pageFile(PAGES.offline.en)}`),
            },
          });
          await writeFile(source, bundle.outputFiles[0]!.contents);
          const swDest = join(dist, SERVICE_WORKER_FILE);
          const { count, size, warnings } = await injectManifest({
            swSrc: source,
            swDest,
            globDirectory: dist,
            globPatterns: SHELL_GLOBS,
            globIgnores: SHELL_IGNORES,
            // Vite's file names carry their content hash: no revision needed.
            dontCacheBustURLsMatching: /^_astro\//,
            maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          });
          for (const warning of warnings) logger.warn(warning);
          const worker = await stat(swDest);
          logger.info(`wrote ${SERVICE_WORKER_FILE} (${worker.size} bytes) for release ${release}: app shell of ${count} files, ${size} bytes`);
        } finally {
          await rm(temp, { recursive: true, force: true });
        }
      },
    },
  };
}
