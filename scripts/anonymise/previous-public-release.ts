/**
 * The release whose suppression pattern a new public publication must keep: the newest public
 * release in `<outDir>/releases` of the same or an earlier snapshot. Internal (unsuppressed)
 * releases are skipped, so an internal build in between never resets the pattern.
 */
import { newestRelease } from '../lib/newest-release.ts';

export function previousPublicRelease(outDir: string, snapshotDate: string): string | null {
  return newestRelease(outDir, (m) => m.audience === 'public' && m.snapshotDate <= snapshotDate)?.dir ?? null;
}
