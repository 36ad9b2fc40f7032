/**
 * Writes exports the way offices send them: `;`-delimited UTF-8 CSV with a BOM, CRLF line ends and
 * Indonesian thousands separators; XLSX with a title row above the header and a note row below the
 * data. The XLSX is a minimal workbook assembled here with fflate (shared strings, numeric cells,
 * fixed zip timestamps), so the bytes depend only on the data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { strToU8, zipSync } from 'fflate';

/** 1234567 → "1.234.567" (Indonesian thousands separator). */
export function formatCountId(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function csvField(value: string): string {
  return /[;",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function writeCsv(path: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, csvText(header, rows), 'utf8');
}

/** A cell: text, a number, empty, or (for tests of hostile files) a formula with its cached value. */
export type XlsxCell = string | number | null | { formula: string; value: number };

const xmlEscape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/**
 * Strings go to the shared-string table, as Excel writes them (smaller than inline strings once
 * zipped). Every cell carries its reference (r="B12"): read-excel-file needs them.
 */
function sheetParts(rows: readonly (readonly XlsxCell[])[]): { sheet: string; sharedStrings: string } {
  const strings = new Map<string, number>();
  let stringCount = 0;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  rows.forEach((row, r) => {
    let cells = '';
    row.forEach((value, c) => {
      if (value === null || value === '' || value === undefined) return;
      const ref = `${columnName(c)}${r + 1}`;
      if (typeof value === 'number') cells += `<c r="${ref}"><v>${value}</v></c>`;
      else if (typeof value === 'object') cells += `<c r="${ref}"><f>${xmlEscape(value.formula)}</f><v>${value.value}</v></c>`;
      else {
        let index = strings.get(value);
        if (index === undefined) strings.set(value, (index = strings.size));
        stringCount++;
        cells += `<c r="${ref}" t="s"><v>${index}</v></c>`;
      }
    });
    if (cells) parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  const sst = [...strings.keys()].map((s) => `<si><t>${xmlEscape(s)}</t></si>`).join('');
  return {
    sheet: parts.join(''),
    sharedStrings: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${stringCount}" uniqueCount="${strings.size}">${sst}</sst>`,
  };
}

/** `extraEntries` adds raw zip entries (tests use it to build hostile workbooks). */
export function buildXlsx(sheetName: string, rows: readonly (readonly XlsxCell[])[], extraEntries: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const { sheet, sharedStrings } = sheetParts(rows);
  const files: Record<string, string> = {
    '[Content_Types].xml': `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    '_rels/.rels': `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${xml}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rels}"><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/sharedStrings.xml': sharedStrings,
  };
  // Local-time constructor: the DOS timestamp fflate writes is 1980-01-01 00:00 in any time zone.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const entries = Object.fromEntries([
    ...Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime, level: 9 }] as const]),
    ...Object.entries(extraEntries).map(([name, bytes]) => [name, [bytes, { mtime, level: 9 }] as const]),
  ]);
  return zipSync(entries as never, { mtime, level: 9 });
}

export function writeXlsx(path: string, sheetName: string, rows: readonly (readonly XlsxCell[])[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buildXlsx(sheetName, rows));
}
