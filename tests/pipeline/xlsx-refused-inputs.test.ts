/**
 * XLSX exports that must be refused, several variants of each class: fractional number cells,
 * cached Excel errors, formula cells under any namespace prefix, document type declarations, zip
 * archives that lie about their sizes or are damaged, sheets that are hidden or ambiguous, and
 * files past a resource limit; and free text a spreadsheet would run as a formula, in XLSX and CSV.
 * Each is checked through ingest and validation of its one file (fast); a few run the whole
 * pipeline to show that a refused snapshot leaves the publication exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableName } from '../../src/schema/tables.ts';
import { XLSX_LIMITS } from '../../scripts/ingest/xlsx/xlsx-limits.ts';
import { checkExport, describeIssues } from '../helpers/check-table.ts';
import { patchCentralEntry, centralEntry } from '../helpers/patch-zip.ts';
import { publicationFingerprint, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { writeSnapshot } from '../helpers/valid-snapshot.ts';
import { workbook, workbookParts, zipParts, type BookCell } from '../helpers/write-xlsx.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/xlsx');
const HEADER = ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'];
const OPERATIONS_HEADER = ['Tanggal', 'Tingkat', 'Kode Wilayah', 'Kantor Imigrasi', 'Kegiatan', 'Instansi', 'WNA Diperiksa', 'Temuan', 'Tindak Lanjut'];

/** Arrivals with one row whose count cell is `count` (sheet row 3), between two good rows. */
const arrivals = (count: BookCell, options = {}) => workbook([{ name: 'Data', rows: [HEADER,
  ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 1234],
  ['Januari 2024', 'CGK', 'CHN', 'VoA', 'P', count],
  ['Februari 2024', 'DPS', 'AUS', 'BVK', 'L', 2500]] }], options);

/** Operations with one row whose "Instansi" cell is `agencies` (sheet row 2). */
const operations = (agencies: BookCell, date: BookCell = '14/01/2024') => workbook([{ name: 'Data', rows: [OPERATIONS_HEADER,
  [date, 'Kota', '36.72', 'KANIM-CILEGON', 'Rakor', agencies, 0, 0, 0]] }]);
const operationsCsv = (agencies: string) => `${OPERATIONS_HEADER.join(';')}\r\n14/01/2024;Kota;36.72;KANIM-CILEGON;Rakor;${agencies};0;0;0\r\n`;

/** A raw worksheet whose sheetData holds `cells` as the data row under the header. */
const rawSheet = (cells: string, prefix = '') => {
  const p = prefix ? `${prefix}:` : '';
  const header = HEADER.map((h, i) => `<${p}c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><${p}is><${p}t>${h}</${p}t></${p}is></${p}c>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${prefix ? `xmlns:${prefix}` : 'xmlns'}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData><${p}row r="1">${header}</${p}row><${p}row r="2">${cells}</${p}row></${p}sheetData></${p}worksheet>`;
};
const textCells = (p = '') => ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L'].map((v, i) => `<${p}c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`).join('');
const sheetBook = (xml: string, options = {}) => workbook([{ name: 'Data', xml }], options);

const BILLION_LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

/** A valid arrivals workbook with one part replaced. */
function withPart(part: string, xml: string): Buffer {
  const parts = workbookParts([{ name: 'Data', rows: [HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 5]] }]);
  return zipParts({ ...parts, [part]: xml });
}

/** A deflate stream of `copies` × 1 MiB of spaces, built without inflating it: a bomb of any size. */
function bombStream(copies: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]);
}

const SHEET = 'xl/worksheets/sheet1.xml';

/**
 * A workbook whose sheet entry holds `stream` (raw deflate) and whose directory records `declared`
 * inflated bytes: the entry is zipped stored with a placeholder of the stream's length, the
 * placeholder overwritten, and both headers switched to deflate.
 */
function withSheetStream(stream: Buffer, declared: number): Buffer {
  const parts = Object.entries(workbookParts([{ name: 'Data', rows: [] }])).map(([name, c]) => [name, [typeof c === 'string' ? strToU8(c) : c, { level: 6 }]] as const);
  const placeholder = Buffer.alloc(stream.length, 0x20);
  const zip = Buffer.from(zipSync({ ...Object.fromEntries(parts), [SHEET]: [placeholder, { level: 0 }] } as never));
  stream.copy(zip, zip.indexOf(placeholder));
  return patchLocalMethod(patchCentralEntry(zip, SHEET, { method: 8, inflatedBytes: declared }), SHEET);
}

/** Sets the local header's compression method of entry `name` to deflate. */
function patchLocalMethod(zip: Buffer, name: string): Buffer {
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    const nameBytes = zip.readUInt16LE(at + 26);
    if (zip.subarray(at + 30, at + 30 + nameBytes).toString('latin1') === name) {
      zip.writeUInt16LE(8, at + 8);
      return zip;
    }
  }
  throw new Error(`no local header for ${name}`);
}

interface Case {
  name: string;
  table?: TableName;
  extension?: 'csv' | 'xlsx';
  content: () => Buffer | string;
  sheet?: string;
  expect: { code: string; row?: number; column?: string; found?: string | RegExp; fix?: RegExp; notFix?: RegExp };
}

/** Advice to write a zero: never for a failed formula. */
const NO_ZERO = /\b(write|enter|type|use) (a )?0\b|\b0 \(or "-"\)/i;

const EXCEL_ERROR = (code: string): Case => ({
  name: `a count cell holding the cached error ${code}`, content: () => arrivals({ error: code }),
  expect: { code: 'count-excel-error', row: 3, column: 'jumlah', found: code, fix: new RegExp(`${code.replace(/[/?!#]/g, '\\$&')}.*Repair the formula in the source workbook`), notFix: NO_ZERO },
});

const FORMULA = 'formula cells';
const CASES: Case[] = [
  // Numbers stored as numbers are numbers: a fraction is a fraction whatever the thousands convention.
  { name: 'a number cell holding 2.125 (not 2125)', content: () => arrivals(2.125), expect: { code: 'count-fractional', row: 3, column: 'jumlah', found: '2,125', fix: /holds the number 2,125.*type 2125/ } },
  { name: 'a number cell holding 12.5', content: () => arrivals(12.5), expect: { code: 'count-fractional', row: 3, found: '12,5', fix: /not a whole number/ } },
  { name: 'a number cell written 1.5E-1', content: () => arrivals({ v: '1.5E-1' }), expect: { code: 'count-fractional', row: 3, found: '0,15' } },
  { name: 'a negative number cell', content: () => arrivals(-4), expect: { code: 'count-negative', row: 3, found: '-4' } },
  { name: 'a number cell too large to count', content: () => arrivals({ v: '1E+21' }), expect: { code: 'count-not-a-number', row: 3, found: '1e+21' } },
  { name: 'LibreOffice: number cells of 2.125 and 12.5', content: () => readFileSync(join(FIXTURES, 'libreoffice-fractional-counts.xlsx')), expect: { code: 'count-fractional', row: 2, found: '2,125', fix: /type 2125/ } },
  { name: 'a fractional number cell in operations', table: 'operations', content: () => workbook([{ name: 'Data', rows: [OPERATIONS_HEADER, ['14/01/2024', 'Kota', '36.72', 'KANIM-CILEGON', 'Rakor', 'Imigrasi', 3.5, 0, 0]] }]),
    expect: { code: 'count-fractional', row: 2, column: 'wna diperiksa', found: '3,5' } },
  { name: 'text "3,000" in an XLSX (3 or 3000?)', content: () => arrivals('3,000'), expect: { code: 'count-fractional', row: 3, found: '3,000', fix: /not the whole number 3000/ } },

  // Cached errors name the error and send the office back to the formula.
  EXCEL_ERROR('#REF!'), EXCEL_ERROR('#N/A'), EXCEL_ERROR('#VALUE!'), EXCEL_ERROR('#DIV/0!'),
  { name: 'an Excel error saved as text in a CSV', table: 'sanctions', extension: 'csv', content: () => 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;#N/A\r\n',
    expect: { code: 'count-excel-error', row: 2, found: '#N/A', fix: /lookup.*Repair the formula/, notFix: NO_ZERO } },
  { name: 'an error in the month column', content: () => workbook([{ name: 'Data', rows: [HEADER, [{ error: '#REF!' }, 'CGK', 'CHN', 'VoA', 'L', 5]] }]), expect: { code: 'value-excel-error', row: 2, column: 'bulan', found: '#REF!' } },
  { name: 'an error in a free-text column', table: 'operations', content: () => operations({ error: '#NAME?' }), expect: { code: 'value-excel-error', row: 2, column: 'instansi', found: '#NAME?' } },

  // Every formula is seen, whatever the namespace prefix and formula kind.
  { name: 'a formula under the prefix x: (<x:c><x:f>)', content: () => arrivals({ formula: 'SUM(1,2)', value: 3 }, { prefix: 'x' }), expect: { code: 'unsafe-xlsx', found: FORMULA, fix: /Paste Special/ } },
  { name: 'a formula under the prefix ss:', content: () => sheetBook(rawSheet(`${textCells('ss:')}<ss:c r="F2"><ss:f>1+1</ss:f><ss:v>2</ss:v></ss:c>`, 'ss')), expect: { code: 'unsafe-xlsx', found: FORMULA } },
  { name: 'a shared formula (its dependent cell has an empty <f/>)', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2"><f t="shared" si="0"/><v>4</v></c>`)), expect: { code: 'unsafe-xlsx', found: FORMULA } },
  { name: 'an array formula', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2"><f t="array" ref="F2:F2">SUM(1)</f><v>1</v></c>`)), expect: { code: 'unsafe-xlsx', found: FORMULA } },
  { name: 'a formula without a cached value', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2"><f>1+1</f></c>`)), expect: { code: 'unsafe-xlsx', found: FORMULA } },
  { name: 'a formula whose cached value is an error', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`)),
    expect: { code: 'unsafe-xlsx', found: /formula cells \(cell F2, whose formula failed with #DIV\/0!\)/, fix: /divides by zero.*Repair the formula in the source workbook/, notFix: NO_ZERO } },
  { name: 'a string formula (t="str")', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2" t="str"><f>"5"</f><v>5</v></c>`)), expect: { code: 'unsafe-xlsx', found: FORMULA } },

  // No document type declarations: no entities, no external references.
  { name: 'a billion-laughs DOCTYPE in the sheet', content: () => sheetBook(rawSheet(textCells()).replace('?>', `?>${BILLION_LAUGHS}`).replace('<t>CGK</t>', '<t>&lol3;</t>')), expect: { code: 'unsafe-xlsx', found: 'DOCTYPE' } },
  { name: 'an external entity in the shared strings', content: () => withPart('xl/sharedStrings.xml', '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>'), expect: { code: 'unsafe-xlsx', found: 'DOCTYPE' } },
  { name: 'a DOCTYPE in the workbook part', content: () => withPart('xl/workbook.xml', '<?xml version="1.0"?><!DOCTYPE workbook><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'), expect: { code: 'unsafe-xlsx', found: 'DOCTYPE' } },
  { name: 'an undeclared entity', content: () => sheetBook(rawSheet(textCells()).replace('<t>CGK</t>', '<t>&xxe;</t>')), expect: { code: 'unsafe-xlsx', found: /not well-formed XML.*entity/ } },

  // Zip archives that lie, are damaged, or are bombs: refused from the directory or at the first chunk over a limit.
  { name: 'a 40 MB entry that zips to 40 KB (declared ratio)', content: () => workbook([{ name: 'Data', rows: [HEADER] }], { extraEntries: { 'xl/media/padding.bin': new Uint8Array(40 * 1024 * 1024) } }), expect: { code: 'unsafe-xlsx', found: 'zip bomb' } },
  { name: 'a sheet whose directory understates its size', content: () => patchCentralEntry(arrivals(5), 'xl/worksheets/sheet1.xml', { inflatedBytes: 100 }), expect: { code: 'unsafe-xlsx', found: /inflates beyond the 100 bytes its directory records/ } },
  { name: 'a bomb that inflates 16 MB to 16 GB, its directory claiming 30 MB', content: () => withSheetStream(bombStream(16 * 1024), 30 * 1024 * 1024), expect: { code: 'unsafe-xlsx', found: 'zip bomb' } },
  { name: 'a bomb whose directory records its true size', content: () => withSheetStream(bombStream(64), 64 * 1024 * 1024), expect: { code: 'unsafe-xlsx', found: /zip bomb/ } },
  { name: 'a damaged checksum', content: () => patchCentralEntry(arrivals(5), 'xl/worksheets/sheet1.xml', { crc32: centralEntry(arrivals(5), 'xl/worksheets/sheet1.xml').crc32 ^ 1 }), expect: { code: 'unsafe-xlsx', found: /checksum/ } },
  { name: 'a truncated file', content: () => arrivals(5).subarray(0, 900), expect: { code: 'unsafe-xlsx', found: 'not a valid XLSX' } },
  { name: 'an encrypted entry', content: () => patchCentralEntry(arrivals(5), 'xl/worksheets/sheet1.xml', { flags: 1 }), expect: { code: 'unsafe-xlsx', found: 'encrypted' } },
  { name: 'an old binary workbook (.xls saved as .xlsx)', content: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]), expect: { code: 'unsafe-xlsx', found: '.xls' } },
  { name: 'more entries than a workbook can need', content: () => workbook([{ name: 'Data', rows: [HEADER] }], { extraEntries: Object.fromEntries(Array.from({ length: XLSX_LIMITS.entries }, (_, i) => [`xl/media/i${i}.bin`, new Uint8Array(1)])) }),
    expect: { code: 'unsafe-xlsx', found: /entries, more than/ } },
  { name: 'two entries with one name', content: () => Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<a/>'), 'XL/Workbook.xml': strToU8('<b/>') })), expect: { code: 'unsafe-xlsx', found: 'two entries named' } },
  { name: 'an entry path that climbs out', content: () => workbook([{ name: 'Data', rows: [HEADER] }], { extraEntries: { '../../evil.xml': strToU8('<a/>') } }), expect: { code: 'unsafe-xlsx', found: 'unsafe entry path' } },

  // Only a visible sheet is read, and never one of two that could both be the table.
  { name: 'only hidden sheets', content: () => workbook([{ name: 'Data', state: 'hidden', rows: [HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 5]] }]), expect: { code: 'xlsx-no-visible-sheet', found: '"Data"' } },
  { name: 'snapshot.json naming a very hidden sheet', sheet: 'Lama', content: () => workbook([
    { name: 'Data', rows: [HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 5]] }, { name: 'Lama', state: 'veryHidden', rows: [HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 9]] }]),
    expect: { code: 'xlsx-hidden-sheet-named', found: 'very hidden' } },
  { name: 'two visible sheets that both have the table', content: () => workbook([
    { name: 'Data 2023', rows: [HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 5]] }, { name: 'Catatan', rows: [['Catatan'], ['Angka sementara']] }, { name: 'Data 2024', rows: [['Judul'], HEADER, ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 7]] }]),
    expect: { code: 'xlsx-several-sheets', found: '"Data 2023", "Data 2024"', fix: /snapshot\.json: "sheets": \{ "arrivals": "Data 2023" \}/ } },
  { name: 'snapshot.json naming a sheet that is not there', sheet: 'Kedatangan', content: () => arrivals(5), expect: { code: 'xlsx-sheet-not-found', found: /"Kedatangan".*"Data"/ } },

  // Resource limits, at the first element or cell over them.
  { name: 'elements nested deeper than a workbook needs', content: () => sheetBook(rawSheet(`${textCells()}<c r="F2"><v>5</v></c>`).replace('<row r="2">', `<row r="2">${'<x>'.repeat(80)}${'</x>'.repeat(80)}`)), expect: { code: 'unsafe-xlsx', found: /nests elements more than/ } },
  { name: 'a text longer than a cell can hold', content: () => arrivals('x'.repeat(XLSX_LIMITS.xmlTextChars + 1)), expect: { code: 'unsafe-xlsx', found: /more than a cell can hold/ } },
  { name: 'a shared-strings table declaring millions of strings', content: () => withPart('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${XLSX_LIMITS.sharedStrings + 1}"><si><t>a</t></si></sst>`),
    expect: { code: 'unsafe-xlsx', found: /shared-strings table holds/ } },
  { name: 'more than a million empty cells', content: () => sheetBook(rawSheet(textCells()).replace('</sheetData>', Array.from({ length: 64 }, (_, r) => `<row r="${r + 3}">${'<c/>'.repeat(XLSX_LIMITS.columns)}</row>`).join('') + '</sheetData>'), { zip: 'stored' }),
    expect: { code: 'unsafe-xlsx', found: /cells with no value/ } },
  { name: 'a row outside Excel\'s grid', content: () => sheetBook(rawSheet(textCells()).replace('</sheetData>', `<row r="${XLSX_LIMITS.rows + 1}"><c r="A${XLSX_LIMITS.rows + 1}"><v>1</v></c></row></sheetData>`)), expect: { code: 'unsafe-xlsx', found: /outside the grid/ } },

  // Free text a spreadsheet would run as a formula (CSV injection).
  ...['=HYPERLINK("http://example.invalid","Imigrasi")', '+1+1', '-2+3', '@SUM(A1)', ' =1+1', '_x000D_=1+1', '_x0009_-Polri'].map((text): Case => ({
    name: `free text ${JSON.stringify(text)} in an XLSX`, table: 'operations', content: () => operations(text),
    expect: { code: 'text-formula', row: 2, column: 'instansi', found: text.replace(/^_x000[9D]_/, '').trim(), fix: /CSV injection/ },
  })),
  ...['=cmd|\' /C calc\'!A0', '"\tImigrasi, Polri"', '" =1+1"', '@Imigrasi'].map((text): Case => ({
    name: `free text ${JSON.stringify(text)} in a CSV`, table: 'operations', extension: 'csv', content: () => operationsCsv(text),
    expect: { code: 'text-formula', row: 2, column: 'instansi', fix: /CSV injection/ },
  })),
];

describe('refused XLSX exports and free text', () => {
  it.each(CASES)('$name', async ({ table = 'arrivals', extension = 'xlsx', content, sheet, expect: want }) => {
    const issues = await checkExport(table, extension, content(), { sheet });
    const match = issues.find((i) => i.severity === 'error' && i.code === want.code);
    expect(match, describeIssues(issues)).toBeDefined();
    if (want.row !== undefined) expect(match!.row).toBe(want.row);
    if (want.column) expect(match!.column?.toLowerCase()).toBe(want.column);
    if (typeof want.found === 'string') expect(match!.found).toContain(want.found);
    if (want.found instanceof RegExp) expect(match!.found).toMatch(want.found);
    if (want.fix) expect(match!.fix).toMatch(want.fix);
    if (want.notFix) expect(match!.fix).not.toMatch(want.notFix);
    expect(match!.fix.length).toBeGreaterThan(10);
  });

  it('a formula after thousands of rows already written out is refused, and the half-written CSV is dropped cleanly', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>Januari 2024</t></is></c><c r="F${i + 3}"><v>${i}</v></c></row>`).join('');
    const sheet = rawSheet(`${textCells()}<c r="F2"><v>1</v></c>`).replace('</sheetData>', `${rows}<row r="30000"><c r="F30000"><f>SUM(F2:F29999)</f><v>1</v></c></row></sheetData>`);
    const issues = await checkExport('arrivals', 'xlsx', sheetBook(sheet));
    expect(issues.map((i) => i.code), describeIssues(issues)).toEqual(['unsafe-xlsx']);
    expect(issues[0]!.found).toContain('cell F30000');
  });

  it('a fractional number cell, a cached error and a formula-like text are refused with every other problem, naming file and row', async () => {
    const issues = await checkExport('arrivals', 'xlsx', workbook([{ name: 'Data', rows: [HEADER,
      ['Januari 2024', 'CGK', 'CHN', 'VoA', 'L', 2.125], ['Januari 2024', 'CGK', 'CHN', 'VoA', 'P', { error: '#REF!' }], ['Atlantis 2024', 'CGK', 'CHN', 'VoA', 'L', 3]] }]));
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.found])).toEqual(expect.arrayContaining([
      ['count-fractional', 2, '2,125'], ['count-excel-error', 3, '#REF!'], ['value-unknown', 4, 'Atlantis 2024'],
    ]));
  });
});

describe('a refused XLSX leaves the publication as it was', () => {
  let outDir = '';
  let before = '';
  beforeAll(async () => {
    ({ outDir } = await publishedBaseline());
    before = publicationFingerprint(outDir);
  });
  it.each([
    ['a number cell holding 2.125', () => arrivals(2.125), 'count-fractional'],
    ['a formula under a namespace prefix', () => arrivals({ formula: 'SUM(1,2)', value: 3 }, { prefix: 'x' }), 'unsafe-xlsx'],
    ['a bomb lying about its size', () => withSheetStream(bombStream(1024), 1024 * 1024), 'unsafe-xlsx'],
  ] as const)('%s', async (_name, content, code) => {
    const dir = writeSnapshot(tempDir(), { 'arrivals.csv': null, 'arrivals.xlsx': content() }, '2024-03-05');
    const issues = await refuse(dir, '2024-03-05', outDir);
    expect(issues.some((i) => i.code === code && i.file.endsWith('arrivals.xlsx')), describeIssues(issues)).toBe(true);
    expect(publicationFingerprint(outDir)).toBe(before);
  });
});

