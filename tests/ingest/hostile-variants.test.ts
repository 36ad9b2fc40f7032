/**
 * Variants of hostile and careless exports beyond the first fixtures of each class: values kept in
 * hidden rows and columns of a visible sheet, control characters in CSV text, UTF-32 text, periods
 * longer than a month across the columns, a one-month cross-tab, and number cells that hold a
 * floating-point artefact of a formula pasted as values. Refusals are checked through ingest and
 * validation of the one file (fast), with the message naming file, row, column and value; what
 * is accepted is published (internal build, so small fixture counts are not withheld) and read back
 * from the Parquet; one refused snapshot shows the publication left exactly as it was.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { TableName } from '../../src/schema/tables.ts';
import { checkExport, describeIssues } from '../helpers/check-table.ts';
import { publicationFingerprint, publish, publishedBaseline, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import { sidecarWithTableEnds, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { columnName, workbook, xmlEscape } from '../helpers/write-xlsx.ts';

const ARRIVALS = ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'];
const SANCTIONS = 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah';
const SANCTION_KEYS = 'Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran';
const OPERATIONS = 'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut';

/** A worksheet's XML: `cols` (the `<cols>` element's content) and rows of [attributes, cells]; a number is a number cell. */
function sheetXml(rows: [string, (string | number | null)[]][], cols = ''): string {
  const body = rows.map(([attributes, cells], r) => `<row r="${r + 1}"${attributes ? ` ${attributes}` : ''}>${cells.map((cell, c) => {
    if (cell === null) return '';
    const ref = `${columnName(c)}${r + 1}`;
    return typeof cell === 'number' ? `<c r="${ref}"><v>${cell}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(cell)}</t></is></c>`;
  }).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

const row = (sex: string, count: number, port = 'CGK'): (string | number)[] => ['Januari 2024', port, 'CHN', 'VoA', sex, count];

interface Refusal { name: string; table?: TableName; extension?: 'csv' | 'xlsx'; content: () => string | Buffer; code: string; row?: number; column?: string; found: RegExp; fix?: RegExp }

const CASES: Refusal[] = [
  // A visible sheet can hide what it holds: a hidden row or column is never read, nor silently dropped.
  { name: 'a hidden row of old figures (Excel: hidden="1")', content: () => workbook([{ name: 'Data', xml: sheetXml([['', ARRIVALS], ['hidden="1"', row('L', 999)], ['', row('P', 5)]]) }]),
    code: 'xlsx-hidden-cells', row: 2, column: 'A', found: /sheet "Data" holds a value in a hidden row 2 \(cell A2\)/, fix: /Unhide every row and column/ },
  { name: 'rows a filter hides (LibreOffice: hidden="true")', content: () => workbook([{ name: 'Data', xml: sheetXml([['', ARRIVALS], ['', row('L', 7)], ['hidden="true"', row('P', 5, 'DPS')]]) }]),
    code: 'xlsx-hidden-cells', row: 3, found: /hidden row 3/, fix: /clear any filter/ },
  { name: 'a grouped, collapsed row far below the header', content: () => workbook([{ name: 'Data', xml: sheetXml([['', ARRIVALS], ['', row('L', 7)], ['', row('P', 5)], ['outlineLevel="1" hidden="1"', row('L', 3, 'KNO')]]) }]),
    code: 'xlsx-hidden-cells', row: 4, found: /hidden row 4/ },
  { name: 'a hidden column with another count', content: () => workbook([{ name: 'Data', xml: sheetXml([['', [...ARRIVALS, 'Jumlah 2023']], ['', [...row('L', 7), 123]]], '<col min="7" max="7" width="0" hidden="1"/>') }]),
    code: 'xlsx-hidden-cells', row: 1, column: 'G', found: /hidden column G \(cell G1\)/ },
  { name: 'the count column itself hidden, in a range of columns', content: () => workbook([{ name: 'Data', xml: sheetXml([['', ARRIVALS], ['', row('L', 7)]], '<col min="1" max="4" width="12"/><col min="5" max="6" hidden="true"/>') }]),
    code: 'xlsx-hidden-cells', column: 'E', found: /hidden column E/ },

  // Control characters: never in any office's text, refused with the character named, not a raw parser error.
  { name: 'a NUL byte inside a count', table: 'sanctions', extension: 'csv', content: () => `${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;1\u00002\r\n`,
    code: 'control-character', row: 2, column: 'Jumlah', found: /"1⟨U\+0000⟩2", holding NUL/, fix: /export the table again/ },
  { name: 'a NUL byte inside a nationality', table: 'sanctions', extension: 'csv', content: () => `${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12\r\n2024-02;KANIM-BATAM;Ch\u0000ina;Deportasi;Overstay;3\r\n`,
    code: 'control-character', row: 3, column: 'Kewarganegaraan', found: /Ch⟨U\+0000⟩ina/ },
  { name: 'a DOS end-of-file mark (Ctrl-Z) after the last line', table: 'sanctions', extension: 'csv', content: () => `${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12\r\n\u001a`,
    code: 'control-character', row: 3, column: 'Bulan', found: /Ctrl-Z/, fix: /Delete the Ctrl-Z mark/ },
  { name: 'a form feed in free text', table: 'operations', extension: 'csv', content: () => `${OPERATIONS}\r\n14/01/2024;Kota;36.72;KANIM-CILEGON;Rakor;Imigrasi\u000c Polri;0;0;0\r\n`,
    code: 'control-character', row: 2, column: 'Instansi', found: /a form feed/ },
  { name: 'a NUL in a cross-tab cell', table: 'registry', extension: 'csv', content: () => 'Kode Wilayah;Instansi;Indikator;Januari 2024;Februari 2024\r\n36.72;Disdukcapil;Perkawinan campuran;5;\u00006\r\n',
    code: 'control-character', row: 2, column: 'Februari 2024', found: /⟨U\+0000⟩6/ },
  { name: 'the number-cell mark U+001E typed into a CSV', table: 'sanctions', extension: 'csv', content: () => `${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;\u001e2125\r\n`,
    code: 'control-character', row: 2, column: 'Jumlah', found: /U\+001E/ },

  // UTF-32: named, not read as UTF-16 full of NULs.
  ...(['le', 'be'] as const).map((order): Refusal => ({
    name: `UTF-32${order.toUpperCase()} text with its byte order mark`, table: 'sanctions', extension: 'csv', code: 'unsupported-encoding', found: new RegExp(`UTF-32${order.toUpperCase()}`), fix: /UTF-8/,
    content: () => {
      const text = `\uFEFF${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12\r\n`;
      const bytes = Buffer.alloc(text.length * 4);
      [...text].forEach((c, i) => (order === 'le' ? bytes.writeUInt32LE(c.codePointAt(0)!, i * 4) : bytes.writeUInt32BE(c.codePointAt(0)!, i * 4)));
      return bytes;
    },
  })),

  // Periods longer than a month across the columns: named, with the long format by month (never "add the column bulan").
  { name: 'years across the columns (text)', table: 'sanctions', extension: 'csv', content: () => `${SANCTION_KEYS};2023;2024\r\nKANIM-BOGOR;China;Deportasi;Overstay;5;6\r\n`,
    code: 'cross-tab-layout', row: 1, column: '2023, 2024', found: /^years across the columns \("2023", "2024"\), and no bulan column$/, fix: /cannot be split into its months.*Bulan;Kantor Imigrasi/ },
  { name: 'years across the columns (XLSX number cells)', table: 'sanctions', content: () => workbook([{ name: 'TAK', rows: [[...SANCTION_KEYS.split(';'), 2023, 2024], ['KANIM-BOGOR', 'China', 'Deportasi', 'Overstay', 5, 6]] }]),
    code: 'cross-tab-layout', found: /^years across the columns/ },
  { name: '"Tahun 2023", "Tahun 2024" across', table: 'sanctions', extension: 'csv', content: () => `${SANCTION_KEYS};Tahun 2023;Tahun 2024;Jumlah\r\nKANIM-BOGOR;China;Deportasi;Overstay;5;6;11\r\n`,
    code: 'cross-tab-layout', found: /^years across/ },
  { name: 'quarters across ("Triwulan I 2024")', table: 'registry', extension: 'csv', content: () => 'Kode Wilayah;Instansi;Indikator;Triwulan I 2024;Triwulan II 2024\r\n36.72;Disdukcapil;Perkawinan campuran;5;7\r\n',
    code: 'cross-tab-layout', column: 'Triwulan I 2024, Triwulan II 2024', found: /^quarters across the columns/ },
  { name: 'quarters across ("Q1 2024", XLSX)', table: 'arrivals', content: () => workbook([{ name: 'Data', rows: [['TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Q1 2024', 'Q2 2024', 'Q3 2024'], ['CGK', 'CHN', 'VoA', 'L', 5, 6, 7]] }]),
    code: 'cross-tab-layout', found: /^quarters across the columns \("Q1 2024", "Q2 2024", …\)/ },
  { name: 'half-years across ("Semester I 2024")', table: 'sanctions', extension: 'csv', content: () => `${SANCTION_KEYS};Semester I 2024;Semester II 2024\r\nKANIM-BOGOR;China;Deportasi;Overstay;5;6\r\n`,
    code: 'cross-tab-layout', found: /^half-years across/ },
  { name: 'ranges of months across ("Jan-Mar 2024", "Januari - Juni 2024")', table: 'sanctions', extension: 'csv', content: () => `${SANCTION_KEYS};Jan-Mar 2024;Januari - Juni 2024\r\nKANIM-BOGOR;China;Deportasi;Overstay;5;6\r\n`,
    code: 'cross-tab-layout', found: /^ranges of months across/ },

  // A row-total column however it is headed is checked, never ignored as an unknown column.
  ...['L+P', 'Total WNA', 'Jumlah (orang)'].map((total): Refusal => ({
    name: `sex across with a "${total}" column that disagrees`, extension: 'csv', content: () => `Bulan;TPI;Kewarganegaraan;Jenis Visa/Izin;Laki-laki;Perempuan;${total}\r\n2024-01;CGK;CHN;VoA;10;12;23\r\n`,
    code: 'row-total-mismatch', row: 2, column: total, found: /a row total of 23/,
  })),

  // A regency code that a number cell or column cut short: the right code, and why.
  { name: 'a region code stored as the number 32.1 (XLSX)', table: 'registry', content: () => workbook([{ name: 'Data', rows: [['Bulan', 'Kode Wilayah', 'Instansi', 'Indikator', 'Jumlah'], ['2024-01', 32.1, 'Disdukcapil', 'Perkawinan campuran', 5]] }]),
    code: 'value-unknown', row: 2, column: 'Kode Wilayah', found: /^32\.1$/, fix: /32\.10 \("Kabupaten Majalengka"; a code typed as a number loses its last zero: format the column as Text/ },
  { name: 'a region code written 35.1 in a CSV (a number column exported)', table: 'registry', extension: 'csv', content: () => 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah\r\n2024-01;35.1;Disdukcapil;Perkawinan campuran;5\r\n',
    code: 'value-unknown', row: 2, found: /^35\.1$/, fix: /^Did you mean 35\.10 \("Kabupaten Banyuwangi"; a code typed as a number loses its last zero/ },

  // A one-month cross-tab is a cross-tab: its total is checked, and a file with no header says what it found.
  { name: 'one month across with a total that disagrees', table: 'sanctions', extension: 'csv', content: () => `${SANCTION_KEYS};Januari 2024;Jumlah\r\nKANIM-BOGOR;China;Deportasi;Overstay;5;6\r\n`,
    code: 'row-total-mismatch', row: 2, column: 'Jumlah', found: /a row total of 6/ },
  { name: 'a file with no header line', table: 'sanctions', extension: 'csv', content: () => '2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12\r\n',
    code: 'no-header', found: /^no line that looks like a header \(the first line is "2024-01;KANIM-BOGOR;China;Deportasi;Overstay;12"\)$/, fix: /column names in one row/ },
];

describe('hostile variants, refused', () => {
  it.each(CASES)('$name', async ({ table = 'arrivals', extension = 'xlsx', content, code, row: line, column, found, fix }) => {
    const issues = await checkExport(table, extension, content(), { coverage: { from: '2024-01', to: '2024-02' } });
    const issue = issues.find((i) => i.code === code);
    expect(issue, describeIssues(issues)).toBeDefined();
    expect(issue!.found).toMatch(found);
    if (line !== undefined) expect(issue!.row).toBe(line);
    if (column !== undefined) expect(issue!.column).toBe(column);
    if (fix) expect(issue!.fix).toMatch(fix);
    // never the old dead-end advice
    expect(issues.filter((i) => i.code === 'missing-column' && /^Add the column/.test(i.fix)), describeIssues(issues)).toEqual([]);
  });
});

describe('hostile variants, published and read back', () => {
  it('reads a sheet whose hidden rows and columns are empty, a one-month cross-tab, and a number cell as Excel shows it', async () => {
    const arrivals = workbook([{ name: 'Data', xml: sheetXml([
      ['', ARRIVALS],
      ['', row('L', 1690.9999999999998)], // pasted as values from a formula: Excel shows 1691
      ['hidden="1"', []], // a hidden empty row: nothing to read
      ['', row('P', 2125.0000000000005)],
    ], '<col min="8" max="9" hidden="1"/>') }]); // hidden columns with no values
    const sanctions = `${SANCTION_KEYS};Januari 2024;Jumlah\r\nKANIM-BOGOR;China;Deportasi;Overstay;12;12\r\nKANIM-BATAM;Nigeria;Deportasi;Overstay;3;3\r\n`;
    const out = tempDir();
    const snapshot = writeSnapshot(tempDir(), { 'arrivals.csv': null, 'arrivals.xlsx': arrivals, 'sanctions.csv': sanctions,
      'snapshot.json': sidecarWithTableEnds({ arrivals: '2024-01', sanctions: '2024-01' }) });
    const result = await publish(snapshot, '2024-03-05', out, 'internal');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const query = async (sql: string) => (await db.runAndReadAll(sql.replaceAll('$DIR', join(out, 'current')))).getRowObjectsJson();
    expect(await query(`SELECT sex, count FROM '$DIR/arrivals.parquet' ORDER BY sex`)).toEqual([{ sex: 'L', count: '1691' }, { sex: 'P', count: '2125' }]);
    expect(await query(`SELECT strftime(month, '%Y-%m') AS m, office_code, count FROM '$DIR/sanctions.parquet' ORDER BY office_code`)).toEqual([
      { m: '2024-01', office_code: 'KANIM-BATAM', count: '3' }, { m: '2024-01', office_code: 'KANIM-BOGOR', count: '12' },
    ]);
    expect(result.manifest.sources.find((s) => s.path.endsWith('sanctions.csv'))?.format).toMatch(/cross-tab: month across one column \(Januari 2024\) read as rows, total column "Jumlah" checked, not read$/);
    db.closeSync();
  });

  it('leaves the publication exactly as it was when a hidden row or a NUL byte refuses the snapshot', async () => {
    const { outDir, snapshots } = await publishedBaseline();
    const before = publicationFingerprint(outDir);
    const hidden = workbook([{ name: 'Data', xml: sheetXml([['', ARRIVALS], ['', row('L', 7)], ['hidden="1"', row('P', 999)]]) }]);
    const issues = await refuse(writeSnapshot(join(snapshots, 'next'), { 'arrivals.csv': null, 'arrivals.xlsx': hidden,
      'sanctions.csv': `${SANCTIONS}\r\n2024-01;KANIM-BOGOR;China;Deportasi;Overstay;1\u00002\r\n` }, '2024-04-05'), '2024-04-05', outDir);
    expect(issues.map((i) => `${i.code} ${i.file.split('/').pop()} ${i.row}`)).toEqual(expect.arrayContaining(['xlsx-hidden-cells arrivals.xlsx 3', 'control-character sanctions.csv 2']));
    expect(publicationFingerprint(outDir)).toBe(before);
  });
});
