/**
 * The first anonymisation rule: a snapshot carrying columns that identify a person (names,
 * passport or NIK numbers, birth dates, addresses, contacts) is refused outright, before any value
 * is read. A header is recognised by its words (personal-headers.ts), so "Nama WNA" and "Nomor
 * Paspor WNA" are refused as "Nama" and "No. Paspor" are; a column of the table itself ("Nama TPI")
 * never is. The pipeline publishes counts only; microdata never enters it.
 */
import type { TableSpec } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import { personalHeaderKind } from '../lib/personal-headers.ts';

export function refuseIdentifyingColumns(spec: TableSpec, file: string, header: readonly string[], headerRow: number): PipelineIssue[] {
  const own = new Set(spec.rawColumns.flatMap((c) => [c.name, ...c.rawHeaders]).map(normaliseSpelling));
  return header.flatMap((cell) => {
    const kind = own.has(normaliseSpelling(cell)) ? null : personalHeaderKind(cell);
    if (!kind) return [];
    return [{
      severity: 'error' as const,
      code: 'identifying-column',
      file,
      row: headerRow,
      column: cell,
      found: `a column "${cell}", which names ${kind}`,
      expected: 'aggregate counts only, with no column that identifies a person',
      fix: `Delete the column "${cell}" (and any other personal data) and send counts per cell only. Personal data must not leave the office system. If the column holds no personal data, give it a name that says what it holds.`,
    }];
  });
}
