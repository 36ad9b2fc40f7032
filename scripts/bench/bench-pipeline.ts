/**
 * `npm run bench:pipeline`: times the pipeline end to end on a generated snapshot of 20 million
 * arrival rows, next to native DuckDB's raw speed on the same CSV, and writes the numbers to
 * docs/benchmarks.md. Each measurement runs in its own process so peak memory (max RSS) is its own.
 *
 *   npm run bench:pipeline [-- --rows 20000000]
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportNumber } from '../lib/report-numbers.ts';
import { prependSection } from './benchmarks-doc.ts';
import { BENCH_SNAPSHOT_DATE, generateBenchSnapshot } from './generate-bench-snapshot.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000000' } } });
const rows = Number(values.rows);

/** Wall seconds of the measured work, peak RSS, CPU seconds of the whole child process, and the 1-minute load average before it started. */
interface Measured { seconds: number; maxRssMb: number; cpuSeconds: number; load: number; output: string }

function measure(script: string, args: string[]): Measured {
  const load = loadavg()[0]!;
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; maxRssKb: number; cpuSeconds: number };
  return { seconds: result.seconds, maxRssMb: result.maxRssKb / 1024, cpuSeconds: result.cpuSeconds, load, output };
}

console.error(`generating ${reportNumber(rows)} arrival rows…`);
const dir = await generateBenchSnapshot(root, rows);
const csv = join(dir, 'arrivals.csv');
const bytes = statSync(csv).size;

const scan = measure('measure-duckdb-raw.ts', [csv, 'scan']);
const toParquet = measure('measure-duckdb-raw.ts', [csv, 'parquet']);
const toTypedParquet = measure('measure-duckdb-raw.ts', [csv, 'parquet-typed']);
const sameOutput = measure('measure-duckdb-raw.ts', [csv, 'same-output']);
const pipeline = measure('measure-pipeline.ts', [dir, BENCH_SNAPSHOT_DATE]);

const line = (name: string, m: Measured) => `| ${name} | ${m.seconds.toFixed(2)} | ${reportNumber(rows / m.seconds)} | ${reportNumber(m.maxRssMb)} | ${m.cpuSeconds.toFixed(1)} | ${m.load.toFixed(2)} |`;
const section = [
  `## Pipeline, ${reportNumber(rows)} arrival rows (${(bytes / 1e6).toFixed(0)} MB CSV) — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; command \`npm run bench:pipeline\`.`,
  '',
  'CPU s is the whole child process (user + system, both cores); load is the 1-minute load average just before it started (other work on the machine stretches wall time).',
  '',
  '| measurement | seconds | rows/s | peak RSS (MB) | CPU s | load |',
  '|---|---:|---:|---:|---:|---:|',
  line('native DuckDB: scan the CSV (count, sum)', scan),
  line('native DuckDB: CSV → Parquet, no checks', toParquet),
  line('native DuckDB: CSV → Parquet, no checks, every type known in advance', toTypedParquet),
  line('the same two arrival files, nothing checked or protected (typed read, the pipeline\'s own totals, Parquet)', sameOutput),
  line('**pipeline end to end** (ingest, validate, aggregate, disclosure control, publish)', pipeline),
  '',
  `Target: ≥ 3,000,000 rows/s end to end and < 2,048 MB peak. Result: ${reportNumber(rows / pipeline.seconds)} rows/s, ${reportNumber(pipeline.maxRssMb)} MB.`,
  '',
].join('\n');
prependSection(section);
console.log(section);
