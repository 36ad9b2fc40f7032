/**
 * Vitest global setup for the site tests: makes sure dist/ holds a site built from the current
 * publication.
 *
 * Builds when dist/index.html is missing or older than a file under src/ (or astro.config.mjs), when
 * dist/data/manifest.json differs from the current publication's, or when PANTAU_REBUILD=1: first the data (`npm run data`, i.e. scripts/cli/data.ts,
 * which runs scripts/pipeline.ts on every new snapshot; skipped when PANTAU_PUBLISHED_DIR points at
 * a publication), then `astro build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { publishedDir } from '../../src/build/published.ts';
import { MANIFEST_FILE } from '../../src/schema/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');

function run(command: string, args: string[]): void {
  // Tools from node_modules/.bin first, so Astro and tsx run on the project's own Node.
  const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter);
  console.error(`[site tests] ${command} ${args.join(' ')}`);
  execFileSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PATH, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

/** Newest modification time of the site's sources. */
function newestSource(): number {
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return Math.max(...[...files, join(ROOT, 'astro.config.mjs')].map((file) => statSync(file).mtimeMs));
}

function needsBuild(): boolean {
  if (process.env.PANTAU_REBUILD === '1' || !existsSync(join(DIST, 'index.html'))) return true;
  if (statSync(join(DIST, 'index.html')).mtimeMs < newestSource()) return true;
  const published = join(publishedDir(), MANIFEST_FILE);
  const built = join(DIST, 'data', MANIFEST_FILE);
  if (!existsSync(published)) return false;
  return !existsSync(built) || readFileSync(published, 'utf8') !== readFileSync(built, 'utf8');
}

export default function setup(): void {
  if (!needsBuild()) return;
  if (!process.env.PANTAU_PUBLISHED_DIR) run('npx', ['tsx', 'scripts/cli/data.ts', '--quiet']);
  run('npx', ['astro', 'build']);
}
