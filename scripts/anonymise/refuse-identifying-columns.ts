/**
 * The first anonymisation rule: a snapshot carrying columns that identify a person (names,
 * passport or NIK numbers, birth dates, addresses, contacts) is refused outright, before any value
 * is read. The pipeline publishes counts only; microdata never enters it.
 */
import { IDENTIFYING_HEADERS } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { normaliseSpelling } from '../validate/normalise-spelling.ts';

const IDENTIFYING = new Set(IDENTIFYING_HEADERS.map(normaliseSpelling));

export function refuseIdentifyingColumns(file: string, header: readonly string[], headerRow: number): PipelineIssue[] {
  return header
    .filter((cell) => IDENTIFYING.has(normaliseSpelling(cell)))
    .map((cell) => ({
      severity: 'error',
      code: 'identifying-column',
      file,
      row: headerRow,
      column: cell,
      found: cell,
      expected: 'aggregate counts only, with no column that identifies a person',
      fix: `Delete the column "${cell}" (and any other personal data) and send counts per cell only. Personal data must not leave the office system.`,
    }));
}
