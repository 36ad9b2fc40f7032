/**
 * `npm run snapshot -- --from <folder-or-files>`: takes in one scheduled export. It checks the
 * files, stores them immutably under data/snapshots/<date>/ with SHA256SUMS (store-snapshot.ts),
 * publishes that snapshot through the pipeline and rebuilds the site, then prints one summary:
 * published or refused, and what changed against the previous release (release-changes.ts).
 * Every run appends its summary to a log. A refused export is never published: the current
 * publication and site stay as they were.
 *
 * Exit codes: 0 published (or the same export again: nothing to do); 1 usage error, or an export
 * older than the current publication (stored, not published); 2 refused (every problem listed);
 * 3 a different export of an already stored date (nothing changed); 4 published, but the site build
 * failed (deploy nothing).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, parseManifestText, type Manifest } from '../../src/schema/manifest.ts';
import { formatIssue, SnapshotRejectedError } from '../lib/pipeline-issue.ts';
import { createProgress } from '../lib/progress.ts';
import { runPipeline } from '../pipeline.ts';
import { currentRelease } from '../publish/publish-release.ts';
import { loadReference } from '../reference/load-reference.ts';
import { listSnapshotFolders, readSnapshot } from '../snapshots/find-snapshots.ts';
import { releaseChanges } from '../snapshots/release-changes.ts';
import { setAsideRefused, storeSnapshot } from '../snapshots/store-snapshot.ts';
import { planRun } from './plan-run.ts';

const root = resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run snapshot -- --from <folder-or-file> [--from <file> …] [options]

Takes in one scheduled export: snapshot.json and one export per table (arrivals, sanctions,
operations, registry as .csv or .xlsx), as a folder or as files. Checks them, stores them
read-only under data/snapshots/<snapshotDate>/ with SHA256SUMS, publishes the snapshot and
rebuilds the site (dist/). The same export again is a no-op; a different export of a date already
stored is refused.

  --from PATH        the export folder, or one of its files (repeat for each file)
  --snapshots DIR    snapshot folders (default: data/snapshots)
  --out DIR          publication folder (default: data/published)
  --log FILE         append the summary here (default: <out>/snapshot.log)
  --skip-build       publish the data but do not run astro build
  --internal         UNSUPPRESSED tables for an intranet, marked INTERNAL on every page
  --quiet            no pipeline progress
  --help             this text

Exit code 0: published, or nothing to do; 1: usage error, or an export older than the current
publication (stored, not published); 2: refused, every problem listed, nothing published;
3: a different export of a date already stored (nothing changed); 4: published, site build failed.`;

function parseOptions() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string', multiple: true },
        snapshots: { type: 'string', default: join(root, 'data/snapshots') },
        out: { type: 'string', default: join(root, 'data/published') },
        log: { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
        internal: { type: 'boolean', default: process.env.PANTAU_AUDIENCE === 'internal' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
}

const { values, positionals } = parseOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const from = [...(values.from ?? []), ...positionals].map((p) => resolve(p));
if (from.length === 0) {
  console.error(`--from is missing: name the export folder or its files.\n\n${USAGE}`);
  process.exit(1);
}
const snapshotsDir = resolve(values.snapshots!);
const outDir = resolve(values.out!);
const logFile = resolve(values.log ?? join(outDir, 'snapshot.log'));
const started = new Date();
const lines: string[] = [];

/** Prints a line of the summary (stderr for problems) and keeps it for the log. */
function say(line: string, problem = false): void {
  (problem ? console.error : console.log)(line);
  lines.push(line);
}

function finish(code: number): never {
  mkdirSync(dirname(logFile), { recursive: true });
  appendFileSync(logFile, `== ${started.toISOString()} npm run snapshot --from ${from.join(' ')} → exit ${code}\n${lines.join('\n')}\n`);
  process.exit(code);
}

function manifestOf(dir: string | null): Manifest | null {
  if (!dir || !existsSync(join(dir, MANIFEST_FILE))) return null;
  return parseManifestText(readFileSync(join(dir, MANIFEST_FILE), 'utf8'), join(dir, MANIFEST_FILE));
}

const stored = await storeSnapshot(from, snapshotsDir);
if (stored.kind === 'refused') {
  say('REFUSED — the export was not stored and nothing was published; the current publication is unchanged.', true);
  for (const issue of stored.issues) say(formatIssue(issue), true);
  finish(2);
}
if (stored.kind === 'conflict') {
  say(`REFUSED — ${stored.dir} already holds a different export of ${stored.date}; stored snapshots are never overwritten. Nothing changed.`, true);
  for (const d of stored.differences) say(`  ${d}`, true);
  say(`  If this export corrects the stored one, give it its own date (the day it was taken) in snapshot.json.`, true);
  finish(3);
}
const date = stored.date;
say(stored.kind === 'stored' ? `${date}: stored → ${stored.dir} (${Object.keys(stored.checksums).length} files, SHA256SUMS)` : `${date}: already stored with the same files (${stored.dir})`);

const beforeDir = await currentRelease(outDir);
const before = manifestOf(beforeDir);
const plan = planRun(listSnapshotFolders(snapshotsDir), before?.snapshotDate ?? null, { snapshot: date, rollback: false }, snapshotsDir);
if (plan.kind === 'stop') {
  say(`${date}: NOT PUBLISHED — ${plan.message}`, true);
  finish(1);
}

const audience = values.internal ? 'internal' : 'public';
if (audience === 'internal') say('INTERNAL build: tables are published WITHOUT disclosure control, for the intranet only. Never deploy this publication publicly.', true);
let result;
try {
  result = await runPipeline(readSnapshot(stored.dir, date), { root, outDir, progress: createProgress(values.quiet || undefined), reference: loadReference(root), audience });
} catch (error) {
  if (!(error instanceof SnapshotRejectedError)) throw error;
  say(`${date}: REFUSED — nothing published; the current publication is unchanged.`, true);
  for (const issue of error.issues) say(formatIssue(issue), true);
  if (stored.kind === 'stored') say(`  The export was moved to ${setAsideRefused(snapshotsDir, stored.dir)} so a corrected export of ${date} can be taken in.`, true);
  finish(2);
}
for (const w of result.warnings) say(formatIssue(w), true);
const unchanged = result.unchanged && beforeDir === result.releaseDir;
say(`${date}: ${unchanged ? 'already published, unchanged' : 'PUBLISHED'} → ${result.releaseDir}`);
for (const line of unchanged ? ['nothing changed'] : releaseChanges(before, result.manifest)) say(`  ${line}`);

// dist/ was built from this very release when it carries the release's manifest (the build copies it)
const distManifest = join(root, 'dist', 'data', MANIFEST_FILE);
const distBuilt = existsSync(join(root, 'dist', 'index.html')) && existsSync(distManifest) && readFileSync(distManifest, 'utf8') === readFileSync(join(result.releaseDir, MANIFEST_FILE), 'utf8');
if (values['skip-build']) say('site not rebuilt (--skip-build)');
else if (unchanged && distBuilt) say('site already built for this release: not rebuilt');
else {
  const env = { ...process.env, PANTAU_PUBLISHED_DIR: join(outDir, 'current'), ...(audience === 'internal' ? { PANTAU_AUDIENCE: 'internal' } : {}) };
  const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (build.status !== 0) {
    say(`${date}: the data is published but the SITE BUILD FAILED (exit ${build.status}): deploy nothing.`, true);
    say((build.stderr || build.stdout).split('\n').slice(-30).join('\n'), true);
    finish(4);
  }
  say(`site rebuilt → ${join(root, 'dist')}`);
}
finish(0);
