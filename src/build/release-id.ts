/**
 * The release a build is of, as the service worker and every page name it:
 * `<snapshot date>-<first 12 hex digits of manifest.json's sha256>` (`2025-10-05-1a2b3c4d5e6f`).
 * The date alone would not do: a snapshot published again (a correction, `--rollback`) keeps its
 * date but changes its manifest.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../schema/manifest.ts';
import { publishedDir, readManifest } from './published.ts';

export function releaseId(snapshotDate: string, manifestBytes: Uint8Array): string {
  return `${snapshotDate}-${createHash('sha256').update(manifestBytes).digest('hex').slice(0, 12)}`;
}

/** The release of the current publication (what this build shows). */
export function currentReleaseId(dir = publishedDir()): string {
  return releaseId(readManifest(dir).snapshotDate, readFileSync(join(dir, MANIFEST_FILE)));
}
