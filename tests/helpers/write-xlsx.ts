/**
 * XLSX fixtures for tests. `xlsx()` is the sample generator's own writer, with hostile extras where
 * a test needs them. `workbook()` writes what offices' tools write and the sample writer does not:
 * several sheets (hidden ones too), the 1904 date system, date-formatted cells, inline strings,
 * cached errors, a namespace prefix on every SpreadsheetML element, and the zip layout of a
 * streaming writer (sizes in a data descriptor after each entry, as LibreOffice writes them).
 */
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { buildXlsx, type XlsxCell } from '../../scripts/sample/raw-export.ts';

export type Cell = XlsxCell;

export function xlsx(rows: Cell[][], extraEntries: Record<string, Uint8Array> = {}): Buffer {
  return Buffer.from(buildXlsx('Data', rows, extraEntries));
}

/** A cell of `workbook()`: text (shared string), a number, or one of the typed forms. */
export type BookCell =
  | string
  | number
  | null
  /** A number cell whose `<v>` is exactly this text ("3769.0", "1.5E3"). */
  | { v: string }
  /** A number cell formatted as a date (built-in format 14, or "mmmm yyyy"). */
  | { serial: number; format?: 'date' | 'month' }
  | { inline: string }
  /** A cached error value, as a formula's result pasted as values leaves it. */
  | { error: string }
  | { formula: string; value: number };

export interface BookSheet {
  name: string;
  state?: 'hidden' | 'veryHidden';
  rows?: BookCell[][];
  /** The whole worksheet XML, instead of `rows`. */
  xml?: string;
}

export interface BookOptions {
  date1904?: boolean;
  /** Write SpreadsheetML with this namespace prefix on every element (`<x:c>`), as some writers do. */
  prefix?: string;
  /**
   * 'streaming': local headers carry no sizes, a data descriptor follows each entry (LibreOffice,
   * streaming writers); 'stored': nothing compressed (to reach a limit other than the ratio).
   */
  zip?: ZipLayout;
  extraEntries?: Record<string, Uint8Array>;
  /** Replaces the shared-strings part. */
  sharedStringsXml?: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE = { date: 1, month: 2 } as const;

export const xmlEscape = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function columnName(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/** `<p:name attrs>` with the prefix, or plain. */
const tagger = (prefix: string | undefined) => (name: string) => (prefix ? `${prefix}:${name}` : name);

function sheetXml(rows: readonly (readonly BookCell[])[], strings: Map<string, number>, prefix: string | undefined): string {
  const t = tagger(prefix);
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const body = rows.map((row, r) => {
    const cells = row.map((cell, c) => {
      if (cell === null || cell === '') return '';
      const ref = `${columnName(c)}${r + 1}`;
      const open = (attrs = '') => `<${t('c')} r="${ref}"${attrs}>`;
      const close = `</${t('c')}>`;
      const v = (text: string) => `<${t('v')}>${xmlEscape(text)}</${t('v')}>`;
      if (typeof cell === 'number') return `${open()}${v(String(cell))}${close}`;
      if (typeof cell === 'string') {
        if (!strings.has(cell)) strings.set(cell, strings.size);
        return `${open(' t="s"')}${v(String(strings.get(cell)))}${close}`;
      }
      if ('v' in cell) return `${open()}${v(cell.v)}${close}`;
      if ('serial' in cell) return `${open(` s="${STYLE[cell.format ?? 'date']}"`)}${v(String(cell.serial))}${close}`;
      if ('inline' in cell) return `${open(' t="inlineStr"')}<${t('is')}><${t('t')}>${xmlEscape(cell.inline)}</${t('t')}></${t('is')}>${close}`;
      if ('error' in cell) return `${open(' t="e"')}${v(cell.error)}${close}`;
      return `${open()}<${t('f')}>${xmlEscape(cell.formula)}</${t('f')}>${v(String(cell.value))}${close}`;
    }).join('');
    return cells ? `<${t('row')} r="${r + 1}">${cells}</${t('row')}>` : '';
  }).join('');
  return `${XML}<${t('worksheet')} ${ns}><${t('sheetData')}>${body}</${t('sheetData')}></${t('worksheet')}>`;
}

/** A workbook's parts, by entry name. */
export function workbookParts(sheets: readonly BookSheet[], options: BookOptions = {}): Record<string, string | Uint8Array> {
  const t = tagger(options.prefix);
  const ns = options.prefix ? `xmlns:${options.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const strings = new Map<string, number>();
  const parts: Record<string, string | Uint8Array> = {};
  sheets.forEach((sheet, i) => { parts[`xl/worksheets/sheet${i + 1}.xml`] = sheet.xml ?? sheetXml(sheet.rows ?? [], strings, options.prefix); });
  const sst = [...strings.keys()].map((s) => `<${t('si')}><${t('t')} xml:space="preserve">${xmlEscape(s)}</${t('t')}></${t('si')}>`).join('');
  parts['xl/sharedStrings.xml'] = options.sharedStringsXml ?? `${XML}<${t('sst')} ${ns} count="${strings.size}" uniqueCount="${strings.size}">${sst}</${t('sst')}>`;
  parts['xl/styles.xml'] = `${XML}<${t('styleSheet')} ${ns}><${t('numFmts')} count="1"><${t('numFmt')} numFmtId="164" formatCode="mmmm\\ yyyy"/></${t('numFmts')}>`
    + `<${t('cellXfs')} count="3"><${t('xf')} numFmtId="0"/><${t('xf')} numFmtId="14" applyNumberFormat="1"/><${t('xf')} numFmtId="164" applyNumberFormat="1"/></${t('cellXfs')}></${t('styleSheet')}>`;
  const sheetList = sheets.map((s, i) => `<${t('sheet')} name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const activeTab = Math.max(0, sheets.findIndex((s) => !s.state));
  parts['xl/workbook.xml'] = `${XML}<${t('workbook')} ${ns} xmlns:r="${RELS}"><${t('workbookPr')}${options.date1904 ? ' date1904="1"' : ''}/>`
    + `<${t('bookViews')}><${t('workbookView')} activeTab="${activeTab}"/></${t('bookViews')}><${t('sheets')}>${sheetList}</${t('sheets')}></${t('workbook')}>`;
  const sheetRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  parts['xl/_rels/workbook.xml.rels'] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rIdS" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${RELS}/styles" Target="/xl/styles.xml"/></Relationships>`;
  parts['_rels/.rels'] = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const type = (part: string, kind: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`;
  parts['[Content_Types].xml'] = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`
    + `${type('xl/workbook.xml', 'sheet.main')}${sheets.map((_, i) => type(`xl/worksheets/sheet${i + 1}.xml`, 'worksheet')).join('')}${type('xl/sharedStrings.xml', 'sharedStrings')}${type('xl/styles.xml', 'styles')}</Types>`;
  return { ...parts, ...options.extraEntries };
}

const mtime = new Date(1980, 0, 1, 0, 0, 0);

export type ZipLayout = 'sync' | 'streaming' | 'stored';

/** Zips parts: at once (sizes in every local header) or as a streaming writer does (sizes after the data). */
export function zipParts(parts: Record<string, string | Uint8Array>, layout: ZipLayout = 'sync'): Buffer {
  const bytes = Object.entries(parts).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content] as const);
  if (layout !== 'streaming') return Buffer.from(zipSync(Object.fromEntries(bytes.map(([name, data]) => [name, [data, { mtime, level: layout === 'stored' ? 0 : 6 }]])) as never));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of bytes) {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    // Several pushes, as a writer streaming rows does.
    for (let i = 0; i < data.length; i += 256 * 1024) entry.push(data.subarray(i, i + 256 * 1024), false);
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

export function workbook(sheets: readonly BookSheet[], options: BookOptions = {}): Buffer {
  return zipParts(workbookParts(sheets, options), options.zip);
}
