/**
 * The kept releases of a publication folder (`<outDir>/releases/<name>/manifest.json`), read with
 * their checked manifests (src/schema/manifest.ts): the newest one a stage asks for, by snapshot
 * date and then by build time. Disclosure control asks for the pattern to keep
 * (anonymise/previous-public-release.ts), drift for the snapshot to compare with
 * (snapshots/comparison-base.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifestText, type Manifest } from '../../src/schema/manifest.ts';

export interface KeptRelease {
  dir: string;
  manifest: Manifest;
}

/** The release with the latest snapshot date among those `accept` takes, the latest built of them; null when there is none. */
export function newestRelease(outDir: string, accept: (manifest: Manifest) => boolean): KeptRelease | null {
  const releases = join(outDir, 'releases');
  if (!existsSync(releases)) return null;
  let best: KeptRelease | null = null;
  for (const name of readdirSync(releases)) {
    const file = join(releases, name, MANIFEST_FILE);
    if (!existsSync(file)) continue;
    const m = parseManifestText(readFileSync(file, 'utf8'), file);
    if (!accept(m)) continue;
    const b = best?.manifest;
    if (!b || m.snapshotDate > b.snapshotDate || (m.snapshotDate === b.snapshotDate && m.builtAt > b.builtAt)) best = { dir: join(releases, name), manifest: m };
  }
  return best;
}
