/**
 * Which cell styles show a date: `styles.xml` lists number formats (`<numFmts>`) and the cell
 * formats (`<cellXfs>`, indexed by a cell's `s`), each naming a number format.
 */
import { attribute } from './parse-xml-part.ts';
import { isDateFormat } from './is-date-format.ts';
import { parsePart, type WorkbookFile } from './workbook.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';

/** Index: a cell's style (`s`); true when its number format shows a date. */
export async function readDateStyles(book: WorkbookFile, part: string | null): Promise<boolean[]> {
  if (part === null) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parsePart(book, part, 'the styles part', XLSX_LIMITS.otherPartBytes, {
    open(name, attributes) {
      if (name === 'numFmt') formats.set(Number(attribute(attributes, 'numFmtId')), attribute(attributes, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => isDateFormat(id, formats.get(id)));
}
