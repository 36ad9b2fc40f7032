/**
 * `npm run bench:hostile`: generates hostile XLSX files of at most 64 MB (hostile-xlsx-files.ts),
 * ingests each in its own process as the pipeline would, and writes the wall time, CPU time and
 * memory beyond the process's own to docs/benchmarks.md (section "Hostile XLSX files", replaced in
 * place; the other sections are kept). Target: every hostile file refused within 2 s and under
 * 300 MB of extra memory. Each file is measured three times; the table shows the median time and
 * the largest memory.
 *
 *   npm run bench:hostile [-- --runs 3]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportNumber } from '../lib/report-numbers.ts';
import { replaceMarkedSection } from './benchmarks-doc.ts';
import { hostileXlsxFiles } from './hostile-xlsx-files.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const TARGET_SECONDS = 2;
const TARGET_EXTRA_MB = 300;

interface Run { seconds: number; cpuSeconds: number; rssBeforeKb: number; maxRssKb: number; accepted: boolean; errors: { code: string; found?: string }[] }

const dir = mkdtempSync(join(tmpdir(), 'pantau-hostile-xlsx-'));
console.error('generating the hostile files…');
const files = hostileXlsxFiles();
const loadAtStart = loadavg()[0]!;
const results = files.map((file) => {
  const path = join(dir, file.name);
  writeFileSync(path, file.bytes);
  const measured: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure-xlsx-ingest.ts'), path], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    measured.push(JSON.parse(output.trim().split('\n').at(-1)!) as Run);
  }
  rmSync(path);
  const seconds = measured.map((m) => m.seconds).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const cpuSeconds = measured.map((m) => m.cpuSeconds).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const extraMb = Math.max(...measured.map((m) => (m.maxRssKb - m.rssBeforeKb) / 1024));
  const outcome = measured[0]!.accepted ? 'accepted' : measured[0]!.errors.map((e) => `${e.code}: ${e.found ?? ''}`).join('; ');
  console.error(`${file.name}: ${seconds.toFixed(2)} s, +${extraMb.toFixed(0)} MB — ${outcome}`);
  return { file, seconds, cpuSeconds, extraMb, outcome };
});
rmSync(dir, { recursive: true, force: true });

const hostile = results.filter((r) => r.file.hostile);
const worstSeconds = Math.max(...hostile.map((r) => r.seconds));
const worstMb = Math.max(...hostile.map((r) => r.extraMb));
const met = hostile.every((r) => r.seconds <= TARGET_SECONDS && r.extraMb <= TARGET_EXTRA_MB && !r.outcome.startsWith('accepted'));
const cell = (text: string) => text.replaceAll('|', '\\|');
const section = `<!-- bench:hostile-xlsx -->
## Hostile XLSX files — ${new Date().toISOString().slice(0, 10)}

Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; command \`npm run bench:hostile\`
(also run by \`npm run bench\`). Each file is ingested as \`arrivals.xlsx\` in its own process, ${runs} times: seconds and CPU s
are the median of the ingest alone (not the process start), extra MB the largest growth of the
process's peak resident memory over what it held just before the ingest. Load average (1 min) at the
start: ${loadAtStart.toFixed(1)} on ${cpus().length} cores; other work on the machine stretches wall time.

| file (≤ 64 MB) | bytes | seconds | CPU s | extra MB | outcome |
|---|---:|---:|---:|---:|---|
${results.map((r) => `| ${r.file.hostile ? '' : '*for scale:* '}${cell(r.file.what)} | ${reportNumber(r.file.bytes.length)} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.extraMb.toFixed(0)} | ${cell(r.outcome).slice(0, 160)} |`).join('\n')}

Target: every hostile file ≤ 64 MB refused within ${TARGET_SECONDS} s and under ${TARGET_EXTRA_MB} MB of extra memory.
Result: ${met ? 'met' : '**not met**'}; the slowest hostile file took ${worstSeconds.toFixed(2)} s, the hungriest ${worstMb.toFixed(0)} MB.
<!-- /bench:hostile-xlsx -->
`;
replaceMarkedSection('hostile-xlsx', section);
console.error('wrote docs/benchmarks.md');
process.stdout.write(section);
