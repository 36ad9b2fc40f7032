/**
 * Writes a benchmark snapshot of N valid arrival rows (default 20 million) into bench-data/
 * (not committed): `;`-delimited UTF-8 CSV with a BOM and Indonesian thousands separators, every
 * row a distinct month × checkpoint × nationality × visa × sex cell, so it passes validation.
 * The other three tables are copied from the newest sample snapshot.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENUMS } from '../../src/schema/tables.ts';
import { openDuckDb, sqlString, sqlStringList } from '../lib/duckdb.ts';
import { loadReference } from '../reference/load-reference.ts';
import { SNAPSHOTS } from '../sample/calibration.ts';
import { readSnapshot } from '../snapshots/find-snapshots.ts';

export const BENCH_SNAPSHOT_DATE = '2025-10-05';

export async function generateBenchSnapshot(root: string, rows: number): Promise<string> {
  const reference = loadReference(root);
  // the sample's own newest snapshot, whatever other folders an analyst has added
  const newest = SNAPSHOTS.at(-1)!.date;
  if (!existsSync(join(root, 'data/snapshots', newest))) throw new Error(`No sample snapshot data/snapshots/${newest}: run \`npm run sample\` first.`);
  const sample = readSnapshot(join(root, 'data/snapshots', newest), newest);
  const dir = join(root, 'bench-data', BENCH_SNAPSHOT_DATE);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(sample.dir)) if (/^(sanctions|operations|registry)\./.test(f)) copyFileSync(join(sample.dir, f), join(dir, f));

  const ports = reference.ports.map((p) => p.code);
  const countries = reference.countries.map((c) => c.iso3);
  const visas = ENUMS.visaCategory.map((v) => v.code);
  const cellsPerMonth = ports.length * countries.length * visas.length * 2;
  const months = Math.ceil(rows / cellsPerMonth);
  const first = new Date(Date.UTC(2025, 8 - months + 1, 1));
  const from = first.toISOString().slice(0, 7);
  // the copied tables start where the sample does, the arrivals where their months do: the later
  // of the two says so in its own coverage
  const copiedFrom = sample.sidecar.coverage.from;
  const tables = from < copiedFrom
    ? { sanctions: { from: copiedFrom }, operations: { from: copiedFrom }, registry: { from: copiedFrom } }
    : from > copiedFrom ? { arrivals: { from } } : {};
  const coverage = { from: from < copiedFrom ? from : copiedFrom, to: '2025-09' };
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ snapshotDate: BENCH_SNAPSHOT_DATE, coverage, tables, synthetic: true, producer: 'benchmark generator' }, null, 2));

  const list = (xs: string[]) => `[${sqlStringList(xs)}]`;
  const db = await openDuckDb();
  const path = join(dir, 'arrivals.csv');
  writeFileSync(path, '\uFEFF');
  await db.run(`COPY (
    SELECT strftime(DATE ${sqlString(`${from}-01`)} + INTERVAL (i // ${cellsPerMonth}) MONTH, '%Y-%m') AS "Bulan",
      ${list(ports)}[1 + (i // ${countries.length * visas.length * 2}) % ${ports.length}] AS "TPI",
      ${list(countries)}[1 + (i // ${visas.length * 2}) % ${countries.length}] AS "Kewarganegaraan",
      ${list(visas)}[1 + (i // 2) % ${visas.length}] AS "Jenis Visa/Izin",
      ['L', 'P'][1 + i % 2] AS "Jenis Kelamin",
      replace(format('{:,}', (hash(i) % 20000)::BIGINT), ',', '.') AS "Jumlah"
    FROM range(${rows}) t(i)) TO ${sqlString(path + '.body')} (HEADER, DELIMITER ';', QUOTE '')`);
  db.closeSync();
  // Prepend the BOM the way Excel and office systems write it.
  const { execFileSync } = await import('node:child_process');
  execFileSync('sh', ['-c', `cat ${JSON.stringify(path + '.body')} >> ${JSON.stringify(path)} && rm ${JSON.stringify(path + '.body')}`]);
  return dir;
}
