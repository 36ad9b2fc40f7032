/**
 * Publish: writes the Parquet files and manifest.json into a staging folder, then makes them the
 * current publication in one atomic step. Layout under the output folder:
 *
 *   releases/<snapshot date>-<content id>/   one folder per publication, never modified once written
 *   current -> releases/...                  a symlink, replaced with rename(2), so readers see the
 *                                            old publication or the new one, never a mix
 *   basis/<release name>/                    what a public release was built from, before disclosure
 *                                            control (scripts/anonymise/release-basis.ts): never
 *                                            published; moved into place before its release
 *
 * A run that fails before the swap leaves `current` untouched. Publishing the same snapshot again
 * gives the same content id and changes nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifestText, type Manifest, type PublishedFile } from '../../src/schema/manifest.ts';
import { BASIS_FOLDER, basisDir } from '../anonymise/release-basis.ts';
import { PUBLISH_MEMORY_LIMIT, sqlString, type Db } from '../lib/duckdb.ts';
import { sha256File } from '../lib/sha256-file.ts';
import { startStageClock } from '../lib/trace.ts';

export const RELEASES_KEPT = 5;

export interface TableToWrite { name: string; sql: string }

export function currentLink(outDir: string): string {
  return join(outDir, 'current');
}

/** The folder `current` points at, or null when nothing is published yet. */
export async function currentRelease(outDir: string): Promise<string | null> {
  try {
    return join(outDir, await readlink(currentLink(outDir)));
  } catch {
    return null;
  }
}

async function writeParquet(db: Db, sql: string, path: string): Promise<PublishedFile> {
  const clock = startStageClock();
  // Keep the order the query produces (sorted by key): same snapshot, same bytes.
  await db.run('SET preserve_insertion_order = true');
  await db.run(`COPY (${sql}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  await db.run('SET preserve_insertion_order = false');
  const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(path)})`)).getRows()[0]![0]);
  const file = path.split('/').pop()!;
  clock.lap(`publish ${file}`);
  return { file, rows, sha256: await sha256File(path), bytes: (await stat(path)).size };
}

export async function publishRelease(
  db: Db,
  outDir: string,
  tables: TableToWrite[],
  manifestWithoutTables: Omit<Manifest, 'tables'>,
  /** A staging folder holding the release's basis (release-basis.ts), moved into basis/<release name>. */
  basisStaging: string | null = null,
): Promise<{ releaseDir: string; manifest: Manifest; unchanged: boolean }> {
  const releases = join(outDir, 'releases');
  await mkdir(releases, { recursive: true });
  const staging = join(outDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging);
  try {
    const files: Record<string, PublishedFile> = {};
    const limit = String((await db.runAndReadAll("SELECT current_setting('memory_limit')")).getRows()[0]![0]);
    await db.run(`SET memory_limit = ${sqlString(PUBLISH_MEMORY_LIMIT)}`);
    try {
      for (const t of tables) files[t.name] = await writeParquet(db, t.sql, join(staging, `${t.name}.parquet`));
    } finally {
      await db.run(`SET memory_limit = ${sqlString(limit)}`);
    }
    const contentId = createHash('sha256')
      .update(Object.values(files).map((f) => `${f.file}:${f.sha256}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const name = `${manifestWithoutTables.snapshotDate}-${contentId}`;
    const releaseDir = join(releases, name);
    let manifest: Manifest = { ...manifestWithoutTables, tables: files };
    const unchanged = existsSync(join(releaseDir, MANIFEST_FILE));
    if (basisStaging) {
      // The basis first: a release folder never exists without the basis the next release needs.
      const basis = basisDir(outDir, name);
      if (existsSync(basis)) await rm(basisStaging, { recursive: true, force: true });
      else await rename(basisStaging, basis);
    }
    if (unchanged) {
      // Same content already published: keep that release (and its manifest) as it is.
      await rm(staging, { recursive: true, force: true });
      manifest = parseManifestText(await readFile(join(releaseDir, MANIFEST_FILE), 'utf8'), join(releaseDir, MANIFEST_FILE));
    } else {
      await writeFile(join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
      await rename(staging, releaseDir);
    }
    const temporaryLink = join(outDir, `.current-${process.pid}-${randomBytes(4).toString('hex')}`);
    await symlink(join('releases', name), temporaryLink);
    await rename(temporaryLink, currentLink(outDir));
    await pruneReleases(outDir, name);
    return { releaseDir, manifest, unchanged };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Keeps the newest releases (by snapshot date, then name) and always the current one, each with its basis. */
async function pruneReleases(outDir: string, current: string): Promise<void> {
  const releases = join(outDir, 'releases');
  const names = (await readdir(releases)).sort().reverse();
  const keep = new Set([current, ...names.slice(0, RELEASES_KEPT)]);
  for (const n of names) if (!keep.has(n)) await rm(join(releases, n), { recursive: true, force: true });
  const bases = join(outDir, BASIS_FOLDER);
  if (!existsSync(bases)) return;
  // .staging-* folders belong to runs in progress (a failed run removes its own).
  for (const n of await readdir(bases)) if (!n.startsWith('.') && !keep.has(n)) await rm(join(bases, n), { recursive: true, force: true });
}
