/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (ST_Xstring: `_x000D_` for a carriage
 * return, `_x005F_` for a literal underscore). Control characters other than tab, line feed and
 * carriage return stay escaped, so no cell text ever holds one.
 */
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXlsxEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (escape, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d ? escape : String.fromCharCode(code);
  });
}
