/** Child process of the benchmark: native DuckDB alone on the CSV (scan, or CSV → Parquet). Prints JSON. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb, sqlString } from '../lib/duckdb.ts';

const [csv, mode] = process.argv.slice(2) as [string, 'scan' | 'parquet'];
const db = await openDuckDb();
const relation = `read_csv(${sqlString(csv)}, delim = ';', header = true, auto_detect = false,
  columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR', 'c4': 'VARCHAR', 'c5': 'VARCHAR'})`;
const started = performance.now();
if (mode === 'scan') await db.run(`SELECT count(*), sum(length(c5)) FROM ${relation}`);
else await db.run(`COPY (SELECT * FROM ${relation}) TO ${sqlString(join(tmpdir(), 'pantau-bench-raw.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS }));
