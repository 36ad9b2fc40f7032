/**
 * Control characters in a CSV value (a NUL byte, an old DOS end-of-file mark Ctrl-Z, a form
 * feed…): no office program writes them into text, so a value holding one comes from a damaged
 * file or a program that pads its output. Refused, naming the file, row, column and the
 * character, before any value is used (a NUL would also end the text early wherever it is passed
 * on as a C string). Tabs and line breaks are not among them: a quoted value may hold those, and
 * free text that begins with one is refused by its own rule (table-rules.ts, "text-formula").
 * XLSX text cannot hold them at all: XML 1.0 forbids them (parse-xml-part.ts).
 */
import type { PipelineIssue } from '../lib/pipeline-issue.ts';

export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** The same class for DuckDB's regular expressions (RE2). */
export const CONTROL_CHARACTER_RE2 = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]';

const NAMES: Record<number, string> = { 0x00: 'NUL (byte 0)', 0x1a: 'Ctrl-Z (an old DOS end-of-file mark)', 0x0c: 'a form feed', 0x0b: 'a vertical tab', 0x7f: 'DEL' };

const nameOf = (code: number) => NAMES[code] ?? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The value with each control character shown as ⟨U+0000⟩, so a message can print it. */
export const visibleControlCharacters = (raw: string): string =>
  raw.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);

export function controlCharacterIssue(file: string, table: PipelineIssue['table'], row: number | undefined, column: string, raw: string): PipelineIssue {
  const code = CONTROL_CHARACTER.exec(raw)![0].charCodeAt(0);
  return {
    severity: 'error', code: 'control-character', file, table, ...(row === undefined ? {} : { row }), column,
    found: `${JSON.stringify(visibleControlCharacters(raw))}, holding ${nameOf(code)}`,
    expected: 'text without control characters',
    fix: code === 0x1a
      ? 'Delete the Ctrl-Z mark (an old program adds it at the end of the file), or export the file again as CSV (UTF-8).'
      : 'The file is damaged or was written by a program that pads text with control characters: export the table again as CSV (UTF-8) from the source program, or save the workbook as .xlsx.',
  };
}
