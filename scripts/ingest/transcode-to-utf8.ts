/** Rewrites a Windows-1252 export (common from older Excel) as UTF-8, streaming, so DuckDB can read it. */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export async function transcodeToUtf8(from: string, to: string, encoding: 'windows-1252'): Promise<void> {
  const decoder = new TextDecoder(encoding);
  await pipeline(
    createReadStream(from),
    new Transform({
      transform(chunk: Buffer, _enc, done) { done(null, decoder.decode(chunk, { stream: true })); },
      flush(done) { done(null, decoder.decode()); },
    }),
    createWriteStream(to),
  );
}
