/**
 * One XML part of a workbook, parsed as it is inflated with `saxes`, a conforming streaming XML
 * parser. Elements and attributes reach the handler by their local name, so `<x:c>` and `<c>`
 * are the same element whatever prefix a writer binds to SpreadsheetML. A document type
 * declaration is refused outright (it is where entities would be declared: saxes expands none but
 * the five of XML itself), and so is nesting deeper or text longer than any workbook needs. XML
 * 1.0 is enforced whatever the declaration says, so no text can hold a control character.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { XLSX_LIMITS } from './xlsx-limits.ts';
import { RESAVE_FIX, UnsafeXlsxError } from './unsafe-xlsx-error.ts';

export type AfterChunk = 'continue' | 'stop' | 'skip';

export interface XmlHandler {
  /** `attributes` keep their qualified names: read them with `attribute()`. */
  open(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
  /**
   * Called after each chunk (at most 64 KiB of XML) has been parsed, e.g. to write out the rows it
   * held. 'stop' ends the read there: the rest of the part is never inflated. 'skip' ends the
   * parse: the rest is inflated (within every limit) but not parsed, so its size and checksum are
   * still verified.
   */
  afterChunk?(): AfterChunk | Promise<AfterChunk>;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** An attribute by local name (`r:id` and `id` alike); namespace declarations are not attributes. */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  const plain = attributes[name];
  if (plain !== undefined) return plain;
  for (const key in attributes) {
    const colon = key.indexOf(':');
    if (colon > 0 && key.slice(colon + 1) === name && key.slice(0, colon) !== 'xmlns') return attributes[key];
  }
  return undefined;
}

function decoderFor(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

export async function parseXmlPart(chunks: AsyncIterable<Buffer>, what: string, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false, defaultXMLVersion: '1.0', forceXMLVersion: true });
  const malformed = (why: string) => new UnsafeXlsxError(`${what} is not well-formed XML (${why})`, RESAVE_FIX);
  let depth = 0;
  parser.on('error', (error) => { throw malformed(error.message); });
  parser.on('doctype', () => {
    throw new UnsafeXlsxError(`${what} declares a document type (DOCTYPE), where XML entities are declared; Excel and LibreOffice never write one`, RESAVE_FIX);
  });
  parser.on('opentag', (tag) => {
    if (++depth > XLSX_LIMITS.xmlDepth) throw new UnsafeXlsxError(`${what} nests elements more than ${XLSX_LIMITS.xmlDepth} deep`, RESAVE_FIX);
    handler.open(localName(tag.name), (tag as SaxesTagPlain).attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handler.close?.(localName(tag.name));
  });
  const onText = (text: string) => {
    if (text.length > XLSX_LIMITS.xmlTextChars) throw new UnsafeXlsxError(`${what} holds a text of ${text.length} characters, more than a cell can hold`, RESAVE_FIX);
    handler.text?.(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  let decoder: TextDecoder | null = null;
  let next: AfterChunk = 'continue';
  for await (const chunk of chunks) {
    if (next === 'skip') continue;
    decoder ??= decoderFor(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw malformed('its text is not valid UTF-8');
    }
    parser.write(text);
    next = (await handler.afterChunk?.()) ?? 'continue';
    if (next === 'stop') return;
  }
  if (next === 'skip') return;
  if (!decoder) throw malformed('it is empty');
  parser.close();
  await handler.afterChunk?.();
}
