/**
 * Ingest and validation of one export, without publishing: the issues a file alone gets, for
 * tests that vary one bad input many ways (a whole pipeline run costs a second or two each).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES, type TableName } from '../../src/schema/tables.ts';
import { ingestFile } from '../../scripts/ingest/ingest-file.ts';
import { openDuckDb } from '../../scripts/lib/duckdb.ts';
import type { PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';
import { validateTable } from '../../scripts/validate/validate-table.ts';
import { reference } from './pipeline-fixture.ts';

export interface CheckOptions {
  coverage?: { from: string; to: string };
  /** The sheet snapshot.json would name. */
  sheet?: string;
}

/** Every issue (errors and warnings) for `content` as the table's export `<rawFile>.<extension>`. */
export async function checkExport(table: TableName, extension: 'csv' | 'xlsx', content: string | Buffer, options: CheckOptions = {}): Promise<PipelineIssue[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-check-'));
  const path = join(dir, `${TABLES[table].rawFile}.${extension}`);
  writeFileSync(path, content);
  const { ingested, issues } = await ingestFile(TABLES[table], path, path, dir, { sheet: options.sheet });
  if (!ingested) return issues;
  const db = await openDuckDb();
  try {
    const result = await validateTable(db, TABLES[table], ingested, reference, options.coverage ?? { from: '2024-01', to: '2024-12' });
    return [...issues, ...result.issues];
  } finally {
    db.closeSync();
  }
}

/** One line per issue, for assertion messages. */
export const describeIssues = (issues: readonly PipelineIssue[]): string =>
  issues.map((i) => `${i.severity} ${i.code} row ${i.row} col ${i.column} found ${JSON.stringify(i.found)} fix ${i.fix}`).join('\n');
