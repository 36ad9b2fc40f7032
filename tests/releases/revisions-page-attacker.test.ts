/**
 * The revisions page of a release that revises published months, against an attacker holding both
 * releases. Two releases of the revision fixture: the second revises a large arrivals row by 50
 * (published: a change of at least k in published figures only) and reports one late person in a
 * small sanctions row (held). The page's figures (its model, in both languages) must all be values
 * the releases publish, with differences only between published values; and the cross-release
 * attacker, over both releases' published arrivals with the true values, must find every withheld
 * cell and every change of one at least k wide, with the page showing none of them as a number.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { basisRowsFile, basisTotalsFile, BASIS_FOLDER } from '../../scripts/anonymise/release-basis.ts';
import { readManifest } from '../../src/build/published.ts';
import { releaseLabels } from '../../src/build/revisions/figure-labels.ts';
import { readReleaseRevisions, type PublishedRelease, type ReleaseRevisions } from '../../src/build/revisions/read-figure-pairs.ts';
import { revisionsPageModel, type FigureMention, type Part } from '../../src/build/revisions/revisions-page-model.ts';
import { thresholdOf, totalsDimensions, WITHHELD } from '../../src/schema/disclosure.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { crossReleaseRanges, type AttackedRelease } from '../anonymise/cross-release-attacker.ts';
import { publish, tempDir } from '../helpers/pipeline-fixture.ts';
import { clone, months, revisionFixture, writeRevisionSnapshot } from '../helpers/revision-fixture.ts';
import { changedFigureCounts, figureProblems, parseFigureId, type ShownFigure } from './revisions-page-figures.ts';

const FIRST = { date: '2024-04-05', coverage: { from: '2023-07', to: '2024-03' } };
const SECOND = { date: '2024-05-05', coverage: { from: '2023-07', to: '2024-04' } };
const ARRIVAL_KEY = ['month', 'port_code', 'nationality', 'visa_category', 'sex'];

let db: Db;
let out = '';
let first: PublishedRelease;
let second: PublishedRelease;
let revisions: ReleaseRevisions;
const names: string[] = [];

/** Every figure the page model mentions, in its sentences and tables. */
function mentions(parts: readonly Part[]): FigureMention[] {
  return parts.flatMap((p) => (typeof p === 'object' && 'figure' in p ? [p.figure] : []));
}
const shownOf = (m: FigureMention): ShownFigure => ({ id: m.id, ...(m.before ? { before: m.before } : {}), ...(m.after ? { after: m.after } : {}), ...(m.change ? { change: m.change } : {}), ...(m.relative ? { relative: m.relative } : {}) });

beforeAll(async () => {
  db = await openDuckDb();
  out = tempDir();
  const snapshots = tempDir();
  await publish(writeRevisionSnapshot(snapshots, FIRST.date, FIRST.coverage, revisionFixture(months(FIRST.coverage.from, FIRST.coverage.to))), FIRST.date, out);
  const next = clone(revisionFixture(months(SECOND.coverage.from, SECOND.coverage.to)));
  next.arrivals.filter((r) => r.month === '2024-02' && r.count >= 200)[0]!.count += 50;
  next.sanctions.find((r) => r.month === '2023-11' && r.office === 'KANIM-BATAM' && r.nationality === 'NGA' && r.action === 'Deportasi')!.count += 1;
  await publish(writeRevisionSnapshot(snapshots, SECOND.date, SECOND.coverage, next), SECOND.date, out);
  names.push(...readdirSync(join(out, 'releases')).sort());
  [first, second] = names.map((n) => ({ dir: join(out, 'releases', n), manifest: readManifest(join(out, 'releases', n)) })) as [PublishedRelease, PublishedRelease];
  revisions = await readReleaseRevisions(first, second);
}, 600_000);

describe('the revisions page of a release that revises published months', () => {
  it('reports the published revision and the held one, with the counts the releases give', async () => {
    const national = revisions.revised.find((r) => r.key.table === 'arrivals' && r.key.view === 'total' && r.key.grain === 'month' && r.key.period === '2024-02-01');
    expect(national?.change).toBe(50);
    expect(revisions.held.sanctions).toContain('2023-11');
    expect(revisions.newMonths.arrivals).toEqual(['2024-04']);
    const expected = { revised: 0, newlyWithheld: 0, newlyPublished: 0 };
    for (const table of TABLE_NAMES) {
      const span = (r: PublishedRelease) => ({ dir: r.dir, ...(r.manifest.tableCoverage?.[table] ?? r.manifest.coverage) });
      const c = await changedFigureCounts(db, span(first), span(second), table);
      for (const k of Object.keys(expected) as (keyof typeof expected)[]) expected[k] += c[k];
    }
    expect({ revised: revisions.revised.length, newlyWithheld: revisions.newlyWithheld.length, newlyPublished: revisions.newlyPublished.length }).toEqual(expected);
    expect(expected.revised).toBeGreaterThan(0);
  });

  it('shows only values the releases publish, and the checker catches a page that does not', async () => {
    for (const locale of ['id', 'en'] as const) {
      const model = revisionsPageModel(revisions, await releaseLabels(second.dir), locale);
      const shown = [...model.sentences.flatMap(mentions), ...model.tables.flatMap((t) => t.rows)].map(shownOf);
      expect(shown.some((s) => s.change !== undefined)).toBe(true);
      expect(await figureProblems(db, first.dir, second.dir, shown, locale)).toEqual([]);
    }
    // a wrong difference and a number for a withheld cell are both reported
    const model = revisionsPageModel(revisions, await releaseLabels(second.dir), 'id');
    const revised = shownOf(model.tables[0]!.rows[0]!);
    const withheld = (await db.runAndReadAll(`SELECT view, grain, strftime(period, '%Y-%m-%d') AS period FROM '${join(second.dir, 'sanctions_totals.parquet')}' WHERE count_withheld AND view = 'total' LIMIT 1`)).getRowObjectsJS();
    const lies: ShownFigure[] = [{ ...revised, change: '+1' }];
    if (withheld[0]) lies.push({ id: `sanctions|count|total|${String(withheld[0].grain)}|${String(withheld[0].period)}`, after: '3' });
    expect(await figureProblems(db, first.dir, second.dir, lies, 'id')).toHaveLength(lies.length);
  });

  it('leaves every withheld arrivals cell, and every change of one, at least k wide for an attacker holding both releases; the page shows none of them', async () => {
    const attacked: AttackedRelease[] = [];
    const on = (columns: readonly string[]) => columns.map((c) => `p.${c} IS NOT DISTINCT FROM b.${c}`).join(' AND ');
    for (const [i, name] of names.entries()) {
      const release = join(out, 'releases', name);
      const basis = join(out, BASIS_FOLDER, name);
      await db.run(`CREATE OR REPLACE TEMP TABLE d${i} AS SELECT p.*, b.count AS truth FROM '${release}/arrivals.parquet' p JOIN '${basisRowsFile(basis, 'arrivals')}' b ON ${on(ARRIVAL_KEY)} ORDER BY ${ARRIVAL_KEY.join(', ')}`);
      await db.run(`CREATE OR REPLACE TEMP TABLE t${i} AS SELECT p.*, b.count AS truth FROM '${release}/arrivals_totals.parquet' p JOIN '${basisTotalsFile(basis, 'arrivals')}' b ON ${on(['view', 'grain', 'period', ...totalsDimensions('arrivals')])}`);
      attacked.push({ name: `r${i}`, detail: `d${i}`, totals: `t${i}` });
    }
    const withheldDetail = Number((await db.runAndReadAll('SELECT count(*) FROM d0 WHERE count_withheld')).getRows()[0]![0]);
    expect(withheldDetail, 'the fixture has withheld arrivals to attack').toBeGreaterThan(0);
    const k = thresholdOf('arrivals', 'count')!;
    const ranges = await crossReleaseRanges(db, 'arrivals', 'count', ARRIVAL_KEY, attacked);
    for (const cell of ranges) expect(cell.max - cell.min, `${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(k - 1e-6);
    // the attacker's unknowns, by the key it gives them: a withheld cell of a release, or a change involving one
    const unknown = new Set(ranges.map((r) => r.key));
    const cellKey = (id: string) => {
      const f = parseFigureId(id);
      const dims = new Map(f.dims);
      return [f.view, f.grain, f.period, ...totalsDimensions('arrivals').map((d) => dims.get(d) ?? '')].join('|');
    };
    const model = revisionsPageModel(revisions, await releaseLabels(second.dir), 'id');
    const shown = [...model.sentences.flatMap(mentions), ...model.tables.flatMap((t) => t.rows)].filter((m) => m.id.startsWith('arrivals|'));
    expect(shown.length).toBeGreaterThan(0);
    for (const m of shown) {
      const key = cellKey(m.id);
      if (unknown.has(`r0 ${key}`)) expect(m.before, m.id).toBe(WITHHELD.symbol);
      if (unknown.has(`r1 ${key}`)) expect(m.after, m.id).toBe(WITHHELD.symbol);
      if (unknown.has(`change r0 → r1: ${key}`)) expect(m.change, m.id).toBeUndefined();
    }
  }, 600_000);
});
