/**
 * `npm run data`: publishes the scheduled snapshots in data/snapshots/ that are newer than the
 * current publication, oldest first (so each is checked for drift against the one before), or
 * one named snapshot with --snapshot. Exit code 0 on success, 2 when a snapshot is refused.
 *
 *   npm run data [-- --snapshot 2025-10-05] [--snapshots DIR] [--out DIR] [--quiet] [--internal]
 *
 * Public (disclosure-controlled) by default; `--internal` or PANTAU_AUDIENCE=internal publishes
 * unsuppressed tables marked internal on every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, type Manifest } from '../../src/schema/manifest.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { formatIssue, SnapshotRejectedError } from '../lib/pipeline-issue.ts';
import { createProgress } from '../lib/progress.ts';
import { runPipeline } from '../pipeline.ts';
import { currentRelease } from '../publish/publish-release.ts';
import { loadReference } from '../reference/load-reference.ts';
import { listSnapshotFolders, readSnapshot } from '../snapshots/find-snapshots.ts';

const root = resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run data [-- options]

Publishes every snapshot in data/snapshots/ newer than the current publication, oldest first.

  --snapshot YYYY-MM-DD   publish this snapshot only
  --snapshots DIR         snapshot folders to read (default: data/snapshots)
  --out DIR               publication folder (default: data/published)
  --internal              UNSUPPRESSED tables for an intranet, marked INTERNAL on every page
  --quiet                 print the outcome only, no progress
  --help                  this text

Exit code 0: published (or nothing new); 2: a snapshot was refused, every problem listed, and
the current publication left as it was. README.md, "Adding a snapshot", says more.`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        snapshot: { type: 'string' },
        snapshots: { type: 'string', default: join(root, 'data/snapshots') },
        out: { type: 'string', default: join(root, 'data/published') },
        quiet: { type: 'boolean', default: false },
        internal: { type: 'boolean', default: process.env.PANTAU_AUDIENCE === 'internal' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
}
const values = parseOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const progress = createProgress(values.quiet || undefined);
const outDir = resolve(values.out!);
const all = listSnapshotFolders(resolve(values.snapshots!));
const current = await currentRelease(outDir);
const currentDate = current && existsSync(join(current, MANIFEST_FILE))
  ? (JSON.parse(readFileSync(join(current, MANIFEST_FILE), 'utf8')) as Manifest).snapshotDate
  : null;
const todo = values.snapshot
  ? all.filter((s) => s.date === values.snapshot)
  : all.filter((s) => currentDate === null || s.date >= currentDate);

if (todo.length === 0) {
  console.error(values.snapshot ? `No snapshot folder ${values.snapshot} in ${values.snapshots}.` : `No snapshot folders (YYYY-MM-DD) in ${values.snapshots}.`);
  process.exit(values.snapshot || all.length === 0 ? 1 : 0);
}

const reference = loadReference(root);
if (process.env.PANTAU_AUDIENCE && !['public', 'internal'].includes(process.env.PANTAU_AUDIENCE)) {
  console.error(`PANTAU_AUDIENCE must be "public" or "internal", not "${process.env.PANTAU_AUDIENCE}".`);
  process.exit(1);
}
const audience = values.internal ? 'internal' : 'public';
if (audience === 'internal') console.error('INTERNAL build: tables are published WITHOUT disclosure control, for the intranet only. Never deploy this publication publicly.');
for (const folder of todo) {
  const snapshot = folder;
  try {
    const result = await runPipeline(readSnapshot(folder.dir, folder.date), { root, outDir, progress, reference, audience });
    for (const w of result.warnings) console.error(formatIssue(w));
    const drift = result.manifest.warnings.filter((w) => w.code === 'revision-drift' || w.code === 'month-dropped');
    for (const w of drift) console.error(`WARNING [${w.code}] ${w.message}`);
    const rows = TABLE_NAMES.reduce((n, t) => n + (result.manifest.tables[t]?.rows ?? 0), 0);
    console.log(`${snapshot.date}: ${result.unchanged ? 'already published, unchanged' : 'published'} → ${result.releaseDir} (${rows} fact rows, ${drift.length} drift warning(s))`);
  } catch (error) {
    if (error instanceof SnapshotRejectedError) {
      console.error(`${snapshot.date}: REFUSED — nothing published; the current publication is unchanged.`);
      for (const issue of error.issues) console.error(formatIssue(issue));
      process.exit(error.exitCode);
    }
    throw error;
  }
}
