/**
 * Revisions between public releases, as offices send them: a late report of one person, a withheld
 * row corrected away, a correction of a few, a person moving office, a new office in an old month.
 * Each would let anyone holding both releases subtract them and single the person out, so the
 * revised month is published exactly as before (held), while the internal build has the new
 * figures. A revision that changes only published figures, each by k or more, is published; and a
 * run of revisions that adds up to a small change against an older release is held too.
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/schema/manifest.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { BASIS_FOLDER } from '../../scripts/anonymise/release-basis.ts';
import { publish, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { clone, months, revisionFixture, writeRevisionSnapshot, type RevisionFixture } from '../helpers/revision-fixture.ts';

const FIRST = { date: '2024-04-05', coverage: { from: '2023-07', to: '2024-03' } };
const SECOND = { date: '2024-05-05', coverage: { from: '2023-07', to: '2024-04' } };
const THIRD = { date: '2024-06-05', coverage: { from: '2023-07', to: '2024-05' } };

let db: DuckDBConnection;
let firstOut = '';
const snapshots = tempDir();

/** The fixture as the next snapshot has it before any revision: the same months, one more. */
const next = (to: string) => revisionFixture(months('2023-07', to));

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  firstOut = tempDir();
  await publish(writeRevisionSnapshot(snapshots, FIRST.date, FIRST.coverage, next(FIRST.coverage.to)), FIRST.date, firstOut);
});

/** A copy of a publication (the first release's by default). */
function copyOf(from = firstOut): string {
  const out = tempDir();
  cpSync(from, out, { recursive: true, verbatimSymlinks: true });
  return out;
}

/** The second snapshot, revised by `edit`, published into a copy of the first release's publication. */
async function secondRelease(edit: (f: RevisionFixture) => void, sidecar: Record<string, unknown> = {}): Promise<{ out: string; manifest: Manifest; snapshot: string }> {
  const out = copyOf();
  const fixture = clone(next(SECOND.coverage.to));
  edit(fixture);
  const snapshot = writeRevisionSnapshot(tempDir(), SECOND.date, SECOND.coverage, fixture, sidecar);
  const { manifest } = await publish(snapshot, SECOND.date, out);
  return { out, manifest, snapshot };
}

/** The folder of the release of a snapshot date in a publication. */
const release = (out: string, date: string) => join(out, 'releases', readdirSync(join(out, 'releases')).find((n) => n.startsWith(date))!);

/** Every published figure of a month (month cells, and the half-year holding it), as text rows. */
async function monthFigures(dir: string, table: TableName, month: string): Promise<string[]> {
  const day = `DATE '${month}-01'`;
  const totals = (await db.runAndReadAll(`SELECT * EXCLUDE (period), strftime(period, '%Y-%m') AS p FROM '${dir}/${table}_totals.parquet'
    WHERE (grain = 'month' AND period = ${day}) OR (grain = 'half' AND period = make_date(year(${day}), CASE WHEN month(${day}) <= 6 THEN 1 ELSE 7 END, 1))`)).getRowsJson();
  let detail: unknown[][] = [];
  try {
    detail = (await db.runAndReadAll(`SELECT * FROM '${dir}/${table}.parquet' WHERE strftime(${table === 'operations' ? 'date' : 'month'}, '%Y-%m') = '${month}'`)).getRowsJson();
  } catch { /* sanctions publish no detail rows */ }
  return [...totals, ...detail].map((r) => JSON.stringify(r)).sort();
}

async function nationalMonth(dir: string, table: TableName, month: string, measure = 'count'): Promise<number | null> {
  const rows = (await db.runAndReadAll(`SELECT ${measure} FROM '${dir}/${table}_totals.parquet' WHERE view = 'total' AND grain = 'month' AND period = DATE '${month}-01'`)).getRows();
  return rows[0]?.[0] === null || rows[0] === undefined ? null : Number(rows[0][0]);
}

/** The first release's figures for a month equal the second's, and the manifest says the month is held. */
async function expectHeld(result: { out: string; manifest: Manifest }, table: TableName, month: string): Promise<void> {
  expect(result.manifest.revisions?.[table]?.held, `${table} held months`).toContain(month);
  expect(await monthFigures(release(result.out, SECOND.date), table, month)).toEqual(await monthFigures(release(result.out, FIRST.date), table, month));
  expect(result.manifest.warnings.some((w) => w.code === 'revision-held' && w.table === table && w.message.includes(month))).toBe(true);
}

const sanction = (f: RevisionFixture, month: string, office: string, nationality = 'CHN', action = 'Deportasi') => f.sanctions.find((r) => r.month === month && r.office === office && r.nationality === nationality && r.action === action)!;

describe('revisions of published months', () => {
  it.each([
    ['one more person in an existing small row', (f: RevisionFixture) => { sanction(f, '2023-11', 'KANIM-BATAM', 'NGA').count += 1; }],
    ['one more person in a large row', (f: RevisionFixture) => { const r = f.sanctions.filter((x) => x.month === '2024-02').sort((a, b) => b.count - a.count)[0]!; r.count += 1; }],
    ['a late report of one person in a row that did not exist', (f: RevisionFixture) => { f.sanctions.push({ month: '2024-02', office: 'KANIM-BATAM', nationality: 'AUS', action: 'Deportasi', count: 1 }); }],
    ['three late reports in three offices', (f: RevisionFixture) => { for (const o of ['KANIM-BOGOR', 'KANIM-BATAM', 'KANIM-MEDAN']) sanction(f, '2023-12', o, 'MYS', 'Penangkalan').count += 1; }],
    ['a correction of a few persons downwards', (f: RevisionFixture) => { const r = f.sanctions.filter((x) => x.month === '2024-01' && x.count >= 6)[0]!; r.count -= 4; }],
    ['a person moved from one office to another', (f: RevisionFixture) => { sanction(f, '2023-10', 'KANIM-BOGOR').count -= 1; sanction(f, '2023-10', 'KANIM-MEDAN').count += 1; }],
    ['a new office with a handful of persons', (f: RevisionFixture) => { f.sanctions.push({ month: '2023-09', office: 'KANIM-JAKARTA-PUSAT', nationality: 'CHN', action: 'Deportasi', count: 3 }); }],
  ])('sanctions: %s is held', async (_name, edit) => {
    const before = next(SECOND.coverage.to);
    const after = clone(before);
    edit(after);
    const month = after.sanctions.find((r, i) => before.sanctions[i]?.count !== r.count || !before.sanctions[i])!.month;
    const result = await secondRelease(edit);
    await expectHeld(result, 'sanctions', month);
    // the public figure is the first release's, not the revised one
    const sum = (f: RevisionFixture) => f.sanctions.filter((r) => r.month === month).reduce((n, r) => n + r.count, 0);
    expect(await nationalMonth(release(result.out, SECOND.date), 'sanctions', month)).toBe(sum(before));
  });

  it('publishes the revision in the internal build, and leaves the tables nobody revised exactly as they were', async () => {
    const edit = (f: RevisionFixture) => { sanction(f, '2023-11', 'KANIM-BATAM', 'NGA').count += 1; };
    const result = await secondRelease(edit);
    const internal = tempDir();
    await publish(result.snapshot, SECOND.date, internal, 'internal');
    const revised = clone(next(SECOND.coverage.to));
    edit(revised);
    expect(await nationalMonth(join(internal, 'current'), 'sanctions', '2023-11')).toBe(revised.sanctions.filter((r) => r.month === '2023-11').reduce((n, r) => n + r.count, 0));
    for (const month of months(FIRST.coverage.from, FIRST.coverage.to)) {
      expect(await monthFigures(release(result.out, SECOND.date), 'registry', month), month).toEqual(await monthFigures(release(result.out, FIRST.date), 'registry', month));
    }
    expect(result.manifest.revisions?.registry).toEqual({ held: [], revised: [] });
    // publishing the same snapshot again changes nothing, held month and all
    expect((await publish(result.snapshot, SECOND.date, result.out)).unchanged).toBe(true);
  });

  it('registry: a withheld cell whose rows are corrected away is held, so the totals do not give its value away', async () => {
    // mixed marriages publish no detail rows: their withheld cells are regency half-years
    const first = release(firstOut, FIRST.date);
    const withheld = (await db.runAndReadAll(`SELECT strftime(period, '%Y-%m'), region_code, source_agency FROM '${first}/registry_totals.parquet'
      WHERE count_withheld AND view = 'region_code+metric+source_agency' AND grain = 'half' ORDER BY ALL LIMIT 1`)).getRowsJson()[0] as string[];
    expect(withheld, 'the first release withholds some regency half-year').toBeDefined();
    const [start, region, agency] = withheld;
    const inHalf = (r: { month: string; region: string; agency: string }) => r.region === region && r.agency.toLowerCase() === agency && r.month >= start! && r.month < `${start!.slice(0, 4)}-${start!.endsWith('01') ? '07' : '13'}`;
    const month = next(SECOND.coverage.to).registry.find(inHalf)!.month;
    const result = await secondRelease((f) => { f.registry = f.registry.filter((r) => !(inHalf(r) && r.month === month)); });
    await expectHeld(result, 'registry', month);
  });

  it('arrivals: a correction of 1..k−1 crossings and a new checkpoint with a few are held', async () => {
    const result = await secondRelease((f) => {
      f.arrivals.find((r) => r.month === '2024-01' && r.count > 100)!.count -= 3;
      f.arrivals.push({ month: '2023-08', port: 'YIA', nationality: 'CHN', visa: 'voa', sex: 'L', count: 2 });
    });
    await expectHeld(result, 'arrivals', '2024-01');
    await expectHeld(result, 'arrivals', '2023-08');
  });

  it('operations: a late-reported joint operation that found two persons is held', async () => {
    const result = await secondRelease((f) => { f.operations.push({ date: '2024-02-27', region: '36.72', office: 'KANIM-BOGOR', activity: 'Operasi gabungan', checked: 15, findings: 2, followUps: 1 }); });
    await expectHeld(result, 'operations', '2024-02');
  });

  it('publishes a revision that changes only published figures, each by k or more', async () => {
    const big = (f: RevisionFixture) => f.arrivals.filter((r) => r.month === '2024-02' && r.count >= 200);
    const before = big(next(SECOND.coverage.to)).length;
    expect(before).toBeGreaterThan(2);
    const result = await secondRelease((f) => { big(f)[0]!.count += 50; });
    expect(result.manifest.revisions?.arrivals?.revised).toContain('2024-02');
    expect(result.manifest.revisions?.arrivals?.held).not.toContain('2024-02');
    const national = async (date: string) => nationalMonth(release(result.out, date), 'arrivals', '2024-02');
    expect((await national(SECOND.date))! - (await national(FIRST.date))!).toBe(50);
  });

  it('holds a revision that is small against the previous release, or against an older one (the ledger)', async () => {
    const row = (f: RevisionFixture) => f.arrivals.filter((r) => r.month === '2024-02' && r.count >= 200)[0]!;
    const second = (await secondRelease((f) => { row(f).count += 50; })).out; // published: +50 is at least k
    const thirdRelease = async (change: number) => {
      const out = copyOf(second);
      const third = next(THIRD.coverage.to);
      row(third).count += change;
      const { manifest } = await publish(writeRevisionSnapshot(tempDir(), THIRD.date, THIRD.coverage, third), THIRD.date, out);
      return { out, manifest };
    };
    // +48: 48 against the first release, but 2 against the second
    const small = await thirdRelease(48);
    expect(small.manifest.revisions?.arrivals?.held).toContain('2024-02');
    expect(await nationalMonth(release(small.out, THIRD.date), 'arrivals', '2024-02')).toBe(await nationalMonth(release(small.out, SECOND.date), 'arrivals', '2024-02'));
    // +2: 48 against the second release, but 2 against the first, which anyone may have kept
    const back = await thirdRelease(2);
    expect(back.manifest.revisions?.arrivals?.held).toContain('2024-02');
    // +20: at least k against both
    const large = await thirdRelease(20);
    expect(large.manifest.revisions?.arrivals?.revised).toContain('2024-02');
  });

  it('keeps publishing a month the previous release published when the new snapshot calls it provisional', async () => {
    const result = await secondRelease(() => {}, { provisionalMonths: 2 });
    expect(result.manifest.coverage).toEqual({ from: '2023-07', to: '2024-03' });
    expect(result.manifest.snapshotCoverage).toEqual(SECOND.coverage);
    expect(await monthFigures(release(result.out, SECOND.date), 'sanctions', '2024-03')).toEqual(await monthFigures(release(result.out, FIRST.date), 'sanctions', '2024-03'));
  });

  it('refuses real figures when the previous release has no basis to check revisions against', async () => {
    const out = copyOf();
    rmSync(join(out, BASIS_FOLDER), { recursive: true, force: true });
    const issues = await refuse(writeRevisionSnapshot(tempDir(), SECOND.date, SECOND.coverage, next(SECOND.coverage.to)), SECOND.date, out);
    expect(issues.map((i) => i.code)).toContain('revision-basis-missing');
  });
});
