/**
 * The workbook part: its sheets in tab order (name, visibility, the part holding the cells) and
 * its date system. A sheet is `visible`, `hidden` (Format → Hide) or `veryHidden` (hidden so that
 * only a macro or the XML can show it); only worksheets hold cells (not chart or dialog sheets).
 */
import type { ExcelDateSystem } from '../../lib/excel-serial-date.ts';
import { attribute } from './parse-xml-part.ts';
import { readRelationships } from './read-relationships.ts';
import { parsePart, type WorkbookFile } from './workbook.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The worksheet part, or null for a chart or dialog sheet. */
  part: string | null;
}

/** The workbook's date system (`workbookPr date1904`): see excel-serial-date.ts. */
export type DateSystem = ExcelDateSystem;

export interface WorkbookSheets {
  sheets: SheetEntry[];
  dateSystem: DateSystem;
  /** The shared-strings and styles parts, when the workbook has them. */
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const isTrue = (value: string | undefined) => value === '1' || value === 'true';

export async function readWorkbookSheets(book: WorkbookFile): Promise<WorkbookSheets> {
  const packageRels = await readRelationships(book, '');
  const workbookPart = [...packageRels.values()].find((r) => r.kind === 'officeDocument')?.part ?? 'xl/workbook.xml';
  const rels = await readRelationships(book, workbookPart);
  const declared: { name: string; state: SheetState; id: string | undefined }[] = [];
  let dateSystem: DateSystem = 1900;
  let sawWorkbookPr = false;
  await parsePart(book, workbookPart, 'the workbook part', XLSX_LIMITS.otherPartBytes, {
    open(name, attributes) {
      if (name === 'workbookPr' && !sawWorkbookPr) {
        sawWorkbookPr = true;
        if (isTrue(attribute(attributes, 'date1904'))) dateSystem = 1904;
      } else if (name === 'sheet') {
        const state = attribute(attributes, 'state');
        declared.push({
          name: attribute(attributes, 'name') ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          id: attribute(attributes, 'id'),
        });
      }
    },
  });
  const sheets = declared.map(({ name, state, id }) => {
    const rel = id === undefined ? undefined : rels.get(id);
    return { name, state, part: rel?.kind === 'worksheet' ? rel.part : null };
  });
  const partOf = (kind: string) => [...rels.values()].find((r) => r.kind === kind)?.part ?? null;
  return { sheets, dateSystem, sharedStringsPart: partOf('sharedStrings'), stylesPart: partOf('styles') };
}
