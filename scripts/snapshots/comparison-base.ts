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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifestText, type Manifest } from '../../src/schema/manifest.ts';
import type { ComparisonBase } from '../validate/check-drift.ts';

export function comparisonBase(outDir: string, snapshotDate: string, audience: Manifest['audience']): ComparisonBase | null {
  const releases = join(outDir, 'releases');
  if (!existsSync(releases)) return null;
  let best: (ComparisonBase & { builtAt: string }) | null = null;
  for (const name of readdirSync(releases)) {
    const file = join(releases, name, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const m = parseManifestText(readFileSync(file, 'utf8'), file);
    if (m.snapshotDate >= snapshotDate || (audience === 'public' && m.audience !== 'public')) continue;
    if (!best || m.snapshotDate > best.snapshotDate || (m.snapshotDate === best.snapshotDate && m.builtAt > best.builtAt)) {
      best = { dir: join(releases, name), snapshotDate: m.snapshotDate, builtAt: m.builtAt };
    }
  }
  return best && { dir: best.dir, snapshotDate: best.snapshotDate };
}
