/**
 * The releases kept beside the current publication (Node only, site build): pages frozen to a
 * snapshot (a presenter's deck, a release's revisions page) are built for each, so a link made
 * before a meeting shows the same numbers during it though a newer snapshot was published since.
 *
 * The pipeline keeps the newest five releases in data/published/releases/ (`current` links to one
 * of them). A release of another audience than the current one is never listed: an internal build
 * never shows a public release's pages, nor a public build an internal one's. With
 * PANTAU_PUBLISHED_DIR pointing at a folder that is not inside a releases folder, that folder is the
 * only release.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MANIFEST_FILE, type Manifest } from '../schema/manifest.ts';
import { publishedDir, readManifest } from './published.ts';

export interface KeptRelease {
  /** The release folder's name: `<snapshot date>-<content id>`. */
  name: string;
  dir: string;
  manifest: Manifest;
  /** True for the release `current` points at. */
  current: boolean;
}

/** Every kept release of the current publication's audience, newest snapshot first (the current one among them). */
export function keptReleases(): KeptRelease[] {
  const current = realpathSync(publishedDir());
  const parent = dirname(current);
  const audience = readManifest(current).audience;
  const names = basename(parent) === 'releases' ? readdirSync(parent).filter((n) => existsSync(join(parent, n, MANIFEST_FILE))) : [basename(current)];
  const releases = names.map((name) => {
    const dir = basename(parent) === 'releases' ? join(parent, name) : current;
    return { name, dir, manifest: readManifest(dir), current: dir === current };
  });
  return releases
    .filter((r) => r.manifest.audience === audience)
    .sort((a, b) => (a.manifest.snapshotDate === b.manifest.snapshotDate ? (a.manifest.builtAt < b.manifest.builtAt ? 1 : -1) : a.manifest.snapshotDate < b.manifest.snapshotDate ? 1 : -1));
}

/** The newest kept release of each snapshot date: what a dated address (e.g. /presentasi/2025-10-05/…) names. */
export function releasesByDate(): KeptRelease[] {
  const seen = new Set<string>();
  return keptReleases().filter((r) => !seen.has(r.manifest.snapshotDate) && seen.add(r.manifest.snapshotDate));
}
