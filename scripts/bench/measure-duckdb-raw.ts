/**
 * Child process of the benchmark: native DuckDB alone on the CSV, no validation. Prints JSON.
 *
 *   scan           count and sum one column (parsing only)
 *   parquet        CSV → Parquet with every column as text, as a naive export would
 *   parquet-typed  CSV → Parquet with every type known in advance (month DATE, codes as ENUMs of
 *                  the reference lists, counts BIGINT with "." thousands): the fastest this file
 *                  can become Parquet in DuckDB — one pass, nothing checked, nothing sorted,
 *                  string columns written from ENUM dictionaries. A lower bound for the pipeline.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENUMS } from '../../src/schema/tables.ts';
import { openDuckDb, sqlString } from '../lib/duckdb.ts';
import { loadReference } from '../reference/load-reference.ts';

const [csv, mode] = process.argv.slice(2) as [string, 'scan' | 'parquet' | 'parquet-typed'];
const db = await openDuckDb();
const text = `read_csv(${sqlString(csv)}, delim = ';', header = true, auto_detect = false,
  columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR', 'c4': 'VARCHAR', 'c5': 'VARCHAR'})`;
const reference = loadReference(resolve(import.meta.dirname, '../..'));
const enumOf = (values: string[]) => `ENUM(${values.map(sqlString).join(', ')})`;
const types = [enumOf(reference.ports.map((p) => p.code)), enumOf(reference.countries.map((c) => c.iso3)),
  enumOf(ENUMS.visaCategory.map((v) => v.code)), enumOf(ENUMS.sex.map((v) => v.code))];
const typed = `read_csv(${sqlString(csv)}, delim = ';', header = true, auto_detect = false, dateformat = '%Y-%m', thousands = '.', decimal_separator = ',',
  columns = {'c0': 'DATE', 'c1': ${sqlString(types[0]!)}, 'c2': ${sqlString(types[1]!)}, 'c3': ${sqlString(types[2]!)}, 'c4': ${sqlString(types[3]!)}, 'c5': 'BIGINT'})`;
const out = sqlString(join(tmpdir(), 'pantau-bench-raw.parquet'));
const started = performance.now();
if (mode === 'scan') await db.run(`SELECT count(*), sum(length(c5)) FROM ${text}`);
else if (mode === 'parquet') await db.run(`COPY (SELECT * FROM ${text}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
else await db.run(`COPY (SELECT * FROM ${typed}) TO ${out} (FORMAT parquet, COMPRESSION zstd)`);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
