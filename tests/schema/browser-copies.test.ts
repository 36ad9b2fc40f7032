/** The browser copies' index.json reader: what the build writes is read back; a damaged index is refused by field. */
import { describe, expect, test } from 'vitest';
import { parseBrowserCopiesIndex, type BrowserCopiesIndex } from '../../src/schema/browser-copies.ts';

const SHA = 'd46adf17f64eb41a9f6afbbd9c2f9a03d0e2bb18fac056b29fa360125d7e7ff2';
const valid = (): BrowserCopiesIndex => ({
  format: 'arrow-ipc-stream+gzip',
  snapshotDate: '2025-10-05',
  tables: { arrivals_totals: { file: 'arrivals_totals.arrow.gz', rows: 10, bytes: 200, arrowBytes: 900, parquetSha256: SHA } },
});

describe('parseBrowserCopiesIndex', () => {
  test('reads back what the build writes', () => {
    expect(parseBrowserCopiesIndex(JSON.parse(JSON.stringify(valid())), '/data/browser/index.json')).toEqual(valid());
  });

  test.each<[string, (index: Record<string, any>) => void, RegExp]>([
    ['another format', (i) => (i.format = 'parquet'), /format/],
    ['a size as text', (i) => (i.tables.arrivals_totals.bytes = '200'), /tables\.arrivals_totals\.bytes/],
    ['a copy without the sha256 it was made from', (i) => delete i.tables.arrivals_totals.parquetSha256, /tables\.arrivals_totals\.parquetSha256/],
    ['no tables', (i) => delete i.tables, /tables/],
  ])('refuses %s, naming the URL and the field', (_, breakIt, field) => {
    const index = structuredClone(valid()) as Record<string, any>;
    breakIt(index);
    expect(() => parseBrowserCopiesIndex(index, '/data/browser/index.json')).toThrow(/^\/data\/browser\/index\.json: /);
    expect(() => parseBrowserCopiesIndex(index, '/data/browser/index.json')).toThrow(field);
  });
});
