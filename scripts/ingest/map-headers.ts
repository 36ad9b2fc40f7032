/**
 * Matches the header cells of an export to the columns of a table, by the raw header names that
 * tables.ts declares. A unit after the name ("JUMLAH (ORANG)", "WNA Diperiksa [jiwa]") is read as
 * the name; a unit that scales the numbers ("Jumlah (ribu)") is refused. Reports missing, duplicated and unknown columns, and suggests the likely
 * intended column for a renamed one.
 */
import type { TableSpec } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { normaliseSpelling, similarity } from '../lib/normalise-spelling.ts';

export interface HeaderMapping {
  /** Schema column name → 0-based index of the file column. */
  indexOf: Map<string, number>;
  issues: PipelineIssue[];
}

/** Joins a merged two-row header: a cell spanning columns is carried right, then the second row appended. */
export function mergeTwoRowHeader(first: readonly string[], second: readonly string[]): string[] {
  let carried = '';
  return first.map((cell, i) => {
    if (cell !== '') carried = cell;
    const top = cell !== '' ? cell : (second[i] ?? '') !== '' ? carried : '';
    return [top, second[i] ?? ''].filter((s) => s !== '').join(' ');
  });
}

/** A trailing "(unit)" or "[unit]" after a header name, and the name without it. */
const UNIT = /^(.*\S)\s*[([]\s*([^()[\]]*?)\s*[)\]]$/;
/** Units that make the numbers something other than counts of people or events. */
const SCALING_UNITS = /^(ribu|ribuan|rb|juta|jt|%|persen|persentase|thousands?|millions?|percent)$/i;

export function mapHeaders(spec: TableSpec, header: readonly string[], file: string, headerRow: number): HeaderMapping {
  const indexOf = new Map<string, number>();
  const issues: PipelineIssue[] = [];
  const unknown: { cell: string; index: number }[] = [];
  const known = new Map<string, string>();
  for (const column of spec.rawColumns) for (const h of column.rawHeaders) known.set(normaliseSpelling(h), column.name);
  for (const column of spec.rawColumns) known.set(normaliseSpelling(column.name), column.name);

  header.forEach((cell, index) => {
    if (cell === '') return;
    const unit = cell.match(UNIT);
    const column = known.get(normaliseSpelling(cell)) ?? (unit ? known.get(normaliseSpelling(unit[1]!)) : undefined);
    if (column === undefined) return unknown.push({ cell, index });
    if (unit && SCALING_UNITS.test(unit[2]!) && spec.rawColumns.find((c) => c.name === column)?.parse === 'count') {
      issues.push({
        severity: 'error', code: 'scaled-count-column', file, row: headerRow, column: cell, found: `counts given in "${unit[2]}"`,
        expected: 'counts of people or events as whole numbers',
        fix: `Export the counts themselves (e.g. 1.234, not 1,2 ${unit[2]}) and name the column "${unit[1]}".`,
      });
    }
    const previous = indexOf.get(column);
    if (previous !== undefined) {
      issues.push({
        severity: 'error', code: 'duplicate-column', file, row: headerRow, column: cell, found: `"${header[previous]}" (column ${previous + 1}) and "${cell}" (column ${index + 1})`,
        expected: `one column for "${column}"`,
        fix: `Keep one of the two columns that both mean "${column}" and delete the other.`,
      });
      return;
    }
    indexOf.set(column, index);
  });

  for (const column of spec.rawColumns) {
    if (indexOf.has(column.name) || column.optional) continue;
    const guess = unknown
      .map((u) => ({ ...u, score: Math.max(...column.rawHeaders.map((h) => similarity(normaliseSpelling(u.cell), h))) }))
      .sort((a, b) => b.score - a.score)[0];
    // A close spelling, or else the only unread column when only this one is missing ("Citizenship").
    const missing = spec.rawColumns.filter((c) => !indexOf.has(c.name) && !c.optional);
    const renamed = guess && guess.score >= 0.5 ? guess : missing.length === 1 && unknown.length === 1 ? unknown[0] : undefined;
    issues.push({
      severity: 'error', code: 'missing-column', file, row: headerRow, column: column.rawHeaders[0]!,
      found: renamed ? `a column named "${renamed.cell}"` : `columns ${header.filter(Boolean).map((h) => `"${h}"`).join(', ')}`,
      expected: `a column named ${column.rawHeaders.slice(0, 3).map((h) => `"${h}"`).join(' or ')}`,
      fix: renamed
        ? `Rename column "${renamed.cell}" to "${column.rawHeaders[0]}" if it holds ${column.description.toLowerCase()}`
        : `Add the column "${column.rawHeaders[0]}" (${column.description}) to the export.`,
    });
  }
  for (const u of unknown) {
    issues.push({
      severity: 'warning', code: 'unknown-column', file, row: headerRow, column: u.cell, found: u.cell,
      expected: `one of the columns of "${spec.name}"`,
      fix: 'The column was ignored. Remove it from the export, or ask for it to be added to the data model.',
    });
  }
  return { indexOf, issues };
}
