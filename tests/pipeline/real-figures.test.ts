/**
 * Real figures (`"synthetic": false`): published only through disclosure control, and refused when
 * the audit cannot prove every withheld cell at least k wide.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { unresolvedDisclosure } from '../../scripts/pipeline.ts';
import { DISCLOSURE, totalsTableName } from '../../src/schema/disclosure.ts';
import type { Manifest } from '../../src/schema/manifest.ts';
import type { DisclosureCounts } from '../../scripts/anonymise/disclosure-counts.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { publish, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_FILES, VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';

describe('real figures', () => {
  it('are published with every count from 1 to k − 1 withheld, and the manifest says they are real', async () => {
    const date = VALID_SIDECAR.snapshotDate;
    // The valid fixture, with a national total of at least k persons in each month: a smaller one
    // ties the per-action and per-violation tables together and is refused (next test).
    const sanctions = VALID_FILES['sanctions.csv']!.trimEnd() + '\r\n2024-02;KANIM-BOGOR;China;Deportasi;Overstay;15\r\n';
    const dir = writeSnapshot(tempDir(), { 'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, synthetic: false }), 'sanctions.csv': sanctions }, date);
    const out = tempDir();
    await publish(dir, date, out);
    const current = join(out, 'current');
    const manifest = JSON.parse(readFileSync(join(current, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.synthetic).toBe(false);
    expect(manifest.audience).toBe('public');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    let small = 0;
    let withheld = 0;
    for (const table of TABLE_NAMES) {
      expect(manifest.suppression[table]!.audited, table).toBe(true);
      const files = [totalsTableName(table), ...(DISCLOSURE[table].publicDetail ? [table] : [])];
      expect(existsSync(join(current, `${table}.parquet`)), table).toBe(DISCLOSURE[table].publicDetail);
      for (const file of files) {
        for (const m of DISCLOSURE[table].measures.filter((x) => x.k !== null)) {
          const [row] = (await db.runAndReadAll(`SELECT count(*) FILTER (WHERE "${m.name}" BETWEEN 1 AND ${m.k! - 1})::INT AS small,
            count(*) FILTER (WHERE "${m.name}_withheld")::INT AS withheld FROM '${join(current, `${file}.parquet`)}'`)).getRowObjectsJson();
          small += Number(row!.small);
          withheld += Number(row!.withheld);
        }
      }
    }
    expect(small).toBe(0);
    // the fixture has counts of 3, 2 and 9 persons: they and what would reveal them are withheld
    expect(withheld).toBeGreaterThan(10);
    db.closeSync();
  });

  const counts = (unresolved: number): DisclosureCounts => ({
    k: 10, primary: 5, secondary: 3, frozen: 0, audited: unresolved === 0, lpSolves: 1, seconds: 0,
    measures: { count: { k: 10, primary: 5, secondary: 3, frozen: 0, lpSolves: 1, auditRounds: 1, unresolved, derivable: 0 } },
  });
  const snapshot = (synthetic: boolean) => ({ dir: '/snapshots/2025-11-05', sidecar: { ...VALID_SIDECAR, synthetic } });

  it('are refused when a withheld cell cannot be proven k wide', async () => {
    // February's national sanctions total is 2 persons: withheld, and it ties the per-action and
    // per-violation tables together, which the audit counts as failing (docs/disclosure-control.md).
    const date = VALID_SIDECAR.snapshotDate;
    const dir = writeSnapshot(tempDir(), { 'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, synthetic: false }) }, date);
    const issues = await refuse(dir, date, tempDir());
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', code: 'disclosure-unresolved', table: 'sanctions', file: join(dir, 'snapshot.json') })]);
  });

  it('are refused when a withheld cell stays narrower than k; synthetic figures only warn', () => {
    expect(unresolvedDisclosure('sanctions', counts(0), snapshot(false))).toBeNull();
    const real = unresolvedDisclosure('sanctions', counts(2), snapshot(false))!;
    expect(real).toMatchObject({ severity: 'error', code: 'disclosure-unresolved', file: '/snapshots/2025-11-05/snapshot.json', found: 'sanctions: 2 count cell(s) narrower than k' });
    expect(real.fix).toMatch(/--internal/);
    expect(unresolvedDisclosure('sanctions', counts(2), snapshot(true))).toMatchObject({ severity: 'warning', code: 'disclosure-unresolved' });
  });
});
