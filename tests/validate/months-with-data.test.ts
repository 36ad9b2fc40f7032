/**
 * Every month a table covers holds its data: a month with no rows, or far below the months around
 * it, refuses the snapshot per table, unless snapshot.json says the table ends earlier; a table
 * that ends earlier publishes half-years only where all its own months are in.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMonthsWithData, FAR_BELOW_SHARE, monthsOf } from '../../scripts/validate/check-months-with-data.ts';
import type { SeriesMonth } from '../../scripts/validate/monthly-series.ts';
import { MONTHLY_DATE, monthlyFiles, monthlySidecar, writeMonthlySnapshot } from '../helpers/monthly-snapshot.ts';
import { publicationFingerprint, publish, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { writeSnapshot } from '../helpers/valid-snapshot.ts';

const COVERAGE = { from: '2024-01', to: '2024-08' };
const MONTHS = monthsOf(COVERAGE);

/** A national series with the given values per month (undefined: no rows that month). */
const series = (values: (number | undefined)[], cell: Record<string, string> = {}): SeriesMonth[] =>
  values.flatMap((value, i) => (value === undefined ? [] : [{ cell, month: MONTHS[i]!, value, rows: 3 }]));
const check = (s: SeriesMonth[], coverage = COVERAGE) => checkMonthsWithData(s, { table: 'arrivals', coverage, file: 'arrivals.csv' });
const codes = (s: SeriesMonth[], coverage = COVERAGE) => check(s, coverage).map((i) => `${i.code} ${i.found}`);

describe('months with data, as a rule', () => {
  it('counts the months of a coverage across a year end', () => {
    expect(monthsOf({ from: '2023-11', to: '2024-02' })).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('passes ordinary ups and downs, and a month at 40 % of its neighbours', () => {
    expect(codes(series([900, 700, 1100, 800, 1000, 950, 1200, 1000]))).toEqual([]);
    expect(codes(series([1000, 1000, 1000, 400, 1000, 1000, 1000, 1000]))).toEqual([]);
  });

  it.each([
    { name: 'the last month', values: [5, 5, 5, 5, 5, 5, 5, undefined], found: 'no arrivals rows for 2024-08', fix: /"tables": \{ "arrivals": \{ "to": "2024-07" \} \}/ },
    { name: 'the last two months', values: [5, 5, 5, 5, 5, 5, undefined, undefined], found: 'no arrivals rows for 2024-07 to 2024-08', fix: /"to": "2024-06"/ },
    { name: 'a month inside', values: [5, 5, 5, undefined, 5, 5, 5, 5], found: 'no arrivals rows for 2024-04', fix: /^Export arrivals again with 2024-04/ },
    { name: 'the first month', values: [undefined, 5, 5, 5, 5, 5, 5, 5], found: 'no arrivals rows for 2024-01', fix: /"tables": \{ "arrivals": \{ "from": "2024-02" \} \}/ },
    { name: 'two months inside', values: [5, 5, undefined, undefined, 5, 5, 5, 5], found: 'no arrivals rows for 2024-03 to 2024-04', fix: /^Export arrivals again with 2024-03 to 2024-04: a month inside/ },
  ])('refuses a month without rows: $name', ({ values, found, fix }) => {
    const [issue, ...rest] = check(series(values));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: 'error', code: 'month-without-data', table: 'arrivals', file: 'arrivals.csv', column: 'bulan', found, fix: expect.stringMatching(fix) });
  });

  it.each([
    { name: 'a month at a tenth', values: [1000, 1000, 1000, 100, 1000, 1000, 1000, 1000], month: '2024-04' },
    { name: 'a zero month with its rows', values: [1000, 1000, 1000, 1000, 0, 1000, 1000, 1000], month: '2024-05' },
    { name: 'the last month at a fifth', values: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 200], month: '2024-08' },
    { name: 'the first month, just under the share', values: [FAR_BELOW_SHARE * 1000 - 1, 1000, 1000, 1000, 1000, 1000, 1000, 1000], month: '2024-01' },
  ])('refuses a month far below its neighbours: $name', ({ values, month }) => {
    const issues = check(series(values));
    expect(issues.map((i) => i.code)).toEqual(['month-far-below']);
    expect(issues[0]!.found).toMatch(new RegExp(`^arrivals ${month}: count \\d+, against a median of 1000`));
  });

  it('checks each series of a table on its own, and leaves stocks to the empty-month rule', () => {
    const kemenag = { metric: 'mixed_marriages', source_agency: 'kemenag' };
    const disdukcapil = { metric: 'mixed_marriages', source_agency: 'disdukcapil' };
    const stock = { metric: 'foreign_residents', source_agency: 'imigrasi' };
    const all = [
      ...series([100, 100, 100, 100, 100, 100, 100, 100], disdukcapil),
      ...series([100, 100, 100, undefined, 100, 100, 100, 100], kemenag),
      ...series([undefined, undefined, undefined, undefined, undefined, 5000, undefined, undefined], stock),
    ];
    const issues = checkMonthsWithData(all, { table: 'registry', coverage: COVERAGE, file: 'registry.csv' });
    expect(issues.map((i) => `${i.code} ${i.found}`)).toEqual(['month-far-below registry (mixed_marriages, kemenag) 2024-04: count 0, against a median of 100 in 2024-01 to 2024-07']);
  });

  it('needs three neighbouring months to call one far below', () => {
    expect(codes(series([4834, 17]), { from: '2024-01', to: '2024-02' })).toEqual([]);
    expect(codes(series([4834, 17, 4000]), { from: '2024-01', to: '2024-03' })).toEqual([]);
    expect(codes(series([4834, 4900, 17, 4000]), { from: '2024-01', to: '2024-04' })).toEqual(['month-far-below arrivals 2024-03: count 17, against a median of 4834 in 2024-01 to 2024-04']);
  });
});

describe('months with data, in the pipeline', () => {
  let outDir = '';
  let before = '';
  beforeAll(async () => {
    ({ outDir } = await publishedBaseline());
    before = publicationFingerprint(outDir);
  });

  it('refuses each table for its own missing or cut-short month, naming file, table and month, and publishes nothing', async () => {
    const dir = writeMonthlySnapshot(tempDir(), {
      arrivals: { '2024-06': null },
      sanctions: { '2024-03': null },
      operations: { '2024-04': 15 },
      registry: { '2024-05': [100, null] },
    });
    const issues = (await refuse(dir, MONTHLY_DATE, outDir)).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.table, i.file.split('/').pop(), i.found])).toEqual([
      ['month-without-data', 'arrivals', 'arrivals.csv', 'no arrivals rows for 2024-06'],
      ['month-without-data', 'sanctions', 'sanctions.csv', 'no sanctions rows for 2024-03'],
      ['month-far-below', 'operations', 'operations.csv', 'operations 2024-04: foreigners_checked 30, against a median of 200 in 2024-01 to 2024-06'],
      ['month-far-below', 'registry', 'registry.csv', 'registry (mixed_marriages, kemenag) 2024-05: count 0, against a median of 100 in 2024-02 to 2024-06'],
    ]);
    expect(issues[0]!.fix).toContain('"tables": { "arrivals": { "to": "2024-05" } }');
    expect(publicationFingerprint(outDir)).toBe(before);
  });

  it('publishes a table that ends earlier when snapshot.json says so, with half-years only where that table is complete', async () => {
    const files = monthlyFiles({ registry: { '2024-06': null } });
    // the stock counted at the end of June goes with the month
    files['registry.csv'] = files['registry.csv']!.split('\r\n').filter((l) => !l.startsWith('2024-06')).join('\r\n');
    const dir = writeSnapshot(tempDir(), { ...files, 'snapshot.json': monthlySidecar({ tables: { registry: { to: '2024-05' } } }) }, MONTHLY_DATE);
    const out = tempDir();
    await publish(dir, MONTHLY_DATE, out);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const halves = async (table: string) => (await db.runAndReadAll(`SELECT count(*)::INT FROM '${join(out, 'current', `${table}_totals.parquet`)}' WHERE grain = 'half'`)).getRows()[0]![0];
    expect(await halves('arrivals')).toBeGreaterThan(0);
    expect(await halves('registry')).toBe(0);
    db.closeSync();

    // and a row after the end it declares is outside its months
    const late = writeSnapshot(tempDir(), { ...monthlyFiles(), 'snapshot.json': monthlySidecar({ tables: { registry: { to: '2024-05' } } }) }, MONTHLY_DATE);
    const issues = await refuse(late, MONTHLY_DATE, outDir);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'period-out-of-range', table: 'registry', found: '2024-06' }));
  });
});
