/**
 * The scheduled snapshots in data/snapshots/<YYYY-MM-DD>/, oldest first, and their sidecars, read
 * through the one snapshot.json contract (src/schema/snapshot.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { exampleSidecar, parseSnapshotSidecar, SNAPSHOT_DIR_PATTERN, SNAPSHOT_SIDECAR, type SnapshotSidecar } from '../../src/schema/snapshot.ts';
import { SnapshotRejectedError, type PipelineIssue } from '../lib/pipeline-issue.ts';

export { monthBefore } from '../../src/schema/snapshot.ts';

/** A snapshot folder, before its sidecar is read. */
export interface SnapshotFolder {
  date: string;
  dir: string;
}

export interface Snapshot extends SnapshotFolder {
  sidecar: SnapshotSidecar;
}

/** The snapshot folders (named YYYY-MM-DD), oldest first. Reads no file inside them. */
export function listSnapshotFolders(snapshotsDir: string): SnapshotFolder[] {
  if (!existsSync(snapshotsDir)) return [];
  // a folder, or a link to one
  return readdirSync(snapshotsDir)
    .filter((name) => SNAPSHOT_DIR_PATTERN.test(name) && statSync(join(snapshotsDir, name), { throwIfNoEntry: false })?.isDirectory())
    .sort()
    .map((date) => ({ date, dir: join(snapshotsDir, date) }));
}

/**
 * Every problem with a folder's snapshot.json, as pipeline issues naming the file and field; []
 * when it keeps the contract.
 */
export function sidecarIssues(dir: string, date: string): { sidecar: SnapshotSidecar | null; issues: PipelineIssue[] } {
  const file = join(dir, SNAPSHOT_SIDECAR);
  if (!existsSync(file)) {
    return {
      sidecar: null,
      issues: [{ severity: 'error', code: 'sidecar-missing', file, found: 'no snapshot.json in the snapshot folder', expected: 'snapshot.json beside the exports', fix: `Add snapshot.json (README.md, "Adding a snapshot"), e.g. ${exampleSidecar(date)}` }],
    };
  }
  const reading = parseSnapshotSidecar(readFileSync(file, 'utf8'), date);
  return {
    sidecar: reading.sidecar,
    issues: reading.problems.map((p) => ({
      severity: 'error' as const,
      code: p.code,
      file,
      found: p.field === '' ? p.found : `"${p.field}": ${p.found}`,
      expected: p.expected,
      fix: p.fix,
    })),
  };
}

/** A snapshot folder with its sidecar; a missing or broken snapshot.json refuses the snapshot (SnapshotRejectedError). */
export function readSnapshot(dir: string, date: string): Snapshot {
  const { sidecar, issues } = sidecarIssues(dir, date);
  if (!sidecar) throw new SnapshotRejectedError(issues);
  return { date, dir, sidecar };
}
