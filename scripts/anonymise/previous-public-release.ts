/**
 * The release whose suppression pattern a new public publication must keep: the newest public
 * release in `<outDir>/releases` of the same or an earlier snapshot. Internal (unsuppressed)
 * releases are skipped, so an internal build in between never resets the pattern.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifestText } from '../../src/schema/manifest.ts';

export function previousPublicRelease(outDir: string, snapshotDate: string): string | null {
  const releases = join(outDir, 'releases');
  if (!existsSync(releases)) return null;
  let best: { dir: string; date: string; builtAt: string } | null = null;
  for (const name of readdirSync(releases)) {
    const file = join(releases, name, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const m = parseManifestText(readFileSync(file, 'utf8'), file);
    if (m.audience !== 'public' || m.snapshotDate > snapshotDate) continue;
    if (!best || m.snapshotDate > best.date || (m.snapshotDate === best.date && m.builtAt > best.builtAt)) best = { dir: join(releases, name), date: m.snapshotDate, builtAt: m.builtAt };
  }
  return best?.dir ?? null;
}
