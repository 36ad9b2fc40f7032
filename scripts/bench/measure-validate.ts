/**
 * Child process of the personal-data benchmark: ingest and validate one arrivals CSV, with or
 * without the personal-data gate on the profile scan. Prints JSON (seconds, CPU seconds, peak RSS).
 *
 *   tsx scripts/bench/measure-validate.ts <csv> <from YYYY-MM> <to YYYY-MM> gate|no-gate
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TABLES } from '../../src/schema/tables.ts';
import { personalDataGate } from '../anonymise/refuse-identifying-values.ts';
import { ingestFile } from '../ingest/ingest-file.ts';
import { openDuckDb } from '../lib/duckdb.ts';
import { loadReference } from '../reference/load-reference.ts';
import { validateTable } from '../validate/validate-table.ts';

const [csv, from, to, mode] = process.argv.slice(2) as [string, string, string, 'gate' | 'no-gate'];
const reference = loadReference(resolve(import.meta.dirname, '../..'));
const work = mkdtempSync(join(tmpdir(), 'pantau-bench-validate-'));
const db = await openDuckDb();
const started = performance.now();
const { ingested, issues } = await ingestFile(TABLES.arrivals, csv, csv, work);
if (!ingested) throw new Error(issues.map((i) => i.code).join(', '));
const result = await validateTable(db, TABLES.arrivals, ingested, reference, { from, to }, mode === 'gate' ? personalDataGate(db, TABLES.arrivals, ingested) : undefined);
const seconds = (performance.now() - started) / 1000;
if (!result.validated) throw new Error(result.issues.map((i) => i.code).join(', '));
db.closeSync();
rmSync(work, { recursive: true, force: true });
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds, rows: result.validated.rows, ignored: ingested.ignoredColumns.length, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
