/** Child process of the benchmark: the real pipeline on one snapshot folder. Prints JSON. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPipeline } from '../pipeline.ts';
import { createProgress } from '../lib/progress.ts';
import { readSnapshot } from '../snapshots/find-snapshots.ts';

const [dir, date] = process.argv.slice(2) as [string, string];
const root = resolve(import.meta.dirname, '../..');
const started = performance.now();
const outDir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
const result = await runPipeline(readSnapshot(dir, date), { root, outDir, progress: createProgress(false) });
const seconds = (performance.now() - started) / 1000;
// ~100 MB of Parquet per run: measured, then not kept.
rmSync(outDir, { recursive: true, force: true });
console.error(`published ${result.manifest.tables.arrivals?.rows} arrival rows`);
const usage = process.resourceUsage();
// The files' sha256, so that two runs (or two versions of the code) can be checked for identical bytes.
const sha256 = Object.fromEntries(Object.entries(result.manifest.tables).map(([name, t]) => [name, t.sha256]));
console.log(JSON.stringify({ seconds, maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, sha256 }));
