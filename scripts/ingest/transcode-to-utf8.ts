/**
 * Rewrites a text export as UTF-8 with LF line endings, streaming, so DuckDB reads it with one
 * line convention: Windows-1252 (older Excel), UTF-16 (Excel "Unicode Text"), bare CR line ends
 * (Excel for Mac) and files mixing LF and CRLF all become the same plain text. A BOM is dropped.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { TextEncoding } from './detect-text-format.ts';

export async function transcodeToUtf8(from: string, to: string, encoding: TextEncoding): Promise<void> {
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
  // A CR at the end of one chunk may be the first half of a CRLF split across chunks.
  let pendingCr = false;
  const normalise = (text: string, last: boolean): string => {
    let joined = (pendingCr ? '\r' : '') + text;
    pendingCr = !last && joined.endsWith('\r');
    if (pendingCr) joined = joined.slice(0, -1);
    return joined.replace(/\r\n?/g, '\n');
  };
  await pipeline(
    createReadStream(from),
    new Transform({
      transform(chunk: Buffer, _enc, done) { done(null, normalise(decoder.decode(chunk, { stream: true }), false)); },
      flush(done) { done(null, normalise(decoder.decode(), true)); },
    }),
    createWriteStream(to),
  );
}
