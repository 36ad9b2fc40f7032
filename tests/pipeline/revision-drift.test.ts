/**
 * Drift against the previous snapshot: a month whose national total moves by more than 5 % is a
 * warning in the manifest, a month that disappears is one too, the same rule for every table, and
 * a warning never quotes a figure the release withholds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, PipelineWarning } from '../../src/schema/manifest.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';
import type { PipelineResult } from '../../scripts/pipeline.ts';
import { MONTHLY_DATE, MONTHLY_MONTHS, monthlyFiles, monthlySidecar, writeMonthlySnapshot } from '../helpers/monthly-snapshot.ts';
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

describe('revision checks, one rule for every table', () => {
  // The base: the monthly fixture, Kemenag registering 12 mixed marriages a month. A later snapshot
  // whose coverage starts a month later (January is gone from every table), whose March is revised
  // up by a fifth in every table (Kemenag's down to 8, which this release withholds), and whose
  // April arrivals fall to 103 (a cell of 3 withheld, and the total that would give it away).
  // Then the same snapshot published again with one figure corrected since (a new release of the
  // current snapshot), which must still be compared with the snapshot before it.
  const LATER_MONTHLY = '2024-08-05';
  const LATER_MONTHS = ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'];
  const kemenag12 = (months: readonly string[]) => Object.fromEntries(months.map((m) => [m, [100, 12]]));
  const revised = {
    arrivals: { '2024-03': 120, '2024-04': [100, 3] },
    sanctions: { '2024-03': 120 },
    operations: { '2024-03': 120 },
    registry: { ...kemenag12(LATER_MONTHS), '2024-03': [120, 8] },
  };
  const laterSidecar = monthlySidecar({}, LATER_MONTHLY, { from: '2024-02', to: '2024-07' });
  let warnings: PipelineWarning[] = [];
  let manifest: Manifest;
  let first: PipelineResult;
  let again: PipelineResult;
  beforeAll(async () => {
    const out = tempDir();
    await publish(writeMonthlySnapshot(tempDir(), { registry: kemenag12(MONTHLY_MONTHS) }), MONTHLY_DATE, out);
    first = await publish(writeSnapshot(tempDir(), { ...monthlyFiles(revised, LATER_MONTHS), 'snapshot.json': laterSidecar }, LATER_MONTHLY), LATER_MONTHLY, out);
    const corrected = monthlyFiles({ ...revised, sanctions: { ...revised.sanctions, '2024-05': 101 } }, LATER_MONTHS);
    again = await publish(writeSnapshot(tempDir(), { ...corrected, 'snapshot.json': laterSidecar }, LATER_MONTHLY), LATER_MONTHLY, out);
    manifest = JSON.parse(readFileSync(join(out, 'current/manifest.json'), 'utf8')) as Manifest;
    warnings = manifest.warnings;
  });

  it('compares the current snapshot published again with the snapshot before it, not with itself', () => {
    // The correction (one more person in May) revises a month the first release published by less
    // than k, so it is held: the re-publication is the first release again (disclosure-control.md,
    // "Across releases"). It was still checked against the snapshot before: see its console warnings
    // in the last test, which comparing with itself could not give.
    expect(again.unchanged).toBe(true);
    expect(again.releaseDir).toBe(first.releaseDir);
    expect(again.warnings).toContainEqual(expect.objectContaining<Partial<PipelineIssue>>({ code: 'revision-held', table: 'sanctions', fix: expect.stringMatching(/sanctions 2024-05 held/) }));
    expect(manifest.snapshotDate).toBe(LATER_MONTHLY);
    expect(manifest.previousSnapshotDate).toBe(MONTHLY_DATE);
    expect(first.manifest.previousSnapshotDate).toBe(MONTHLY_DATE);
  });

  it.each(TABLE_NAMES)('%s: a revised month and a dropped month are warnings naming the table and month', (table) => {
    const mine = warnings.filter((w) => w.table === table && w.code !== 'revision-held').map((w) => `${w.code} ${w.month} ${w.message.split(':')[0]}`);
    const [disdukcapil, kemenag] = ['registry (mixed_marriages, disdukcapil)', 'registry (mixed_marriages, kemenag)'];
    // Registry's March is held (Kemenag's 12 → 8 would make a published figure withheld), so its
    // revision is not published and the manifest quotes none; the analyst's console has it.
    const expected = table === 'registry'
      ? [`month-dropped 2024-01 ${disdukcapil} 2024-01`, `month-dropped 2024-01 ${kemenag} 2024-01`]
      : [`month-dropped 2024-01 ${table} 2024-01`, `revision-drift 2024-03 ${table} 2024-03`];
    expect(mine.sort()).toEqual(expected.sort());
    const measure = table === 'operations' ? 'foreigners_checked' : 'count';
    if (table === 'registry') {
      expect(manifest.revisions?.registry?.held).toContain('2024-03');
      expect(first.warnings).toContainEqual(expect.objectContaining<Partial<PipelineIssue>>({ code: 'revision-drift', fix: expect.stringMatching(/registry \(mixed_marriages, disdukcapil\) 2024-03: count revised from 100 to 120 .*not in its manifest/) }));
      return;
    }
    expect(warnings.find((w) => w.table === table && w.code === 'revision-drift')!.message).toContain(`${measure} revised from 200 to 240 (20.0%) since the ${MONTHLY_DATE} snapshot`);
  });

  it('a revision to a figure this release withholds stays out of the manifest and goes to the analyst, in every table it happens', () => {
    for (const quoted of [/arrivals 2024-04: count revised from 200 to 103/, /registry \(mixed_marriages, kemenag\) 2024-03: count revised from 12 to 8/]) {
      expect(JSON.stringify(manifest.warnings)).not.toMatch(quoted);
      expect(again.warnings).toContainEqual(expect.objectContaining<Partial<PipelineIssue>>({ code: 'revision-drift', fix: expect.stringMatching(quoted) }));
    }
  });
});
