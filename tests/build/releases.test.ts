/** The kept releases a build can make frozen pages for: newest first, each queried on its own files. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PUBLISHED_DIR_ENV } from '../../src/build/published.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { keptReleases, releasesByDate } from '../../src/build/releases.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_FILES, VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';

let saved: string | undefined;
beforeAll(async () => {
  const out = tempDir();
  await publish(writeSnapshot(tempDir()), VALID_SIDECAR.snapshotDate, out);
  // a month later: one more month of arrivals
  const later = '2024-04-05';
  const arrivals = VALID_FILES['arrivals.csv']! + 'Maret 2024;Soekarno-Hatta;China;Visa on Arrival;Laki-laki;2.000\r\n';
  const sidecar = JSON.stringify({ ...VALID_SIDECAR, snapshotDate: later, coverage: { from: '2024-01', to: '2024-03' },
    tables: { ...VALID_SIDECAR.tables, sanctions: { to: '2024-02' }, operations: { to: '2024-02' } } });
  await publish(writeSnapshot(tempDir(), { 'arrivals.csv': arrivals, 'snapshot.json': sidecar }, later), later, out);
  saved = process.env[PUBLISHED_DIR_ENV];
  process.env[PUBLISHED_DIR_ENV] = join(out, 'current');
});
afterAll(() => {
  if (saved === undefined) delete process.env[PUBLISHED_DIR_ENV];
  else process.env[PUBLISHED_DIR_ENV] = saved;
});

it('lists the kept releases newest first, marks the current one, and queries each on its own files', async () => {
  const releases = keptReleases();
  expect(releases.map((r) => r.manifest.snapshotDate)).toEqual(['2024-04-05', '2024-03-05']);
  expect(releases.map((r) => r.current)).toEqual([true, false]);
  expect(releasesByDate()).toHaveLength(2);
  const months = async (dir: string) => (await queryPublished<{ n: number }>("SELECT count(*)::INTEGER AS n FROM arrivals_totals WHERE view = 'total' AND grain = 'month'", dir))[0]!.n;
  expect(await months(releases[0]!.dir)).toBe(3);
  expect(await months(releases[1]!.dir)).toBe(2);
});
