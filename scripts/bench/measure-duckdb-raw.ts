/**
 * Child process of the benchmark: native DuckDB alone on the CSV, no validation. Prints JSON.
 *
 *   scan           count and sum one column (parsing only)
 *   parquet        CSV → Parquet with every column as text, as a naive export would
 *   parquet-typed  CSV → Parquet with every type known in advance (month DATE, codes as ENUMs of
 *                  the reference lists, counts BIGINT with "." thousands): the fastest this file
 *                  can become Parquet in DuckDB — one pass, nothing checked, nothing sorted,
 *                  string columns written from ENUM dictionaries.
 *   same-output    the two arrival files the pipeline publishes, with nothing checked and nothing
 *                  protected: the typed rows (as parquet-typed) with their province, and every
 *                  view of src/schema/disclosure.ts by month, half-year and year, made by the
 *                  pipeline's own buildTotalsTable. What the output costs before validation and
 *                  disclosure control. (One GROUPING SETS pass over the rows instead took 18.3 s
 *                  and 1.87 GB for 20 M rows: the pipeline's plan sums each view from a finer one.)
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENUMS } from '../../src/schema/tables.ts';
import { buildTotalsTable } from '../aggregate/totals-table.ts';
import { openDuckDb, sqlString, sqlStringList } from '../lib/duckdb.ts';
import { loadReference } from '../reference/load-reference.ts';

const [csv, mode] = process.argv.slice(2) as [string, 'scan' | 'parquet' | 'parquet-typed' | 'same-output'];
const db = await openDuckDb();
const text = `read_csv(${sqlString(csv)}, delim = ';', header = true, auto_detect = false,
  columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR', 'c4': 'VARCHAR', 'c5': 'VARCHAR'})`;
const reference = loadReference(resolve(import.meta.dirname, '../..'));
const enumOf = (values: string[]) => `ENUM(${sqlStringList(values)})`;
const types = [enumOf(reference.ports.map((p) => p.code)), enumOf(reference.countries.map((c) => c.iso3)),
  enumOf(ENUMS.visaCategory.map((v) => v.code)), enumOf(ENUMS.sex.map((v) => v.code))];
const typed = `read_csv(${sqlString(csv)}, delim = ';', header = true, auto_detect = false, dateformat = '%Y-%m', thousands = '.', decimal_separator = ',',
  columns = {'c0': 'DATE', 'c1': ${sqlString(types[0]!)}, 'c2': ${sqlString(types[1]!)}, 'c3': ${sqlString(types[2]!)}, 'c4': ${sqlString(types[3]!)}, 'c5': 'BIGINT'})`;
const outFile = join(tmpdir(), 'pantau-bench-raw.parquet');
const totalsFile = join(tmpdir(), 'pantau-bench-raw-totals.parquet');
const out = sqlString(outFile);
const started = performance.now();
if (mode === 'scan') await db.run(`SELECT count(*), sum(length(c5)) FROM ${text}`);
else if (mode === 'parquet') await db.run(`COPY (SELECT * FROM ${text}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
else if (mode === 'parquet-typed') await db.run(`COPY (SELECT * FROM ${typed}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
else await writeSameOutput();
const seconds = (performance.now() - started) / 1000;
// Up to 110 MB of Parquet per run: measured, then not kept.
for (const file of [outFile, totalsFile]) rmSync(file, { force: true });
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));

/** The arrival rows and their totals (see `same-output` above), as two Parquet files. */
async function writeSameOutput(): Promise<void> {
  const ports = `(SELECT * FROM (VALUES ${reference.ports.map((p) => `(${sqlString(p.code)}, ${sqlString(p.province_code)})`).join(', ')}) v(code, province_code))`;
  await db.run(`CREATE TEMP TABLE rows AS SELECT c0 AS month, c1 AS port_code, c2 AS nationality, c3 AS visa_category, c4 AS sex, c5 AS count, ports.province_code
    FROM ${typed} JOIN ${ports} ports ON ports.code = CAST(c1 AS VARCHAR)`);
  await db.run(`COPY rows TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
  // The pipeline's own aggregation (each view from the smallest finer one; each view sorted, as
  // published files must be for identical bytes), with every cell kept and none protected.
  await buildTotalsTable(db, 'arrivals', 'SELECT * FROM rows', 'totals');
  await db.run(`COPY totals TO ${sqlString(totalsFile)} (FORMAT parquet, COMPRESSION zstd)`);
}
