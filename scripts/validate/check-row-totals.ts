/**
 * A cross-tab's total column ("Jumlah" beside "Januari" … "Desember", or beside "Laki-laki" and
 * "Perempuan"): never read as a count, but every row's stated total must equal the sum of its
 * cells, or the snapshot is refused naming the row. A total that disagrees means a cell was changed
 * after the total was computed, or a column is missing from the export: either way the cells cannot
 * be trusted as they are. Rows with a cell that is not a count are left to the count rules.
 */
import type { TableSpec } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import type { IngestedFile } from '../ingest/ingest-file.ts';
import { detectNumberConvention, parseCount } from './parse-count.ts';

const SHOWN = 5;

export async function checkRowTotals(db: Db, spec: TableSpec, ingested: IngestedFile): Promise<PipelineIssue[]> {
  const crossTab = ingested.crossTab;
  const totalIndex = crossTab?.layout.totalIndex ?? null;
  if (!crossTab || totalIndex === null) return [];
  const { layout } = crossTab;
  const cells = layout.spread.map((c) => `c${c.index}`);
  const total = `c${totalIndex}`;
  const rows = `row_totals_${spec.name}`;
  const map = `row_total_values_${spec.name}`;
  await db.run('SET preserve_insertion_order = true');
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(rows)} AS SELECT ${[...cells, total].join(', ')} FROM ${crossTab.fileRelation}`);
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
  const distinct = (await db.runAndReadAll(`SELECT DISTINCT coalesce(v, '') FROM (SELECT unnest([${[...cells, total].join(', ')}]) AS v FROM ${sqlIdent(rows)})`)).getRows().map(([v]) => String(v));
  const { convention } = detectNumberConvention(distinct, ingested.delimiter);
  const values = distinct.flatMap((raw) => {
    const parsed = parseCount(raw, convention);
    return parsed.status === 'ok' ? [[raw, parsed.value!] as const] : parsed.status === 'blank' ? [[raw, 0] as const] : [];
  });
  await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(map)} (raw VARCHAR, value DOUBLE)`);
  if (values.length > 0) await db.run(`INSERT INTO ${sqlIdent(map)} VALUES ${values.map(([raw, value]) => `(${sqlString(raw)}, ${value})`).join(', ')}`);
  const mismatches = (await db.runAndReadAll(`
    WITH parts AS (SELECT rowid AS r, unnest([${cells.join(', ')}]) AS v FROM ${sqlIdent(rows)}),
    sums AS (SELECT r, sum(m.value) AS s, count(*) FILTER (WHERE m.raw IS NULL) AS unread FROM parts LEFT JOIN ${sqlIdent(map)} m ON m.raw = coalesce(parts.v, '') GROUP BY r)
    SELECT t.rowid, t.${total} AS stated_text, tm.value AS stated, sums.s AS sum
    FROM ${sqlIdent(rows)} t JOIN ${sqlIdent(map)} tm ON tm.raw = t.${total} JOIN sums ON sums.r = t.rowid
    WHERE trim(t.${total}) <> '' AND sums.unread = 0 AND tm.value <> sums.s ORDER BY t.rowid`)).getRows()
    .map(([r, text, stated, sum]) => ({ row: Number(r), text: String(text), stated: Number(stated), sum: Number(sum) }));
  await db.run(`DROP TABLE ${sqlIdent(rows)}`);
  await db.run(`DROP TABLE ${sqlIdent(map)}`);
  if (mismatches.length === 0) return [];
  const lines = await crossTab.fileLineOf(mismatches.slice(0, SHOWN).map((m) => m.row));
  const span = `${layout.spread[0]!.header} … ${layout.spread.at(-1)!.header}`;
  return mismatches.slice(0, SHOWN).map((m, i) => ({
    severity: 'error' as const, code: 'row-total-mismatch', file: ingested.file, table: spec.name, row: lines.get(m.row) ?? m.row + 1,
    column: layout.totalHeader ?? 'Jumlah', found: `a row total of ${m.stated}`, expected: `the sum of the row's ${layout.spread.length} cells (${span}), ${m.sum}`,
    fix: `The total does not match its row: a cell was changed after the total was computed, or a ${layout.column.rawHeaders[0]} column is missing from the export. Correct the cells (the total column is only checked, never published: the dashboard adds the cells itself), or remove the total column.`,
    ...(i === 0 && mismatches.length > 1 ? { ruleTotal: { rows: mismatches.length, values: new Set(mismatches.map((x) => x.text)).size } } : {}),
  }));
}

