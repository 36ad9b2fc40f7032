/**
 * Notes under a table, recognised by their shape rather than by a word list: a row with one filled
 * cell that is not a value of its column ("Sumber: Seksi Inteldakim", "*) data sementara",
 * "Keterangan", a source line typed into the count column). Below the last data row such rows are
 * notes: skipped, and the manifest says so in one warning. Among the data rows a lone cell is one
 * clear error for the row, never five misleading ones (a month "to use from the reference list",
 * missing counts…) as when it was read as a data row.
 */
import type { TableSpec } from '../../src/schema/tables.ts';
import { sqlIdent, type Db } from '../lib/duckdb.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import type { IngestedFile } from '../ingest/ingest-file.ts';
import { KIND } from './cell-codes.ts';

const SHOWN = 5;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** The lone-cell rows of a numbered checked table: notes below the data (a warning), stray rows among it (errors). */
export async function describeLoneRows(db: Db, spec: TableSpec, checked: string, ingested: IngestedFile): Promise<PipelineIssue[]> {
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const text = `coalesce(${columns.map((c) => `nullif(trim(${sqlIdent(`${c.name}__raw`)}), '')`).join(', ')})`;
  const column = `CASE ${columns.map((c) => `WHEN nullif(trim(${sqlIdent(`${c.name}__raw`)}), '') IS NOT NULL THEN ${`'${c.name}'`}`).join(' ')} END`;
  const all = (await db.runAndReadAll(
    `SELECT __row, ${text} AS text, ${column} AS col, __row > (SELECT coalesce(max(__row), -1) FROM ${checked} WHERE __kind IN (${KIND.data}, ${KIND.total})) AS below
     FROM ${checked} WHERE __kind = ${KIND.lone} ORDER BY __row`,
  )).getRows().map(([row, value, col, below]) => ({ row: Number(row), text: String(value ?? ''), column: String(col ?? ''), below: below === true }));
  const found = await ingested.lineOf(all.map((r) => r.row));
  const line = (row: number) => found.get(row) ?? row + 1;
  // A cross-tab's file row is several long rows: one note, once.
  const seen = new Set<number>();
  const rows = all.filter((r) => !seen.has(line(r.row)) && seen.add(line(r.row)));
  const issues: PipelineIssue[] = [];

  const notes = rows.filter((r) => r.below);
  if (notes.length > 0) {
    issues.push({
      severity: 'warning', code: 'note-rows-skipped', file: ingested.file, table: spec.name, row: line(notes[0]!.row),
      found: notes.slice(0, SHOWN).map((n) => short(n.text)).join(' | ') + (notes.length > SHOWN ? ` and ${notes.length - SHOWN} more` : ''),
      fix: `${notes.length} note row(s) below the data (row${notes.length > 1 ? 's' : ''} ${notes.map((n) => line(n.row)).join(', ')}) were skipped, not read as data.`,
    });
  }
  const stray = rows.filter((r) => !r.below);
  stray.slice(0, SHOWN).forEach((r, i) => {
    const header = ingested.headerOf.get(ingested.columns.get(r.column) ?? '') ?? r.column;
    issues.push({
      severity: 'error', code: 'lone-cell-row', file: ingested.file, table: spec.name, row: line(r.row), column: header,
      found: r.text, expected: `a data row with every column of "${spec.name}" filled, or a note below the last data row`,
      fix: `The row holds one cell only. If it is a note (source, remark, "data sementara"), move it below the table; if it is data, fill in the other columns.`,
      ...(i === 0 && stray.length > 1 ? { ruleTotal: { rows: stray.length, values: new Set(stray.map((s) => s.text)).size } } : {}),
    });
  });
  return issues;
}
