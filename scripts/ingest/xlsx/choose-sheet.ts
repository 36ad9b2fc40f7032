/**
 * Which sheet of a workbook holds the table. Only a visible worksheet is ever read: a hidden or
 * very hidden sheet often keeps last year's or working figures, so it is never read, even when
 * named, and its presence is a warning in the manifest. With one visible worksheet, that one;
 * with several, the one whose header has the table's columns, or the one snapshot.json names
 * (`"sheets": { "arrivals": "Kedatangan" }`). Two that could both be the table are refused.
 */
import type { TableSpec } from '../../../src/schema/tables.ts';
import type { PipelineIssue } from '../../lib/pipeline-issue.ts';
import { mapHeaders } from '../map-headers.ts';
import type { OpenWorkbook } from './open-workbook.ts';
import { readSheetHead } from './read-sheet-head.ts';
import type { SheetSource } from './read-sheet-rows.ts';
import type { SheetEntry } from './read-workbook-sheets.ts';
import { findXlsxHeader } from './xlsx-header.ts';

export interface SheetChoice {
  sheet: SheetSource | null;
  issues: PipelineIssue[];
}

const STATE_WORDS = { visible: 'visible', hidden: 'hidden', veryHidden: 'very hidden' } as const;
const quoted = (sheets: readonly SheetEntry[]) => sheets.map((s) => `"${s.name}"`).join(', ');

function source(book: OpenWorkbook, sheet: SheetEntry): SheetSource {
  return { name: sheet.name, part: sheet.part!, sharedStrings: book.sharedStrings, dateStyles: book.dateStyles };
}

/** Whether a sheet's first rows hold a header with every required column of the table. */
async function hasTableHeader(book: OpenWorkbook, spec: TableSpec, sheet: SheetEntry): Promise<boolean> {
  const header = findXlsxHeader(await readSheetHead(book, source(book, sheet)));
  return header !== null && !mapHeaders(spec, header.header, '', header.headerLine + 1).issues.some((i) => i.severity === 'error');
}

export async function chooseSheet(book: OpenWorkbook, spec: TableSpec, file: string, named?: string): Promise<SheetChoice> {
  const issue = (severity: PipelineIssue['severity'], code: string, found: string, fix: string): PipelineIssue => ({ severity, code, file, found, fix });
  const hidden = book.sheets.filter((s) => s.state !== 'visible');
  const issues = hidden.map((s) => issue('warning', 'xlsx-hidden-sheet', `a ${STATE_WORDS[s.state]} sheet "${s.name}"`,
    'The hidden sheet was not read (a hidden sheet often keeps old or working figures). If it holds this export\'s data, unhide it, hide or delete the other sheets, and send the workbook again.'));
  const worksheets = book.sheets.filter((s) => s.part !== null);
  const visible = worksheets.filter((s) => s.state === 'visible');
  const choose = (sheet: SheetEntry | null, ...more: PipelineIssue[]): SheetChoice => ({ sheet: sheet && source(book, sheet), issues: [...issues, ...more] });

  if (named !== undefined) {
    const wanted = named.trim().toLowerCase();
    const sheet = worksheets.find((s) => s.name === named) ?? worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!sheet) {
      return choose(null, issue('error', 'xlsx-sheet-not-found', `no worksheet named "${named}" (snapshot.json "sheets"); the workbook has ${quoted(visible) || 'no visible worksheet'}`,
        `Correct the sheet name for "${spec.name}" in snapshot.json, or remove it to read the only visible sheet.`));
    }
    if (sheet.state !== 'visible') {
      return choose(null, issue('error', 'xlsx-hidden-sheet-named', `the sheet "${sheet.name}" named in snapshot.json is ${STATE_WORDS[sheet.state]}`,
        'Hidden sheets are never read. If it holds the data, unhide it in the workbook and send it again; otherwise name the visible sheet that does.'));
    }
    return choose(sheet);
  }
  if (visible.length === 0) {
    return choose(null, issue('error', 'xlsx-no-visible-sheet', worksheets.length === 0 ? 'a workbook with no worksheet' : `only hidden sheets: ${quoted(worksheets)}`,
      'Unhide the sheet that holds the data (right-click a sheet tab → Unhide), save and send again.'));
  }
  if (visible.length === 1) return choose(visible[0]!);
  const candidates: SheetEntry[] = [];
  for (const sheet of visible) if (await hasTableHeader(book, spec, sheet)) candidates.push(sheet);
  if (candidates.length > 1) {
    return choose(null, issue('error', 'xlsx-several-sheets', `visible sheets ${quoted(candidates)} each have the columns of ${spec.name}`,
      `Keep the ${spec.name} table in one visible sheet (move the others to another file), or name the sheet to read in snapshot.json: "sheets": { "${spec.name}": "${candidates[0]!.name}" }.`));
  }
  // None has the columns: the first visible sheet, whose header problems are then reported.
  return choose(candidates[0] ?? visible[0]!);
}
