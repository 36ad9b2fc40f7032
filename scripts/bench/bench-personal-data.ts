/**
 * `npm run bench:personal-data`: what scanning every value for personal data costs on 20 million
 * arrival rows. Validation of the arrivals file is timed with and without the personal-data gate
 * (scripts/anonymise/refuse-identifying-values.ts), on the benchmark file as generated (every
 * column read, so only the distinct values are scanned) and on the same file with two columns the
 * table ignores: a row number ("No", 20 million distinct values) and a remarks column
 * ("Keterangan"), which the profile scan checks row by row. Writes the numbers to
 * docs/benchmarks.md.
 *
 *   npm run bench:personal-data [-- --rows 20000000]
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDuckDb, sqlString } from '../lib/duckdb.ts';
import { reportFixed, reportNumber } from '../lib/report-numbers.ts';
import { prependSection } from './benchmarks-doc.ts';
import { BENCH_SNAPSHOT_DATE, generateBenchSnapshot } from './generate-bench-snapshot.ts';
import { tableCoverage } from '../../src/schema/snapshot.ts';
import { readSnapshot } from '../snapshots/find-snapshots.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000000' } } });
const rows = Number(values.rows);

console.error(`generating ${reportNumber(rows)} arrival rows…`);
const dir = await generateBenchSnapshot(root, rows);
const coverage = tableCoverage(readSnapshot(dir, BENCH_SNAPSHOT_DATE).sidecar, 'arrivals');
const plain = join(dir, 'arrivals.csv');
const wide = join(root, 'bench-data', 'arrivals-with-ignored-columns.csv');
const db = await openDuckDb();
await db.run(`COPY (SELECT *, CAST(row_number() OVER () AS VARCHAR) AS "No",
    CASE WHEN hash("Jumlah" || "TPI") % 1000 = 0 THEN 'Imigrasi, Polri, TNI' ELSE '' END AS "Keterangan"
  FROM read_csv(${sqlString(plain)}, delim = ';', header = true, all_varchar = true)) TO ${sqlString(wide)} (HEADER, DELIMITER ';')`);
db.closeSync();

interface Measured { seconds: number; cpuSeconds: number; maxRssMb: number; load: number; ignored: number }
function measure(csv: string, mode: 'gate' | 'no-gate'): Measured {
  const load = loadavg()[0]!;
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure-validate.ts'), csv, coverage.from, coverage.to, mode], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const r = JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; cpuSeconds: number; maxRssKb: number; ignored: number };
  return { seconds: r.seconds, cpuSeconds: r.cpuSeconds, maxRssMb: r.maxRssKb / 1024, load, ignored: r.ignored };
}

const cases = [
  { name: 'generated file (6 columns, all read): without the gate', csv: plain, mode: 'no-gate' as const },
  { name: 'generated file: with the gate (distinct values scanned in JavaScript)', csv: plain, mode: 'gate' as const },
  { name: 'with "No" and "Keterangan" ignored: without the gate', csv: wide, mode: 'no-gate' as const },
  { name: 'with "No" and "Keterangan" ignored: with the gate (both scanned in the profile scan)', csv: wide, mode: 'gate' as const },
];
const results = cases.map((c) => ({ ...c, m: measure(c.csv, c.mode) }));
const section = [
  `## Personal-data scan, ${reportNumber(rows)} arrival rows — ${new Date().toISOString().slice(0, 10)}`, '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}), ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; command \`npm run bench:personal-data\`.`, '',
  'Ingest and validate the arrivals file alone (scripts/bench/measure-validate.ts), each in its own process. CPU s is user + system of that process; load is the 1-minute load average before it started.', '',
  '| measurement | seconds | CPU s | peak RSS (MB) | load |', '|---|---:|---:|---:|---:|',
  ...results.map(({ name, m }) => `| ${name} | ${reportFixed(m.seconds, 2)} | ${reportFixed(m.cpuSeconds, 1)} | ${reportFixed(m.maxRssMb, 0)} | ${reportFixed(m.load, 2)} |`), '',
].join('\n');
prependSection(section);
console.log(section);
