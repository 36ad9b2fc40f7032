/** Progress on a terminal: a live line while DuckDB reads a large export, nothing in logs or CI. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDuckDb, sqlString, type Db } from '../../scripts/lib/duckdb.ts';
import { createProgress, liveProgressLine, type ProgressSink } from '../../scripts/lib/progress.ts';
import { tempDir } from '../helpers/pipeline-fixture.ts';

let db: Db;
let csv: string;
beforeAll(async () => {
  db = await openDuckDb();
  csv = join(tempDir(), 'arrivals.csv');
  // Large enough that reading it takes many redraw intervals, even on a busy machine.
  await db.run(`COPY (SELECT DATE '2024-01-01' + (i % 365)::INTEGER AS bulan, 'CGK' AS tpi, 'CHN' AS negara, i % 7 AS jumlah FROM range(3000000) t(i))
    TO ${sqlString(csv)} (HEADER, DELIMITER ';')`);
});
afterAll(() => db.closeSync());

function recordingSink(isTTY: boolean): ProgressSink & { text: string } {
  return { isTTY, text: '', write(chunk: string) { this.text += chunk; } };
}

const readExport = () => db.run(`CREATE OR REPLACE TABLE read_back AS SELECT * FROM read_csv(${sqlString(csv)}, delim = ';', header = true, all_varchar = true)`);

it('shows the rows DuckDB has read so far while a long read runs, then clears the line', async () => {
  const sink = recordingSink(true);
  const progress = createProgress(false, { sink, intervalMs: 10 });
  const result = await progress.watch('arrivals: reading and checking', db, async () => { await readExport(); return 'done'; });
  expect(result).toBe('done');
  const frames = sink.text.split('\r\x1b[2K').filter(Boolean);
  expect(frames.length).toBeGreaterThan(1);
  expect(frames.every((frame) => frame.startsWith('  arrivals: reading and checking: '))).toBe(true);
  // DuckDB reports a CSV scan's rows against its estimate of the file's rows
  expect(frames.some((frame) => /current query \d+ % · [\d,]+ of ~[\d,]+ rows$/.test(frame))).toBe(true);
  // the last thing written clears the live line, so the stage's own summary starts clean
  expect(sink.text.endsWith('\r\x1b[2K')).toBe(true);
});

it('writes nothing when the output is not a terminal (a log file, a pipe, CI)', async () => {
  const piped = recordingSink(false);
  await createProgress(undefined, { sink: piped, intervalMs: 10 }).watch('arrivals', db, readExport);
  createProgress(undefined, { sink: piped }).rows('arrivals', 10, performance.now());
  expect(piped.text).toBe('');

  const quiet = recordingSink(true);
  await createProgress(true, { sink: quiet, intervalMs: 10 }).watch('arrivals', db, readExport);
  expect(quiet.text).toBe('');
});

it('passes a failing stage\'s error on and still clears the live line', async () => {
  const sink = recordingSink(true);
  const progress = createProgress(false, { sink, intervalMs: 10 });
  await expect(progress.watch('arrivals', db, () => db.run('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
  expect(sink.text.endsWith('\r\x1b[2K')).toBe(true);
});

it('says only what DuckDB knows: elapsed time always, share and rows when reported', () => {
  expect(liveProgressLine('publish', 3.4, { percentage: -1, rows_processed: 0n, total_rows_to_process: 0n })).toBe('  publish: 3 s');
  expect(liveProgressLine('arrivals', 12.2, { percentage: 42.4, rows_processed: 10_276_779n, total_rows_to_process: 24_472_556n }))
    .toBe('  arrivals: 12 s · current query 42 % · 10,276,779 of ~24,472,556 rows');
});
