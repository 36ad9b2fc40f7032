/**
 * Drift against the previous snapshot: a month whose national total moves by more than 5 % is a
 * warning in the manifest, and a warning never quotes a figure the release withholds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/schema/manifest.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_FILES, VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';

const LATER = '2024-04-05';
const laterSidecar = JSON.stringify({ ...VALID_SIDECAR, snapshotDate: LATER });

/** Publishes the valid fixture (with `first` files), then the later snapshot (with `later` files) into one folder. */
async function publishTwo(first: Record<string, string>, later: Record<string, string>) {
  const out = tempDir();
  await publish(writeSnapshot(tempDir(), first), VALID_SIDECAR.snapshotDate, out);
  const result = await publish(writeSnapshot(tempDir(), { 'snapshot.json': laterSidecar, ...later }, LATER), LATER, out);
  const manifest = JSON.parse(readFileSync(join(out, 'current/manifest.json'), 'utf8')) as Manifest;
  return { result, manifest };
}

describe('revision drift', () => {
  it('warns in the manifest when a month moves by more than 5 %, quoting both totals', async () => {
    // January arrivals: 4,834 crossings, revised to 5,334 (+10.3 %)
    const arrivals = VALID_FILES['arrivals.csv']!.replace('Ngurah Rai;Australia;Bebas Visa Kunjungan;Laki-laki;2.500', 'Ngurah Rai;Australia;Bebas Visa Kunjungan;Laki-laki;3.000');
    const { manifest } = await publishTwo({}, { 'arrivals.csv': arrivals });
    expect(manifest.previousSnapshotDate).toBe(VALID_SIDECAR.snapshotDate);
    expect(manifest.warnings.filter((w) => w.code === 'revision-drift')).toEqual([{ code: 'revision-drift', table: 'arrivals', month: '2024-01', message: expect.stringMatching(/arrivals 2024-01: count revised from 4834 to 5334 \(10\.3%\)/) }]);
  });

  it('keeps a warning about a month whose total is now withheld out of the manifest, and tells the analyst', async () => {
    // February sanctions: 17 persons published, revised to 8 (withheld: below k = 10)
    const first = VALID_FILES['sanctions.csv']!.trimEnd() + '\r\n2024-02;KANIM-BOGOR;China;Deportasi;Overstay;15\r\n';
    const later = VALID_FILES['sanctions.csv']!.trimEnd() + '\r\n2024-02;KANIM-BOGOR;China;Deportasi;Overstay;6\r\n';
    const { result, manifest } = await publishTwo({ 'sanctions.csv': first }, { 'sanctions.csv': later });
    expect(manifest.warnings.filter((w) => w.code === 'revision-drift')).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/from 17 to 8/);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'revision-drift', table: 'sanctions', fix: expect.stringMatching(/sanctions 2024-02: count revised from 17 to 8 .*not in its manifest/) }));
  });
});
