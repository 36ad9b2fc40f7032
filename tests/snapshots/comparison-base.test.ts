/**
 * Revisions are checked against the previous *different* snapshot: publishing the current snapshot
 * again, or an older one, never compares a snapshot with itself or with a newer one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonBase } from '../../scripts/snapshots/comparison-base.ts';
import { ManifestError, type Manifest } from '../../src/schema/manifest.ts';
import { SCHEMA_VERSION } from '../../src/schema/tables.ts';
import { tempDir } from '../helpers/pipeline-fixture.ts';

/** A manifest as the pipeline writes it, of a release that published nothing else. */
const manifest = (snapshotDate: string, audience: Manifest['audience'], builtAt: string): Manifest => ({
  schemaVersion: SCHEMA_VERSION, snapshotDate, coverage: { from: '2025-01', to: '2025-06' }, builtAt, synthetic: true, audience,
  tables: {}, sources: [], warnings: [], suppression: {}, previousSnapshotDate: null, licences: [],
});

/** A publication folder holding releases with only these manifests in them. */
function releases(...manifests: { date: string; audience?: 'public' | 'internal'; builtAt?: string }[]): string {
  const out = tempDir();
  manifests.forEach(({ date, audience = 'public', builtAt = '2026-01-01T00:00:00Z' }, i) => {
    const dir = join(out, 'releases', `${date}-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest(date, audience, builtAt)));
  });
  return out;
}
const baseDate = (out: string, date: string, audience: 'public' | 'internal' = 'public') => comparisonBase(out, date, audience)?.snapshotDate ?? null;

describe('comparison base', () => {
  it('is the newest earlier snapshot, whatever else is published', () => {
    const out = releases({ date: '2025-08-05' }, { date: '2025-09-05' }, { date: '2025-10-05' });
    expect(baseDate(out, '2025-10-05')).toBe('2025-09-05'); // the current snapshot again
    expect(baseDate(out, '2025-11-05')).toBe('2025-10-05'); // the next one
    expect(baseDate(out, '2025-09-20')).toBe('2025-09-05'); // a folder added late, between two releases
    expect(baseDate(out, '2025-08-05')).toBeNull(); // the oldest, rolled back to
    expect(baseDate(tempDir(), '2025-10-05')).toBeNull(); // nothing published yet
  });

  it('compares a public build with public releases only, and takes the latest build of a snapshot', () => {
    const out = releases({ date: '2025-08-05' }, { date: '2025-09-05', audience: 'internal' }, { date: '2025-08-05', builtAt: '2026-02-01T00:00:00Z' });
    expect(baseDate(out, '2025-10-05')).toBe('2025-08-05');
    expect(comparisonBase(out, '2025-10-05', 'public')!.dir).toBe(join(out, 'releases', '2025-08-05-2'));
    expect(baseDate(out, '2025-10-05', 'internal')).toBe('2025-09-05');
  });

  it('refuses a kept release whose manifest is of another schema version, naming its file', () => {
    const out = releases({ date: '2025-08-05' });
    const old = join(out, 'releases', '2025-07-05-0');
    mkdirSync(old, { recursive: true });
    writeFileSync(join(old, 'manifest.json'), JSON.stringify({ ...manifest('2025-07-05', 'public', '2025-07-06T00:00:00Z'), schemaVersion: SCHEMA_VERSION - 1 }));
    expect(() => comparisonBase(out, '2025-10-05', 'public')).toThrow(ManifestError);
    expect(() => comparisonBase(out, '2025-10-05', 'public')).toThrow(join(old, 'manifest.json'));
  });
  // Publishing the current snapshot again still compares with the one before: tests/pipeline/revision-drift.test.ts.
});
