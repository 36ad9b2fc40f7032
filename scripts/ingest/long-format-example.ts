/**
 * The long format a table is exported in — one row per cell, one column per key, the count last —
 * as a header line and one example row, for messages that refuse another layout.
 */
import { ENUMS, type ColumnSpec, type EnumName, type TableSpec } from '../../src/schema/tables.ts';

const EXAMPLES: Record<string, string> = {
  month: '2024-01', date: '15/01/2024', port: 'Soekarno-Hatta', office: 'Kanim Bogor', country: 'China', region: '36.72', text: 'Imigrasi, Polri', count: '12',
};

/** "jenis visa/izin" → "Jenis Visa/Izin"; short words are acronyms: "wna diperiksa" → "WNA Diperiksa", "tpi" → "TPI". */
const headerText = (text: string) => text.replace(/\p{L}+/gu, (word) => (word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1)));

function example(column: ColumnSpec): string {
  const value = EXAMPLES[column.parse];
  if (value !== undefined) return value;
  return ENUMS[column.parse as EnumName][0]!.id;
}

/** `Bulan;TPI;…;Jumlah` then `2024-01;Soekarno-Hatta;…;12`. */
export function longFormatExample(spec: TableSpec): string {
  const header = spec.rawColumns.map((c) => headerText(c.rawHeaders[0]!)).join(';');
  return `${header} / ${spec.rawColumns.map(example).join(';')}`;
}
