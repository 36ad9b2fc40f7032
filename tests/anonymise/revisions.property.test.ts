/**
 * Property: random revisions across three public releases of a registry table — late
 * reports, deletions, corrections of 1..k−1, a person moving between regencies, a new regency, large
 * revisions — go through the pipeline's own revision hold and disclosure control
 * (scripts/anonymise/protect-table.ts). Then an attacker holding any two of the releases, or all
 * three, who even knows which rows a revision left unchanged, finds every withheld value's feasible
 * range at least k wide; and no figure published by two releases differs between them by 1..k−1.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectTable } from '../../scripts/anonymise/protect-table.ts';
import type { RevisionBase } from '../../scripts/anonymise/hold-revisions.ts';
import { basisRowsFile, basisTotalsFile } from '../../scripts/anonymise/release-basis.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE, totalsDimensions } from '../../src/schema/disclosure.ts';
import { tempDir } from '../helpers/pipeline-fixture.ts';
import { crossReleaseRanges, type AttackedRelease } from './cross-release-attacker.ts';

const K = DISCLOSURE.registry.measures[0]!.k!;
const REGIONS = ['3201', '3202', '3203', '3301', '3302'];
const NEW_REGION = '3303';
const AGENCIES = ['disdukcapil', 'imigrasi'];
/**
 * Release i covers January to COVERAGE_TO[i] 2024. The rows are foreign residents as a registry
 * reports them by regency and month: the registry design that publishes detail rows (mixed
 * marriages publish none), so the attacker's unknowns are the rows themselves.
 */
const COVERAGE_TO = ['2024-04', '2024-05', '2024-06'];

type Rows = Map<string, number>; // "YYYY-MM|region|agency" → count

const count = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 10, max: 80 }) });

/** A revision, as offices send them: picks are indices into the rows of the published months. */
const revision = fc.oneof(
  fc.record({ kind: fc.constant('late' as const), pick: fc.nat(), by: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), by: fc.integer({ min: -(K - 1), max: K - 1 }) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('new' as const), pick: fc.nat(), by: fc.integer({ min: 1, max: K - 1 }) }),
  fc.record({ kind: fc.constant('large' as const), pick: fc.nat(), by: fc.integer({ min: K, max: 3 * K }) }),
);

type Revision = typeof revision extends fc.Arbitrary<infer T> ? T : never;

const history = fc.record({
  values: fc.array(count, { minLength: 6 * REGIONS.length * AGENCIES.length, maxLength: 6 * REGIONS.length * AGENCIES.length }),
  revisions: fc.tuple(fc.array(revision, { maxLength: 4 }), fc.array(revision, { maxLength: 4 })),
});

function initialRows(values: readonly number[], to: string): Rows {
  const rows: Rows = new Map();
  let i = 0;
  for (let m = 1; m <= 6; m++) for (const r of REGIONS) for (const a of AGENCIES) {
    const month = `2024-0${m}`;
    const v = values[i++]!;
    if (month <= to && v > 0) rows.set(`${month}|${r}|${a}`, v);
  }
  return rows;
}

/** The next snapshot: the same rows, the next month added from the generated values, and the revisions applied to months already published. */
function revise(rows: Rows, values: readonly number[], to: string, publishedTo: string, revisions: readonly Revision[]): Rows {
  const next = new Map(rows);
  for (const [key, v] of initialRows(values, to)) if (key.slice(0, 7) > publishedTo) next.set(key, v);
  for (const r of revisions) {
    const old = [...next.keys()].filter((k) => k.slice(0, 7) <= publishedTo).sort();
    if (old.length === 0) continue;
    const key = old[r.pick % old.length]!;
    const v = next.get(key)!;
    const [month, , agency] = key.split('|');
    switch (r.kind) {
      case 'late': case 'large': next.set(key, v + r.by); break;
      case 'remove': next.delete(key); break;
      case 'correct': if (v + r.by > 0) next.set(key, v + r.by); else next.delete(key); break;
      case 'move': {
        const targets = REGIONS.map((x) => `${month}|${x}|${agency}`).filter((k) => k !== key);
        const target = targets[r.to % targets.length]!;
        if (v > 1) next.set(key, v - 1); else next.delete(key);
        next.set(target, (next.get(target) ?? 0) + 1);
        break;
      }
      case 'new': next.set(`${month}|${NEW_REGION}|${agency}`, (next.get(`${month}|${NEW_REGION}|${agency}`) ?? 0) + r.by); break;
    }
  }
  return next;
}

describe('revisions across public releases', () => {
  let db: Db;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.closeSync());

  it('never lets two or three releases together narrow a withheld value below k, nor show a change of 1..k−1', async () => {
    await fc.assert(fc.asyncProperty(history, async (h) => {
      const root = tempDir('pantau-revisions-');
      const snapshots: Rows[] = [initialRows(h.values, COVERAGE_TO[0]!)];
      snapshots.push(revise(snapshots[0]!, h.values, COVERAGE_TO[1]!, COVERAGE_TO[0]!, h.revisions[0]));
      snapshots.push(revise(snapshots[1]!, h.values, COVERAGE_TO[2]!, COVERAGE_TO[1]!, h.revisions[1]));
      const attacked: AttackedRelease[] = [];
      let base: RevisionBase | null = null;
      for (const [i, rows] of snapshots.entries()) {
        const release = join(root, `release-${i}`);
        const basis = join(root, `basis-${i}`);
        await db.run(`CREATE OR REPLACE TEMP TABLE rows_registry AS SELECT * FROM (VALUES ${[...rows].map(([key, v]) => {
          const [month, region, agency] = key.split('|');
          return `(DATE '${month}-01', '${region}', '${agency}', 'foreign_residents', ${v}::BIGINT, '${region!.slice(0, 2)}')`;
        }).join(', ')}) v(month, region_code, source_agency, metric, count, province_code) ORDER BY ALL`);
        const coverage = { from: '2024-01', to: COVERAGE_TO[i]! };
        mkdirSync(release, { recursive: true });
        mkdirSync(basis, { recursive: true });
        await protectTable(db, { table: 'registry', rows: 'rows_registry', coverage, audience: 'public', base, frozenFrom: base?.releaseDir ?? null, basisStaging: basis, watch: (_label, run) => run() });
        await db.run(`COPY published_registry TO '${release}/registry.parquet' (FORMAT parquet); COPY totals_registry TO '${release}/registry_totals.parquet' (FORMAT parquet)`);
        // what the attacker tables hold: the published files, and the true values the test knows (the basis)
        const on = (columns: readonly string[]) => columns.map((c) => `p.${c} IS NOT DISTINCT FROM b.${c}`).join(' AND ');
        await db.run(`CREATE OR REPLACE TEMP TABLE d${i} AS SELECT p.*, b.count AS truth FROM '${release}/registry.parquet' p JOIN '${basisRowsFile(basis, 'registry')}' b ON ${on(['month', 'region_code', 'source_agency', 'metric'])} ORDER BY p.month, p.region_code, p.source_agency`);
        await db.run(`CREATE OR REPLACE TEMP TABLE t${i} AS SELECT p.*, b.count AS truth FROM '${release}/registry_totals.parquet' p JOIN '${basisTotalsFile(basis, 'registry')}' b ON ${on(['view', 'grain', 'period', ...totalsDimensions('registry')])}`);
        attacked.push({ name: `release ${i + 1}`, detail: `d${i}`, totals: `t${i}` });
        base = { releaseDir: release, basisDir: basis, coverage, snapshotDate: `2024-0${i + 5}-05` };
      }
      // no published 1..k−1, and no figure two releases publish differs by 1..k−1
      for (const i of [0, 1, 2]) expect(Number((await db.runAndReadAll(`SELECT count(*) FROM (SELECT count FROM d${i} UNION ALL SELECT count FROM t${i}) WHERE count BETWEEN 1 AND ${K - 1}`)).getRows()[0]![0])).toBe(0);
      for (const [a, b] of [[0, 1], [1, 2], [0, 2]] as const) {
        const small = async (x: string, y: string, columns: readonly string[]) => Number((await db.runAndReadAll(`SELECT count(*) FROM ${x} p JOIN ${y} b ON ${columns.map((c) => `p.${c} IS NOT DISTINCT FROM b.${c}`).join(' AND ')}
          WHERE NOT p.count_withheld AND NOT b.count_withheld AND abs(p.count - b.count) BETWEEN 1 AND ${K - 1}`)).getRows()[0]![0]);
        expect(await small(`d${a}`, `d${b}`, ['month', 'region_code', 'source_agency', 'metric']), `detail, releases ${a + 1} and ${b + 1}`).toBe(0);
        expect(await small(`t${a}`, `t${b}`, ['view', 'grain', 'period', ...totalsDimensions('registry')]), `totals, releases ${a + 1} and ${b + 1}`).toBe(0);
      }
      for (const group of [[0, 1], [1, 2], [0, 2], [0, 1, 2]]) {
        for (const cell of await crossReleaseRanges(db, 'registry', 'count', ['month', 'region_code', 'source_agency', 'metric'], group.map((i) => attacked[i]!))) {
          expect(cell.max - cell.min, `releases ${group.map((i) => i + 1).join('+')}: ${cell.key} = ${cell.truth} lies in [${cell.min}, ${cell.max}]`).toBeGreaterThanOrEqual(K - 1e-6);
        }
      }
    }), { numRuns: 12, seed: 21 });
  }, 600_000);
});
