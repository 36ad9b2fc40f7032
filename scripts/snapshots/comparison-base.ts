/**
 * The release a new publication is compared with for revisions: the previous *different*
 * snapshot, i.e. the newest release in `<outDir>/releases` of an earlier snapshot date, whatever
 * `current` points at. Publishing the current snapshot again still compares it with the one
 * before, and a rollback compares the older snapshot with the one before it, never with a newer one.
 *
 * A public build compares only with public releases: its warnings are public and quote figures,
 * and an internal release's figures were never published. An internal build compares with any.
 * Every kept release's manifest is read checked (src/schema/manifest.ts): one of another schema
 * version, or broken, refuses the run by name rather than being compared with.
 */
import type { Manifest } from '../../src/schema/manifest.ts';
import { newestRelease } from '../lib/newest-release.ts';
import type { ComparisonBase } from '../validate/check-drift.ts';

export function comparisonBase(outDir: string, snapshotDate: string, audience: Manifest['audience']): ComparisonBase | null {
  const base = newestRelease(outDir, (m) => m.snapshotDate < snapshotDate && (audience === 'internal' || m.audience === 'public'));
  return base && { dir: base.dir, snapshotDate: base.manifest.snapshotDate };
}
