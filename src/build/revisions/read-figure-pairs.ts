/**
 * Reads, from two published release folders, what compare-releases.ts compares (Node, site build):
 * the figures of `<table>_totals.parquet` whose published value or withheld flag differs between
 * the releases, in the periods both cover the same months of (comparable-periods.ts); and the
 * national figures of the months the newer release adds. Only the published files are read, never
 * a basis: the page can say nothing the releases do not.
 */
import { join } from 'node:path';
import { DISCLOSURE, totalsDimensions, totalsTableName, withheldColumn, type PeriodGrain } from '../../schema/disclosure.ts';
import type { Manifest } from '../../schema/manifest.ts';
import { TABLE_NAMES, type TableName } from '../../schema/tables.ts';
import { sqlIdent, sqlString } from '../../shared/sql-text.ts';
import { queryPublished, type PlainRow } from '../query-published.ts';
import { comparablePeriods, droppedMonths, newMonths, type MonthSpan } from './comparable-periods.ts';
import { compareReleases, type FigureKey, type FigurePair, type PublishedValue, type ReleaseComparison } from './compare-releases.ts';

/** A release folder and its manifest. */
export interface PublishedRelease { dir: string; manifest: Manifest }

/** A national figure of a month the newer release adds: the first view of the table (the national total, or per metric and agency). */
export interface NewMonthFigure { key: FigureKey; value: PublishedValue }

export const tableSpan = (manifest: Manifest, table: TableName): MonthSpan => manifest.tableCoverage?.[table] ?? manifest.coverage;

const totalsFile = (release: PublishedRelease, table: TableName) => sqlString(join(release.dir, release.manifest.tables[totalsTableName(table)]!.file));

function keyOf(table: TableName, measure: string, row: PlainRow): FigureKey {
  const view = DISCLOSURE[table].views.find((v) => v.name === row.view)!;
  const dims: Record<string, string | boolean> = {};
  for (const d of view.dims) dims[d] = row[d] as string | boolean;
  return { table, measure, view: view.name, grain: row.grain as PeriodGrain, period: String(row.period), dims };
}

/** The pairs of one table and measure that differ, in the periods given. */
async function tablePairs(before: PublishedRelease, after: PublishedRelease, table: TableName, measure: string): Promise<FigurePair[]> {
  const periods = comparablePeriods(tableSpan(before.manifest, table), tableSpan(after.manifest, table));
  if (periods.length === 0) return [];
  const dims = totalsDimensions(table);
  const m = sqlIdent(measure);
  const w = sqlIdent(withheldColumn(measure));
  const side = (file: string) => `SELECT t.view::VARCHAR AS view, t.grain::VARCHAR AS grain, t.period, ${dims.map((d) => `t.${sqlIdent(d)}`).join(', ')}, t.${m} AS v, coalesce(t.${w}, false) AS w
    FROM read_parquet(${file}) t JOIN periods p ON t.grain::VARCHAR = p.grain AND t.period = p.period WHERE t.${m} IS NOT NULL OR t.${w}`;
  const sql = `WITH periods(grain, period) AS (VALUES ${periods.map((p) => `(${sqlString(p.grain)}, DATE ${sqlString(p.period)})`).join(', ')}),
    x AS (${side(totalsFile(before, table))}), y AS (${side(totalsFile(after, table))})
    SELECT coalesce(x.view, y.view) AS view, coalesce(x.grain, y.grain) AS grain, coalesce(x.period, y.period) AS period,
      ${dims.map((d) => `coalesce(x.${sqlIdent(d)}, y.${sqlIdent(d)}) AS ${sqlIdent(d)}`).join(', ')},
      x.view IS NULL AS b_absent, x.v AS b_v, x.w AS b_w, y.view IS NULL AS a_absent, y.v AS a_v, y.w AS a_w
    FROM x FULL JOIN y ON x.view = y.view AND x.grain = y.grain AND x.period = y.period AND ${dims.map((d) => `x.${sqlIdent(d)} IS NOT DISTINCT FROM y.${sqlIdent(d)}`).join(' AND ')}
    WHERE x.view IS NULL OR y.view IS NULL OR x.v IS DISTINCT FROM y.v OR x.w <> y.w
    ORDER BY ALL`;
  const value = (absent: unknown, v: unknown, w: unknown): PublishedValue => (absent === true ? 0 : w === true ? null : Number(v));
  return (await queryPublished(sql, after.dir)).map((row) => ({
    key: keyOf(table, measure, row),
    before: value(row.b_absent, row.b_v, row.b_w),
    after: value(row.a_absent, row.a_v, row.a_w),
  }));
}

/** The national figures (the table's first view, by month) of the months the newer release adds. */
async function newMonthFigures(after: PublishedRelease, table: TableName, measure: string, months: readonly string[]): Promise<NewMonthFigure[]> {
  if (months.length === 0) return [];
  const view = DISCLOSURE[table].views[0]!;
  const sql = `SELECT view::VARCHAR AS view, grain::VARCHAR AS grain, period, ${view.dims.map(sqlIdent).join(', ') || 'NULL AS none'}, ${sqlIdent(measure)} AS v, coalesce(${sqlIdent(withheldColumn(measure))}, false) AS w
    FROM read_parquet(${totalsFile(after, table)}) WHERE view = ${sqlString(view.name)} AND grain = 'month' AND strftime(period, '%Y-%m') IN (${months.map(sqlString).join(', ')})
      AND (${sqlIdent(measure)} IS NOT NULL OR ${sqlIdent(withheldColumn(measure))}) ORDER BY ALL`;
  return (await queryPublished(sql, after.dir)).map((row) => ({ key: keyOf(table, measure, row), value: row.w === true ? null : Number(row.v) }));
}

export interface ReleaseRevisions extends ReleaseComparison {
  newMonthFigures: NewMonthFigure[];
}

/** What changed from one release to the next, from their published files. */
export async function readReleaseRevisions(before: PublishedRelease, after: PublishedRelease): Promise<ReleaseRevisions> {
  const pairs: FigurePair[] = [];
  const added: Partial<Record<TableName, string[]>> = {};
  const dropped: Partial<Record<TableName, string[]>> = {};
  const figures: NewMonthFigure[] = [];
  for (const table of TABLE_NAMES) {
    if (!before.manifest.tables[totalsTableName(table)] || !after.manifest.tables[totalsTableName(table)]) continue;
    const [a, b] = [tableSpan(before.manifest, table), tableSpan(after.manifest, table)];
    added[table] = newMonths(a, b);
    dropped[table] = droppedMonths(a, b);
    for (const { name } of DISCLOSURE[table].measures) {
      pairs.push(...(await tablePairs(before, after, table, name)));
      figures.push(...(await newMonthFigures(after, table, name, added[table]!)));
    }
  }
  const comparison = compareReleases({
    before: before.manifest.snapshotDate,
    after: after.manifest.snapshotDate,
    pairs,
    newMonths: added,
    droppedMonths: dropped,
    ...(after.manifest.revisions ? { revisions: after.manifest.revisions } : {}),
  });
  return { ...comparison, newMonthFigures: figures };
}
