/**
 * Child process of `npm run bench:hostile`: ingests one XLSX file as the arrivals export, as the
 * pipeline does, and prints JSON: wall seconds of the ingest, its CPU seconds, the process's
 * resident memory just before it and at its peak, and the issues. The peak is Linux's VmHWM with
 * the high-water mark reset just before the ingest (`clear_refs` 5): getrusage's maxRSS would
 * include the parent's peak, which a child inherits at fork.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../../src/schema/tables.ts';
import { ingestFile } from '../ingest/ingest-file.ts';

const [path] = process.argv.slice(2) as [string];
const workDir = mkdtempSync(join(tmpdir(), 'pantau-bench-xlsx-'));
const peakRssKb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
writeFileSync('/proc/self/clear_refs', '5');
const rssBeforeKb = process.memoryUsage().rss / 1024;
const cpu = process.cpuUsage();
const started = performance.now();
const { ingested, issues } = await ingestFile(TABLES.arrivals, path, path, workDir);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const maxRssKb = peakRssKb();
rmSync(workDir, { recursive: true, force: true });
const errors = issues.filter((i) => i.severity === 'error').map((i) => ({ code: i.code, found: i.found }));
console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, rssBeforeKb, maxRssKb, accepted: ingested !== null, errors }));
