/** A temporary publication folder with one good publication in it, and helpers to try snapshots against it. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline.ts';
import { SnapshotRejectedError, type PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';
import { createProgress } from '../../scripts/lib/progress.ts';
import { loadReference } from '../../scripts/reference/load-reference.ts';
import { readSnapshot } from '../../scripts/snapshots/find-snapshots.ts';
import { writeSnapshot } from './valid-snapshot.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const reference = loadReference(ROOT);
const quiet = createProgress(true);

export function tempDir(prefix = 'pantau-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function publish(snapshotDir: string, date: string, outDir: string, audience: 'public' | 'internal' = 'public'): Promise<PipelineResult> {
  return runPipeline(readSnapshot(snapshotDir, date), { root: ROOT, outDir, progress: quiet, reference, audience });
}

/** Runs a snapshot that must be refused, and returns its issues. */
export async function refuse(snapshotDir: string, date: string, outDir: string): Promise<PipelineIssue[]> {
  try {
    await publish(snapshotDir, date, outDir);
  } catch (error) {
    if (error instanceof SnapshotRejectedError) return error.issues;
    throw error;
  }
  throw new Error(`snapshot ${date} was published but should have been refused`);
}

/** Everything that identifies the current publication: link target and the bytes of each file. */
export function publicationFingerprint(outDir: string): string {
  const target = readlinkSync(join(outDir, 'current'));
  const dir = join(outDir, target);
  const files = readdirSync(dir).sort().map((f) => `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`);
  return [target, ...files].join('\n');
}

/** A publication folder holding the valid test snapshot (2024-03-05). */
export async function publishedBaseline(): Promise<{ outDir: string; snapshots: string }> {
  const snapshots = tempDir();
  const outDir = tempDir();
  await publish(writeSnapshot(snapshots), '2024-03-05', outDir);
  return { outDir, snapshots };
}
