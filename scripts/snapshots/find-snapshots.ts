/** The scheduled snapshots in data/snapshots/<YYYY-MM-DD>/, oldest first, with their sidecars. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_DIR_PATTERN, SNAPSHOT_SIDECAR, type SnapshotSidecar } from '../../src/schema/snapshot.ts';

export interface Snapshot {
  date: string;
  dir: string;
  sidecar: SnapshotSidecar;
  /** True when snapshot.json is absent and coverage was derived from the folder name. */
  derivedSidecar: boolean;
}

/** The month before a date (YYYY-MM): a snapshot taken on 2025-10-05 covers up to 2025-09. */
export function monthBefore(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function readSnapshot(dir: string, date: string): Snapshot {
  const path = join(dir, SNAPSHOT_SIDECAR);
  if (!existsSync(path)) {
    return {
      date, dir, derivedSidecar: true,
      sidecar: { snapshotDate: date, coverage: { from: '2000-01', to: monthBefore(date) }, synthetic: false, producer: 'unknown (no snapshot.json)' },
    };
  }
  const sidecar = JSON.parse(readFileSync(path, 'utf8')) as SnapshotSidecar;
  return { date, dir, sidecar, derivedSidecar: false };
}

export function findSnapshots(snapshotsDir: string): Snapshot[] {
  if (!existsSync(snapshotsDir)) return [];
  return readdirSync(snapshotsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && SNAPSHOT_DIR_PATTERN.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((date) => readSnapshot(join(snapshotsDir, date), date));
}
