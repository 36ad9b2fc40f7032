/**
 * Vitest global setup for the site tests: makes sure dist/ holds a site built from the bundled
 * sample, published into a folder of the tests' own (.tmp/site-tests/published), so a snapshot
 * folder an analyst adds to data/snapshots/ is never published by a test run, and the tests never
 * depend on it. PANTAU_PUBLISHED_DIR, when set, points the build at another publication instead.
 *
 * Builds when dist/index.html is missing or older than a file under src/ (or astro.config.mjs), when
 * dist/data/manifest.json differs from the publication's, or when PANTAU_REBUILD=1: first the data
 * (scripts/cli/data.ts over the sample's snapshot folders only, unless PANTAU_PUBLISHED_DIR is
 * set), then `astro build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { SNAPSHOTS } from '../../scripts/sample/calibration.ts';
import { publishedDir } from '../../src/build/published.ts';
import { MANIFEST_FILE } from '../../src/schema/manifest.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const SITE_TESTS = join(ROOT, '.tmp', 'site-tests');
const SAMPLE_PUBLICATION = join(SITE_TESTS, 'published');

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

/** The sample's snapshot folders, linked into a folder of their own: what the site tests publish. */
function sampleSnapshots(): string {
  const dir = join(SITE_TESTS, 'snapshots');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const { date } of SNAPSHOTS) symlinkSync(join(ROOT, 'data', 'snapshots', date), join(dir, date));
  return dir;
}

export default function setup(): void {
  const own = !process.env.PANTAU_PUBLISHED_DIR;
  if (own) process.env.PANTAU_PUBLISHED_DIR = join(SAMPLE_PUBLICATION, 'current');
  const unpublished = own && !existsSync(join(SAMPLE_PUBLICATION, 'current', MANIFEST_FILE));
  if (!unpublished && !needsBuild()) return;
  if (own) {
    // From an empty folder every time: republishing on top of earlier runs would keep their releases
    // (same snapshot dates, older code) and hold revisions against them, so the tests would read a
    // publication no clean clone has.
    rmSync(SAMPLE_PUBLICATION, { recursive: true, force: true });
    run('npx', ['tsx', 'scripts/cli/data.ts', '--quiet', '--snapshots', sampleSnapshots(), '--out', SAMPLE_PUBLICATION]);
  }
  run('npx', ['astro', 'build']);
}
