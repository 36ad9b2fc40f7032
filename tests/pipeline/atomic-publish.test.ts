/** A publication that fails halfway leaves the current one in place and no half-written folder behind. */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openDuckDb } from '../../scripts/lib/duckdb.ts';
import { publishRelease } from '../../scripts/publish/publish-release.ts';
import { publicationFingerprint, publishedBaseline } from '../helpers/pipeline-fixture.ts';
import type { Manifest } from '../../src/schema/manifest.ts';

it('keeps the current publication when writing a table fails, and removes the staging folder', async () => {
  const { outDir } = await publishedBaseline();
  const before = publicationFingerprint(outDir);
  const db = await openDuckDb();
  const manifest = { snapshotDate: '2024-04-05' } as Omit<Manifest, 'tables'>;
  await expect(publishRelease(db, outDir, [
    { name: 'good', sql: 'SELECT 1 AS x' },
    { name: 'broken', sql: 'SELECT * FROM a_table_that_does_not_exist' },
  ], manifest)).rejects.toThrow(/a_table_that_does_not_exist/);
  db.closeSync();
  expect(publicationFingerprint(outDir)).toBe(before);
  expect(readdirSync(outDir).filter((f) => f.startsWith('.staging'))).toEqual([]);
  expect(readdirSync(`${outDir}/releases`)).toHaveLength(1);
});
