/**
 * Astro integration: writes dist/_headers (Netlify and Cloudflare Pages response headers: the
 * Content-Security-Policy per page type and Cache-Control, src/build/deploy-headers.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { HEADERS_FILE, headersFile } from '../deploy-headers.ts';

export default function deployHeaders(): AstroIntegration {
  return {
    name: 'pantau-deploy-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const path = join(fileURLToPath(dir), HEADERS_FILE);
        await writeFile(path, headersFile());
        logger.info(`wrote ${path}`);
      },
    },
  };
}
