/**
 * The same rule for values: a file whose cells hold a passport or NIK number, a name after "a.n.",
 * a birth date, an e-mail address or a phone number is refused, naming the column and the row,
 * whatever the column is called and whether or not the table reads it.
 *
 * Cheap on a large file: the columns the table reads are judged on their distinct values, which
 * validation's profile scan has already collected; the columns it ignores are counted in that same
 * scan, in DuckDB (`personalDataGate`). Only a file that holds personal data is read again, to name
 * the rows.
 */
import { sqlIdent, sqlStringList, type Db } from '../lib/duckdb.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import type { IngestedFile } from '../ingest/ingest-file.ts';
import type { TableSpec } from '../../src/schema/tables.ts';
import type { ProfileGate } from '../validate/validate-table.ts';
import { personalValue, personalValueSql } from './personal-values.ts';

/** For the profile scan: per ignored column, the number of its rows holding personal data. */
const personalValueCounts = (ingested: IngestedFile): string[] =>
  ingested.ignoredColumns.map((c) => `count(*) FILTER (WHERE ${personalValueSql(sqlIdent(c.column))})::BIGINT`);

/** The rule as a gate on validation's profile scan (validate-table.ts). */
export const personalDataGate = (db: Db, spec: TableSpec, ingested: IngestedFile): ProfileGate => ({
  aggregates: personalValueCounts(ingested),
  check: (distinct, counts) => refuseIdentifyingValues(db, spec, ingested, distinct, counts),
});

interface Finding {
  label: string;
  column: string;
  /** SQL: the rows holding personal data in this column. */
  where: string;
}

export async function refuseIdentifyingValues(db: Db, spec: TableSpec, ingested: IngestedFile, distinct: ReadonlyMap<string, readonly string[]>, ignoredCounts: readonly number[]): Promise<PipelineIssue[]> {
  const findings: Finding[] = [];
  for (const column of spec.rawColumns) {
    const raw = ingested.columns.get(column.name);
    const flagged = (distinct.get(column.name) ?? []).filter((v) => personalValue(v) !== null);
    if (raw && flagged.length > 0) findings.push({ label: ingested.headerOf.get(raw) ?? column.rawHeaders[0]!, column: raw, where: `${sqlIdent(raw)} IN (${sqlStringList(flagged)})` });
  }
  ingested.ignoredColumns.forEach((c, i) => {
    if ((ignoredCounts[i] ?? 0) > 0) findings.push({ label: c.label, column: c.column, where: personalValueSql(sqlIdent(c.column)) });
  });
  if (findings.length === 0) return [];

  // the rows, numbered in file order, to name the first row of each finding
  const numbered = `personal_${spec.name}`;
  await db.run('SET preserve_insertion_order = true');
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${sqlIdent(numbered)} AS SELECT * FROM ${ingested.relation}`);
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
  const located: { finding: Finding; first: number; n: number; value: string }[] = [];
  for (const finding of findings) {
    const row = (await db.runAndReadAll(`SELECT min(rowid), count(*), arg_min(${sqlIdent(finding.column)}, rowid) FROM ${sqlIdent(numbered)} WHERE ${finding.where}`)).getRows()[0]!;
    if (Number(row[1]) > 0) located.push({ finding, first: Number(row[0]), n: Number(row[1]), value: String(row[2]) });
  }
  await db.run(`DROP TABLE ${sqlIdent(numbered)}`);
  const lines = await ingested.lineOf(located.map((l) => l.first));
  return located.map(({ finding, first, n, value }) => {
    const what = personalValue(value);
    return {
      severity: 'error' as const,
      code: 'identifying-value',
      file: ingested.file,
      table: spec.name,
      row: lines.get(first) ?? first + 1,
      column: finding.label,
      found: what ? `${what.kind}: "${what.masked}"` : 'personal data',
      expected: 'counts and codes only: no passport or NIK number, name, birth date, address or contact',
      fix: `Remove the personal data from column "${finding.label}" (every row holding it) and export again, or delete the column if the table does not need it. Personal data must not leave the office system.`,
      ...(n > 1 ? { moreRows: n - 1 } : {}),
    };
  });
}
