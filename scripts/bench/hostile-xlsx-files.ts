/**
 * The hostile XLSX files of `npm run bench:hostile`, each at most 64 MB: zip bombs of several
 * sizes (lying about their size, and honest about it), deep and huge XML, a formula at the end of
 * the largest sheet allowed, many entries, a huge shared-strings table, millions of empty cells;
 * and, for scale, the largest ordinary export accepted. Made with raw-zip.ts, never inflated here.
 */
import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { columnLetters } from '../ingest/xlsx/sheet-cell.ts';
import { XLSX_LIMITS } from '../ingest/xlsx/xlsx-limits.ts';
import { reportNumber } from '../lib/report-numbers.ts';
import { rawZip, storedEntry, type RawZipEntry } from './raw-zip.ts';

const MiB = 1024 * 1024;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET = 'xl/worksheets/sheet1.xml';
const HEADER = ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'];

export interface HostileFile {
  name: string;
  /** What makes it hostile, for the table. */
  what: string;
  bytes: Buffer;
  /** False for the one ordinary export measured for scale. */
  hostile: boolean;
}

const deflated = (name: string, text: string | Buffer): RawZipEntry => {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  return { name, data: deflateRawSync(data), method: 8, inflatedBytes: data.length, crc32: crc32(data) };
};

/** The parts of a one-sheet workbook around the sheet (and shared strings) given. */
function workbookEntries(sheet: RawZipEntry, sharedStrings?: RawZipEntry): RawZipEntry[] {
  return [
    deflated('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    deflated('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflated('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    deflated('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`),
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

const inline = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${HEADER.map(inline).join('')}</row>`;
const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${headerRow}${rows}</sheetData></worksheet>`;

/**
 * A deflate stream of whole sync-flushed blocks of 1 MiB of spaces (about 1 KB each, 1:1000),
 * repeated to `compressedBytes`: a bomb of any size, built without inflating it.
 */
function bombStream(compressedBytes: number): { stream: Buffer; inflatedBytes: number } {
  const block = deflateRawSync(Buffer.alloc(MiB, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  const copies = Math.max(1, Math.floor(compressedBytes / block.length));
  return { stream: Buffer.concat([...Array.from({ length: copies }, () => block), Buffer.from([0x03, 0x00])]), inflatedBytes: copies * MiB };
}

function zipBomb(compressedBytes: number, claims: 'honest' | 'lying'): HostileFile {
  const { stream, inflatedBytes } = bombStream(compressedBytes);
  const mebibytes = (compressedBytes / MiB).toFixed(0);
  const declared = claims === 'honest' ? inflatedBytes : 1 * MiB;
  const sheet: RawZipEntry = { name: SHEET, data: stream, method: 8, inflatedBytes: declared, crc32: 0 };
  return {
    name: `bomb-${mebibytes}mib-${claims}.xlsx`, hostile: true, bytes: rawZip(workbookEntries(sheet)),
    what: `zip bomb: ${mebibytes} MiB inflating to ${(inflatedBytes / 2 ** 30).toFixed(inflatedBytes < 2 ** 30 ? 2 : 0)} GiB, its directory ${claims === 'honest' ? 'telling the truth (zip64)' : 'claiming 1 MiB'}`,
  };
}

/** Ordinary arrival rows (inline text, as streaming writers emit them) filling up to `bytes` of sheet XML. */
function rowsOfBytes(bytes: number): { xml: string; rows: number } {
  const rows: string[] = [];
  for (let length = 0, i = 0; ; i++) {
    const r = i + 2;
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Januari 2024</t></is></c><c r="B${r}" t="inlineStr"><is><t>CGK</t></is></c><c r="C${r}" t="inlineStr"><is><t>C${i % 250}</t></is></c><c r="D${r}" t="inlineStr"><is><t>VoA</t></is></c><c r="E${r}" t="inlineStr"><is><t>${i % 2 ? 'L' : 'P'}</t></is></c><c r="F${r}"><v>${i % 5000}</v></c></row>`;
    if (length + row.length > bytes) return { xml: rows.join(''), rows: rows.length };
    rows.push(row);
    length += row.length;
  }
}

export function hostileXlsxFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  // Up to just under the 64 MiB file limit (a larger file is refused by its size alone).
  const largest = XLSX_LIMITS.fileBytes - 64 * 1024;
  for (const bytes of [1 * MiB, 16 * MiB, largest]) files.push(zipBomb(bytes, 'lying'));
  files.push(zipBomb(largest, 'honest'));

  // Deep XML: 100,000 nested elements inside a row (compressed plainly: 1.3 MB).
  const deep = sheetXml(`<row r="2">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</row>`);
  files.push({ name: 'deep-xml.xlsx', hostile: true, what: 'XML nested 100,000 elements deep', bytes: rawZip(workbookEntries(storedEntry(SHEET, Buffer.from(deep)))) });

  // Huge XML: 60 MB of incompressible text in one cell (stored); and the same deflated, claiming 1 MiB.
  const noise = randomBytes(45 * MiB).toString('base64');
  const huge = Buffer.from(sheetXml(`<row r="2"><c r="A2" t="inlineStr"><is><t>${noise}</t></is></c></row>`));
  files.push({ name: 'huge-xml.xlsx', hostile: true, what: `${(huge.length / MiB).toFixed(0)} MiB sheet of incompressible text, size recorded`, bytes: rawZip(workbookEntries(storedEntry(SHEET, huge))) });
  files.push({ name: 'huge-xml-lying.xlsx', hostile: true, what: 'the same deflated, its directory claiming 1 MiB', bytes: rawZip(workbookEntries({ ...deflated(SHEET, huge), inflatedBytes: MiB })) });
  // A formula in the last cell of the largest sheet allowed: every byte must be parsed to see it.
  const last = Buffer.from(sheetXml(`${rowsOfBytes(XLSX_LIMITS.sheetBytes - 4096).xml}<row r="999999"><c r="F999999"><f>SUM(F2:F999998)</f><v>1</v></c></row>`));
  files.push({ name: 'formula-at-the-end.xlsx', hostile: true, what: `a formula in the last cell of a ${(last.length / MiB).toFixed(1)} MiB sheet (the limit is ${XLSX_LIMITS.sheetBytes / MiB} MiB)`, bytes: rawZip(workbookEntries(deflated(SHEET, last))) });

  // A hidden row at the end of the largest sheet allowed: stale figures kept out of sight, seen only at the last row.
  const hiddenLast = Buffer.from(sheetXml(`${rowsOfBytes(XLSX_LIMITS.sheetBytes - 4096).xml}<row r="999999" hidden="1"><c r="F999999"><v>999</v></c></row>`));
  files.push({ name: 'hidden-row-at-the-end.xlsx', hostile: true, what: `a hidden row in the last row of a ${(hiddenLast.length / MiB).toFixed(1)} MiB sheet`, bytes: rawZip(workbookEntries(deflated(SHEET, hiddenLast))) });
  // 16,384 hidden column ranges, each over the whole grid, before a data row in a hidden column.
  const cols = `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(XLSX_LIMITS.columns)}</cols>`;
  const hiddenColumns = sheetXml(`<row r="2"><c r="A2"><v>1</v></c></row>`).replace('<sheetData>', `${cols}<sheetData>`);
  files.push({ name: 'hidden-columns.xlsx', hostile: true, what: `${reportNumber(XLSX_LIMITS.columns)} hidden column ranges over the whole grid`, bytes: rawZip(workbookEntries(deflated(SHEET, hiddenColumns))) });
  // Many entries: 450,000 one-byte entries (a zip64 directory), 52 MB.
  const many = Array.from({ length: 450_000 }, (_, i) => storedEntry(`xl/media/e${i}.bin`, Buffer.from('x')));
  files.push({ name: 'many-entries.xlsx', hostile: true, what: '450,000 entries', bytes: rawZip([...workbookEntries(deflated(SHEET, sheetXml(''))), ...many]) });

  // A huge shared-strings table: 4 million distinct strings, its size recorded; and 1.5 million empty ones within the size limit.
  const strings = Array.from({ length: 4_000_000 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
  const sst = `<?xml version="1.0"?><sst xmlns="${MAIN}">${strings}</sst>`;
  files.push({ name: 'huge-shared-strings.xlsx', hostile: true, what: `shared strings: 4,000,000 strings, ${(sst.length / MiB).toFixed(0)} MiB`, bytes: rawZip(workbookEntries(deflated(SHEET, sheetXml('')), deflated('xl/sharedStrings.xml', sst))) });
  const empty = `<?xml version="1.0"?><sst xmlns="${MAIN}">${'<si/>'.repeat(1_500_000)}</sst>`;
  files.push({ name: 'many-shared-strings.xlsx', hostile: true, what: `shared strings: 1,500,000 empty strings, ${(empty.length / MiB).toFixed(1)} MiB, none declared`, bytes: rawZip(workbookEntries(deflated(SHEET, sheetXml('')), storedEntry('xl/sharedStrings.xml', Buffer.from(empty)))) });

  // Millions of empty cells: formatted, with references, stored (so the ratio does not stop it first).
  const emptyCells: string[] = [];
  for (let r = 2; r < 2 + 1_400; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 1_000; c++) row += `<c r="${columnLetters(c)}${r}" s="1"/>`;
    emptyCells.push(`${row}</row>`);
  }
  const emptySheet = Buffer.from(sheetXml(emptyCells.join('')));
  files.push({ name: 'empty-cells.xlsx', hostile: true, what: `1,400,000 formatted empty cells, ${(emptySheet.length / MiB).toFixed(0)} MiB stored`, bytes: rawZip(workbookEntries(storedEntry(SHEET, emptySheet))) });

  // For scale: the largest ordinary export the limits accept.
  const { xml, rows } = rowsOfBytes(XLSX_LIMITS.sheetBytes - 4096);
  const big = Buffer.from(sheetXml(xml));
  files.push({ name: 'largest-accepted.xlsx', hostile: false, what: `ordinary export: ${reportNumber(rows)} rows, ${(big.length / MiB).toFixed(1)} MiB sheet`, bytes: rawZip(workbookEntries(deflated(SHEET, big))) });
  return files;
}
