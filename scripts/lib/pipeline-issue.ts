/**
 * Problems found in a snapshot, in one shape: where (file, row, column), what was found, what was
 * expected, and what to do. Errors stop the publication; warnings go into the manifest.
 */
import type { TableName } from '../../src/schema/tables.ts';

export type Severity = 'error' | 'warning';

export interface PipelineIssue {
  severity: Severity;
  /** Stable identifier, e.g. "count-fractional"; tests and docs refer to it. */
  code: string;
  file: string;
  table?: TableName;
  /** 1-based line in the file (CSV) or sheet row (XLSX); absent when the issue is about the whole file. */
  row?: number;
  column?: string;
  /** The value found, as written in the file. */
  found?: string;
  expected?: string;
  /** What the analyst should do. */
  fix: string;
  /** How many more rows share this problem beyond the ones listed. */
  moreRows?: number;
  /**
   * A rule's issues list at most its first five values: how many rows fail the rule in all, and
   * with how many different values (set on the first issue of the rule only).
   */
  ruleTotal?: { rows: number; values: number };
}

/** Thrown when a snapshot cannot be published; carries every error found, not just the first. */
export class SnapshotRejectedError extends Error {
  readonly issues: PipelineIssue[];
  readonly exitCode = 2;
  constructor(issues: PipelineIssue[]) {
    super(`Snapshot refused: ${issues.filter((i) => i.severity === 'error').length} error(s).\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'SnapshotRejectedError';
    this.issues = issues;
  }
}

/** One line a person can act on: `file, row 14, column "Jumlah": found "1.234,5"; expected …. Fix: …` */
export function formatIssue(issue: PipelineIssue): string {
  const where = [issue.file];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) where.push(`column "${issue.column}"`);
  const parts = [`${issue.severity.toUpperCase()} [${issue.code}] ${where.join(', ')}:`];
  if (issue.found !== undefined) parts.push(`found "${issue.found}";`);
  if (issue.expected !== undefined) parts.push(`expected ${issue.expected}.`);
  parts.push(`Fix: ${issue.fix}`);
  if (issue.moreRows) parts.push(`(${issue.moreRows} more row(s) with the same problem)`);
  if (issue.ruleTotal && issue.ruleTotal.values > 1) parts.push(`[${issue.ruleTotal.rows} row(s) in all fail this check, with ${issue.ruleTotal.values} different values${issue.ruleTotal.values > 5 ? '; the first 5 are listed' : ''}]`);
  return parts.join(' ');
}

export const isError = (issue: PipelineIssue): boolean => issue.severity === 'error';
