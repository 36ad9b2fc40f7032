/**
 * The manifest.json reader: a manifest the pipeline writes is read back whole; anything else is
 * refused with an error that names the file, each wrong field by its path, and what to do.
 */
import { describe, expect, test } from 'vitest';
import { ManifestError, parseManifest, parseManifestText, type Manifest } from '../../src/schema/manifest.ts';
import { SCHEMA_VERSION } from '../../src/schema/tables.ts';

const SHA = 'd46adf17f64eb41a9f6afbbd9c2f9a03d0e2bb18fac056b29fa360125d7e7ff2';
const SOURCE = 'data/published/current/manifest.json';

/** A manifest as scripts/publish writes it (one table, one source, one warning). */
const valid = (): Manifest => ({
  schemaVersion: SCHEMA_VERSION,
  snapshotDate: '2025-10-05',
  coverage: { from: '2023-01', to: '2025-09' },
  builtAt: '2026-12-07T00:59:15.723Z',
  synthetic: true,
  audience: 'public',
  tables: { arrivals: { file: 'arrivals.parquet', rows: 10296, sha256: SHA, bytes: 28019 } },
  sources: [{ path: 'data/snapshots/2025-10-05/arrivals.xlsx', sha256: SHA, bytes: 264752, format: 'xlsx; first sheet; header on row 3' }],
  warnings: [{ code: 'revision-drift', table: 'operations', month: '2025-08', message: 'revised by 9.2%' }],
  suppression: {
    sanctions: {
      k: 10, withheld: 3127, audited: true, lpSolves: 263, seconds: 0.19,
      measures: { count: { k: 10, withheld: 3127, lpSolves: 263, auditRounds: 1, unresolved: 0, derivable: 0 } },
    },
  },
  previousSnapshotDate: null,
  licences: [{ name: 'idn-area-data', licence: 'ODbL-1.0', attribution: 'Kemendagri codes' }],
});

/** The error a manifest gets, or a failure when it is accepted. */
function refusal(json: unknown): ManifestError {
  try {
    parseManifest(json, SOURCE);
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('the manifest was accepted');
}

describe('parseManifest', () => {
  test('reads back what the pipeline writes, through JSON text too', () => {
    expect(parseManifest(valid(), SOURCE)).toEqual(valid());
    expect(parseManifestText(JSON.stringify(valid(), null, 2), SOURCE)).toEqual(valid());
  });

  test('reads a manifest written before the per-rule counts left it: their sum is the cells withheld, and the rules are dropped', () => {
    const old = valid() as Record<string, any>;
    old.suppression.sanctions = { k: 10, primary: 2464, secondary: 0, frozen: 663, audited: true, lpSolves: 263, seconds: 0.19,
      measures: { count: { k: 10, primary: 2464, secondary: 0, frozen: 663, lpSolves: 263, auditRounds: 1, unresolved: 0, derivable: 0 } } };
    expect(parseManifest(old, SOURCE)).toEqual(valid());
  });

  test('drops fields it does not declare, so readers see exactly the declared shape', () => {
    const withExtra = { ...valid(), addedLater: 1 };
    expect(parseManifest(withExtra, SOURCE)).toEqual(valid());
  });

  // Each variant breaks one field: the error names the file and the field's path.
  const broken: [string, (m: Record<string, any>) => void, RegExp][] = [
    ['a row count as text', (m) => (m.tables.arrivals.rows = '10296'), /tables\.arrivals\.rows: .*expected number/],
    ['a negative byte size', (m) => (m.tables.arrivals.bytes = -1), /tables\.arrivals\.bytes/],
    ['a fractional row count', (m) => (m.tables.arrivals.rows = 1.5), /tables\.arrivals\.rows/],
    ['a missing snapshot date', (m) => delete m.snapshotDate, /snapshotDate/],
    ['a snapshot date in another format', (m) => (m.snapshotDate = '05/10/2025'), /snapshotDate: expected a date YYYY-MM-DD/],
    ['a coverage month with a day', (m) => (m.coverage.to = '2025-09-01'), /coverage\.to: expected a month YYYY-MM/],
    ['a sha256 in upper case', (m) => (m.sources[0].sha256 = SHA.toUpperCase()), /sources\[0\]\.sha256: expected a sha256/],
    ['an unknown audience', (m) => (m.audience = 'everyone'), /audience/],
    ['a warning about a table that does not exist', (m) => (m.warnings[0].table = 'visas'), /warnings\[0\]\.table/],
    ['suppression counts for a table that does not exist', (m) => (m.suppression.visas = m.suppression.sanctions), /suppression: .*"visas"/],
    ['a measure without its k', (m) => delete m.suppression.sanctions.measures.count.k, /suppression\.sanctions\.measures\.count\.k/],
    ['tables as a list', (m) => (m.tables = [m.tables.arrivals]), /tables/],
  ];
  test.each(broken)('refuses %s, naming the file and the field', (_, breakIt, message) => {
    const manifest = structuredClone(valid()) as Record<string, any>;
    breakIt(manifest);
    const error = refusal(manifest);
    expect(error.source).toBe(SOURCE);
    expect(error.message).toContain(SOURCE);
    expect(error.problems.join('\n')).toMatch(message);
    expect(error.hint).toMatch(/npm run data/);
  });

  test('lists every wrong field, not only the first', () => {
    const manifest = structuredClone(valid()) as Record<string, any>;
    manifest.tables.arrivals.rows = 'many';
    manifest.synthetic = 'yes';
    expect(refusal(manifest).problems).toHaveLength(2);
  });

  test.each([
    ['another schema version', { ...valid(), schemaVersion: SCHEMA_VERSION + 1 }],
    ['no schema version', (({ schemaVersion: _, ...rest }) => rest)(valid())],
    ['not an object', 'manifest'],
    ['null', null],
  ])('refuses %s by its schema version before reading any field', (_, json) => {
    const error = refusal(json);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(new RegExp(`schema version .*this code reads version ${SCHEMA_VERSION}`));
  });

  test.each(['', '{"schemaVersion": 1,', 'not json'])('refuses text that is not JSON (%j)', (text) => {
    expect(() => parseManifestText(text, SOURCE)).toThrow(ManifestError);
    expect(() => parseManifestText(text, SOURCE)).toThrow(/manifest\.json: not valid JSON/);
  });
});
