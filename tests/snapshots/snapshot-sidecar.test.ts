/**
 * snapshot.json is a checked contract: every way an analyst can get it wrong refuses the snapshot
 * with the file and the field named, and leaves the publication as it was.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshotSidecar, tableCoverage } from '../../src/schema/snapshot.ts';
import { publicationFingerprint, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { writeSnapshot } from '../helpers/valid-snapshot.ts';

const DATE = '2024-04-05';
const GOOD = { snapshotDate: DATE, coverage: { from: '2024-01', to: '2024-02' }, synthetic: false, producer: 'Kanim Cilegon' };
const variant = (change: Record<string, unknown>) => JSON.stringify({ ...GOOD, ...change });
const without = (field: keyof typeof GOOD) => JSON.stringify(Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== field)));

interface Case { name: string; text: string; code: string; field: string }

const CASES: Case[] = [
  { name: 'not JSON (a trailing comma)', text: '{ "snapshotDate": "2024-04-05", }', code: 'sidecar-unreadable', field: '' },
  { name: 'an array instead of an object', text: '[]', code: 'sidecar-unreadable', field: '' },
  { name: 'synthetic missing', text: without('synthetic'), code: 'sidecar-field', field: 'synthetic' },
  { name: 'synthetic as the text "false"', text: variant({ synthetic: 'false' }), code: 'sidecar-field', field: 'synthetic' },
  { name: 'synthetic misspelt', text: JSON.stringify({ ...JSON.parse(without('synthetic')), synthetc: false }), code: 'sidecar-field', field: 'synthetc' },
  { name: 'producer missing', text: without('producer'), code: 'sidecar-field', field: 'producer' },
  { name: 'producer empty', text: variant({ producer: ' ' }), code: 'sidecar-field', field: 'producer' },
  { name: 'snapshotDate another day', text: variant({ snapshotDate: '2024-04-06' }), code: 'sidecar-date-mismatch', field: 'snapshotDate' },
  { name: 'snapshotDate not a day', text: variant({ snapshotDate: '2024-02-30' }), code: 'sidecar-field', field: 'snapshotDate' },
  { name: 'coverage missing', text: without('coverage'), code: 'sidecar-field', field: 'coverage' },
  { name: 'coverage.to as a day', text: variant({ coverage: { from: '2024-01', to: '2024-02-29' } }), code: 'sidecar-coverage', field: 'coverage.to' },
  { name: 'coverage month 13', text: variant({ coverage: { from: '2024-13', to: '2024-02' } }), code: 'sidecar-coverage', field: 'coverage.from' },
  { name: 'coverage backwards', text: variant({ coverage: { from: '2024-03', to: '2024-01' } }), code: 'sidecar-coverage', field: 'coverage' },
  { name: 'coverage of its own month', text: variant({ coverage: { from: '2024-01', to: '2024-04' } }), code: 'sidecar-coverage', field: 'coverage.to' },
  { name: 'coverage with an extra field', text: variant({ coverage: { from: '2024-01', to: '2024-02', until: '2024-03' } }), code: 'sidecar-field', field: 'coverage.until' },
  { name: 'tables naming an unknown table', text: variant({ tables: { regsitry: { to: '2024-01' } } }), code: 'sidecar-field', field: 'tables.regsitry' },
  { name: 'a table ending after the coverage', text: variant({ tables: { registry: { to: '2024-03' } } }), code: 'sidecar-table-coverage', field: 'tables.registry.to' },
  { name: 'a table ending before the coverage starts', text: variant({ tables: { operations: { to: '2023-12' } } }), code: 'sidecar-table-coverage', field: 'tables.operations.to' },
  { name: 'a table end that is not a month', text: variant({ tables: { sanctions: { to: 'Januari 2024' } } }), code: 'sidecar-table-coverage', field: 'tables.sanctions.to' },
  { name: 'a table given an unknown end', text: variant({ tables: { registry: { until: '2024-01' } } }), code: 'sidecar-field', field: 'tables.registry.until' },
  { name: 'a table saying neither start nor end', text: variant({ tables: { registry: {} } }), code: 'sidecar-table-coverage', field: 'tables.registry' },
  { name: 'a table starting after it ends', text: variant({ tables: { registry: { from: '2024-02', to: '2024-01' } } }), code: 'sidecar-table-coverage', field: 'tables.registry' },
  { name: 'a table starting before the coverage', text: variant({ tables: { arrivals: { from: '2023-12' } } }), code: 'sidecar-table-coverage', field: 'tables.arrivals.from' },
  { name: 'tables as a list', text: variant({ tables: ['registry'] }), code: 'sidecar-field', field: 'tables' },
  { name: 'note that is not text', text: variant({ note: 3 }), code: 'sidecar-field', field: 'note' },
];

describe('snapshot.json contract', () => {
  it('reads a good sidecar, with and without tables ending earlier or starting later', () => {
    expect(parseSnapshotSidecar(JSON.stringify(GOOD), DATE)).toEqual({ sidecar: GOOD, problems: [] });
    const { sidecar } = parseSnapshotSidecar(variant({ tables: { registry: { to: '2024-01' }, operations: { from: '2024-02' } }, note: 'Kemenag reports a month late' }), DATE);
    expect(tableCoverage(sidecar!, 'registry')).toEqual({ from: '2024-01', to: '2024-01' });
    expect(tableCoverage(sidecar!, 'operations')).toEqual({ from: '2024-02', to: '2024-02' });
    expect(tableCoverage(sidecar!, 'arrivals')).toEqual({ from: '2024-01', to: '2024-02' });
  });

  it.each(CASES)('names the field: $name', ({ text, code, field }) => {
    const { sidecar, problems } = parseSnapshotSidecar(text, DATE);
    expect(sidecar).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ code, field }));
    for (const p of problems) expect(p.fix.length).toBeGreaterThan(10);
  });

  it('lists every broken field at once', () => {
    const { problems } = parseSnapshotSidecar(JSON.stringify({ snapshotDate: DATE, coverage: { from: '2024-01', to: '2024-02' }, synthetic: 'no' }), DATE);
    expect(problems.map((p) => p.field).sort()).toEqual(['producer', 'synthetic']);
  });

  describe('in the pipeline', () => {
    let outDir = '';
    let before = '';
    beforeAll(async () => {
      ({ outDir } = await publishedBaseline());
      before = publicationFingerprint(outDir);
    });

    it.each([
      { name: 'synthetic as text', text: variant({ synthetic: 'false' }), code: 'sidecar-field', found: /^"synthetic": "false"$/ },
      { name: 'an unknown table', text: variant({ tables: { arrival: { to: '2024-01' } } }), code: 'sidecar-field', found: /^"tables\.arrival"/ },
      { name: 'not JSON', text: '{ snapshotDate: 2024-04-05 }', code: 'sidecar-unreadable', found: /JSON/ },
    ])('refuses $name, naming snapshot.json and the field, and publishes nothing', async ({ text, code, found }) => {
      const dir = writeSnapshot(tempDir(), { 'snapshot.json': text }, DATE);
      const issues = await refuse(dir, DATE, outDir);
      expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', code, file: join(dir, 'snapshot.json'), found: expect.stringMatching(found) }));
      expect(publicationFingerprint(outDir)).toBe(before);
    });

    it('refuses a snapshot folder without snapshot.json, with an example to copy', async () => {
      const dir = writeSnapshot(tempDir(), {}, DATE);
      rmSync(join(dir, 'snapshot.json'));
      const issues = await refuse(dir, DATE, outDir);
      expect(issues).toEqual([expect.objectContaining({ code: 'sidecar-missing', fix: expect.stringContaining('"snapshotDate":"2024-04-05"') })]);
      expect(publicationFingerprint(outDir)).toBe(before);
    });
  });
});
