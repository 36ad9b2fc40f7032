/**
 * The shared-strings table: the text of every `t="s"` cell, by index. A string is its `<t>`, or
 * the `<t>` of each run `<r>` of rich text; phonetic guides (`<rPh>`, furigana) are not part of
 * the text. The table is held in memory, so its size and count are limited, and a declared
 * `uniqueCount` over the limit is refused before a string is read.
 */
import { decodeXlsxEscapes } from './decode-xlsx-escapes.ts';
import { attribute } from './parse-xml-part.ts';
import { parsePart, type WorkbookFile } from './workbook.ts';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { TOO_LARGE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

const tooMany = (count: number) => new UnsafeXlsxError(`the shared-strings table holds ${count} strings, more than the ${XLSX_LIMITS.sharedStrings} an export can need`, TOO_LARGE_FIX);

export async function readSharedStrings(book: WorkbookFile, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (part === null) return strings;
  let inString = false;
  let inText = false;
  let phonetic = 0;
  let current = '';
  await parsePart(book, part, 'the shared-strings table', XLSX_LIMITS.sharedStringsBytes, {
    open(name, attributes) {
      if (name === 'si') { inString = true; current = ''; }
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && inString && phonetic === 0) inText = true;
      else if (name === 'sst') {
        const declared = Number(attribute(attributes, 'uniqueCount') ?? 0);
        if (declared > XLSX_LIMITS.sharedStrings) throw tooMany(declared);
      }
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inString = false;
        if (strings.push(decodeXlsxEscapes(current)) > XLSX_LIMITS.sharedStrings) throw tooMany(strings.length);
      }
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}
