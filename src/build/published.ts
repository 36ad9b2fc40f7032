/**
 * Build-time access to the current publication (Node only; never import from a client script).
 *
 * The pipeline writes `data/published/current/` (a symlink to a release folder) holding the
 * Parquet files and manifest.json. PANTAU_PUBLISHED_DIR overrides that folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE, ManifestError, parseManifestText, type Manifest } from '../schema/manifest.ts';

export const PUBLISHED_DIR_ENV = 'PANTAU_PUBLISHED_DIR';
const PACKAGE_NAME = 'pantau-wna';

/** What happened, why, and what to do: the site cannot be built without a publication. */
export class PublicationError extends Error {
  constructor(message: string, readonly hint: string) {
    super(`${message}\n  Hint: ${hint}`);
    this.name = 'PublicationError';
  }
}

function isProjectRoot(dir: string): boolean {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return false;
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function findUp(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The repository root. Found from this module's location, then from the working directory:
 * Astro bundles this file into its build folder, so `import.meta.url` alone is not enough.
 */
export function projectRoot(): string {
  return findUp(dirname(fileURLToPath(import.meta.url))) ?? findUp(process.cwd()) ?? process.cwd();
}

/** The folder holding the published Parquet files and manifest.json. */
export function publishedDir(): string {
  const override = process.env[PUBLISHED_DIR_ENV];
  if (override) return resolve(override);
  return join(projectRoot(), 'data', 'published', 'current');
}

const manifests = new Map<string, Manifest>();

/** The manifest of a publication folder (the current one by default), read once per build. */
export function readManifest(dir = publishedDir()): Manifest {
  const path = join(dir, MANIFEST_FILE);
  const known = manifests.get(path);
  if (known) return known;
  if (!existsSync(path)) {
    throw new PublicationError(
      `Nothing is published yet: ${path} does not exist.`,
      `run \`npm run data\` first (or point ${PUBLISHED_DIR_ENV} at a publication folder).`,
    );
  }
  let manifest: Manifest;
  try {
    manifest = parseManifestText(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if (error instanceof ManifestError) throw new PublicationError(`${error.source}: ${error.problems.join('; ')}.`, error.hint);
    throw error;
  }
  manifests.set(path, manifest);
  return manifest;
}
