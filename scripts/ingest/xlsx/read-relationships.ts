/**
 * A part's relationships (`<folder>/_rels/<name>.rels`): id → type and the target part's name.
 * Targets are resolved against the part's folder ("worksheets/sheet1.xml" from "xl/workbook.xml"
 * is "xl/worksheets/sheet1.xml"; "/xl/styles.xml" is absolute). External targets are left out.
 */
import { attribute } from './parse-xml-part.ts';
import { hasPart, parsePart, type WorkbookFile } from './workbook.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';

export interface Relationship {
  /** The relationship type's last segment: "officeDocument", "worksheet", "sharedStrings", "styles"... */
  kind: string;
  part: string;
}

function resolveTarget(fromPart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

export const relationshipsPart = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** The relationships of `part` ("" for the package itself); none when the part has no .rels. */
export async function readRelationships(book: WorkbookFile, part: string): Promise<Map<string, Relationship>> {
  const rels = part === '' ? '_rels/.rels' : relationshipsPart(part);
  const found = new Map<string, Relationship>();
  if (!hasPart(book, rels)) return found;
  await parsePart(book, rels, `the relationships "${rels}"`, XLSX_LIMITS.otherPartBytes, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = attribute(attributes, 'Id');
      const type = attribute(attributes, 'Type');
      const target = attribute(attributes, 'Target');
      if (!id || !type || !target || attribute(attributes, 'TargetMode') === 'External') return;
      found.set(id, { kind: type.slice(type.lastIndexOf('/') + 1), part: resolveTarget(part, target) });
    },
  });
  return found;
}
