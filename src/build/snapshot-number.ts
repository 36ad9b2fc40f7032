/**
 * "snapshot <n>" in the footer: the snapshot's ordinal among the scheduled snapshots stored in
 * data/snapshots/ (every one is kept there, immutably, so the number never changes for a date).
 * Build time only. A publication built from elsewhere (PANTAU_PUBLISHED_DIR, no stored folder of
 * its date) gets null and the footer leaves the number out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_DIR_PATTERN } from '../schema/snapshot.ts';
import { projectRoot } from './published.ts';

export function snapshotNumber(snapshotDate: string, snapshotsDir = join(projectRoot(), 'data', 'snapshots')): number | null {
  if (!existsSync(snapshotsDir)) return null;
  const dates = readdirSync(snapshotsDir).filter((n) => SNAPSHOT_DIR_PATTERN.test(n)).sort();
  const index = dates.indexOf(snapshotDate);
  return index < 0 ? null : index + 1;
}
