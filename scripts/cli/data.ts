/**
 * `npm run data`: publishes the scheduled snapshots in data/snapshots/: the current publication's
 * snapshot again and every newer one, oldest first (so each is checked for drift against the one
 * before), or one named snapshot with --snapshot. `current` never moves back to an older snapshot
 * without --rollback (plan-run.ts). Exit code 0 on success, 1 for a usage error or a refused
 * rollback, 2 when a snapshot is refused.
 *
 *   npm run data [-- --snapshot 2025-10-05 [--rollback]] [--snapshots DIR] [--out DIR] [--quiet] [--internal]
 *
 * Public (disclosure-controlled) by default; `--internal` or PANTAU_AUDIENCE=internal publishes
 * unsuppressed tables marked internal on every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, parseManifestText } from '../../src/schema/manifest.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';
import { formatIssue, SnapshotRejectedError } from '../lib/pipeline-issue.ts';
import { createProgress } from '../lib/progress.ts';
import { runPipeline } from '../pipeline.ts';
import { currentRelease } from '../publish/publish-release.ts';
import { loadReference } from '../reference/load-reference.ts';
import { listSnapshotFolders, readSnapshot } from '../snapshots/find-snapshots.ts';
import { planRun } from './plan-run.ts';

const root = resolve(import.meta.dirname, '../..');
const USAGE = `Usage: npm run data [-- options]

Publishes the snapshots in data/snapshots/ from the current publication's on, oldest first: the
current publication's snapshot again (unchanged unless its files or the reference lists changed)
and every newer one. Older snapshot folders are left alone. Each is compared for revisions with the
previous different snapshot.

  --snapshot YYYY-MM-DD   publish this snapshot only; refused when it is older than the current
                          publication, unless --rollback is given
  --rollback              with --snapshot: publish that OLDER snapshot again and move \`current\`
                          back to it, so the site built next shows its figures. The newer releases
                          stay in the publication's releases/ folder; publish them again (npm run
                          data) to move forward
  --snapshots DIR         snapshot folders to read (default: data/snapshots)
  --out DIR               publication folder (default: data/published)
  --internal              UNSUPPRESSED tables for an intranet, marked INTERNAL on every page
  --quiet                 print the outcome only, no progress
  --help                  this text

Exit code 0: published (or nothing new); 1: a usage error, or an older --snapshot without
--rollback (nothing changed); 2: a snapshot was refused, every problem listed, and the current
publication left as it was. README.md, "Adding a snapshot", says more.`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        snapshot: { type: 'string' },
        rollback: { type: 'boolean', default: false },
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
const snapshotsDir = resolve(values.snapshots!);
const current = await currentRelease(outDir);
const currentDate = current && existsSync(join(current, MANIFEST_FILE)) ? parseManifestText(readFileSync(join(current, MANIFEST_FILE), 'utf8'), join(current, MANIFEST_FILE)).snapshotDate : null;
const plan = planRun(listSnapshotFolders(snapshotsDir), currentDate, { snapshot: values.snapshot, rollback: values.rollback! }, values.snapshots!);
if (plan.kind === 'stop') {
  (plan.exitCode === 0 ? console.log : console.error)(plan.message);
  process.exit(plan.exitCode);
}

const reference = loadReference(root);
if (process.env.PANTAU_AUDIENCE && !['public', 'internal'].includes(process.env.PANTAU_AUDIENCE)) {
  console.error(`PANTAU_AUDIENCE must be "public" or "internal", not "${process.env.PANTAU_AUDIENCE}".`);
  process.exit(1);
}
const audience = values.internal ? 'internal' : 'public';
if (audience === 'internal') console.error('INTERNAL build: tables are published WITHOUT disclosure control, for the intranet only. Never deploy this publication publicly.');
for (const folder of plan.snapshots) {
  try {
    const before = await currentRelease(outDir);
    const result = await runPipeline(readSnapshot(folder.dir, folder.date), { root, outDir, progress, reference, audience });
    for (const w of result.warnings) console.error(formatIssue(w));
    const drift = result.manifest.warnings.filter((w) => w.code === 'revision-drift' || w.code === 'month-dropped');
    for (const w of drift) console.error(`WARNING [${w.code}] ${w.message}`);
    const rows = TABLE_NAMES.reduce((n, t) => n + (result.manifest.tables[t]?.rows ?? 0), 0);
    const outcome = plan.rollback
      ? `ROLLED BACK: \`current\` now points at ${folder.date} (was ${currentDate}); the newer releases stay in releases/`
      : result.unchanged && before === result.releaseDir ? 'already published, unchanged' : 'published';
    console.log(`${folder.date}: ${outcome} → ${result.releaseDir} (${rows} fact rows, ${drift.length} drift warning(s))`);
    // How many cells each rule withheld: for the analyst only (the public manifest has totals).
    if (!values.quiet) {
      for (const [table, c] of Object.entries(result.disclosure)) {
        if (c.k !== null) console.log(`  ${table}: ${c.primary + c.secondary + c.frozen} cells withheld (${c.primary} under k, ${c.secondary} to protect them, ${c.frozen} kept from the previous release)`);
      }
    }
  } catch (error) {
    if (error instanceof SnapshotRejectedError) {
      console.error(`${folder.date}: REFUSED — nothing published; the current publication is unchanged.`);
      for (const issue of error.issues) console.error(formatIssue(issue));
      process.exit(error.exitCode);
    }
    throw error;
  }
}
