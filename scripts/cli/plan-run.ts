/**
 * What one `npm run data` does, decided before anything is read or written: which snapshot
 * folders to publish, and whether `current` may move back to an older snapshot. Moving back needs
 * `--rollback`; without it an older `--snapshot` is refused with both dates named.
 */
import type { SnapshotFolder } from '../snapshots/find-snapshots.ts';

export interface RunRequest {
  /** --snapshot: one snapshot date, else every folder from the current publication's on. */
  snapshot?: string;
  /** --rollback: `current` may move back to the (older) --snapshot. */
  rollback: boolean;
}

export type RunPlan =
  | { kind: 'publish'; snapshots: SnapshotFolder[]; rollback: boolean }
  | { kind: 'stop'; exitCode: 0 | 1; message: string };

const rollbackCommand = (date: string) => `npm run data -- --snapshot ${date} --rollback`;

/**
 * @param folders the snapshot folders, oldest first
 * @param currentDate the snapshot date of the current publication, null when nothing is published
 */
export function planRun(folders: readonly SnapshotFolder[], currentDate: string | null, request: RunRequest, snapshotsDir: string): RunPlan {
  if (request.rollback && !request.snapshot) {
    return { kind: 'stop', exitCode: 1, message: '--rollback needs --snapshot YYYY-MM-DD: the older snapshot to go back to.' };
  }
  if (request.snapshot) {
    const folder = folders.find((f) => f.date === request.snapshot);
    if (!folder) return { kind: 'stop', exitCode: 1, message: `No snapshot folder ${request.snapshot} in ${snapshotsDir}.` };
    const older = currentDate !== null && folder.date < currentDate;
    if (older && !request.rollback) {
      return {
        kind: 'stop', exitCode: 1,
        message: `${folder.date} is older than the current publication (${currentDate}): publishing it would move \`current\` back from ${currentDate} to ${folder.date}, and the site built next would show the older figures. Nothing was changed. To go back on purpose: ${rollbackCommand(folder.date)}`,
      };
    }
    if (!older && request.rollback) {
      return {
        kind: 'stop', exitCode: 1,
        message: `--rollback moves \`current\` back to an older snapshot, but ${folder.date} is not older than the current publication (${currentDate ?? 'nothing is published'}). Run again without --rollback.`,
      };
    }
    return { kind: 'publish', snapshots: [folder], rollback: older };
  }
  if (folders.length === 0) return { kind: 'stop', exitCode: 1, message: `No snapshot folders (YYYY-MM-DD) in ${snapshotsDir}.` };
  const todo = folders.filter((f) => currentDate === null || f.date >= currentDate);
  if (todo.length === 0) {
    return { kind: 'stop', exitCode: 0, message: `Nothing to publish: every snapshot folder in ${snapshotsDir} is older than the current publication (${currentDate}). To go back to one: ${rollbackCommand(folders.at(-1)!.date)}` };
  }
  return { kind: 'publish', snapshots: todo, rollback: false };
}
