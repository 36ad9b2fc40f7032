/**
 * The pipeline, in one readable place: one scheduled snapshot in, one publication out. runPipeline
 * runs the stages in this order, and each lives in its folder of scripts/ (the stages import
 * downward in this order; docs/architecture.md has the map):
 *
 *   1. ingest/     every table: find <table>.csv or .xlsx, read its head (encoding, delimiter,
 *                  title rows, header) and refuse identifying columns; XLSX is streamed to CSV
 *   2. validate/   every table: value maps and rules in DuckDB (identifying values refused by the
 *                  gate anonymise/ hands it), data in every month of the coverage
 *                  ── any error so far refuses the snapshot, before anything is written ──
 *                  then drift of the snapshot against the previous different snapshot
 *   3. aggregate/  table by table: the published rows, typed, with the reference names
 *   4. anonymise/  the same table (protect-table.ts): its totals (aggregate/), revisions of
 *                  published months held where they would reveal a small change, disclosure
 *                  control over rows and totals; then drift again, of what it publishes
 *   5. publish/    Parquet and manifest into a new release folder, `current` swapped
 *
 * Beside them: the reference lists (reference/), the earlier releases (snapshots/), and below every
 * stage the helpers of lib/. Any error refuses the whole snapshot (SnapshotRejectedError, listing
 * every problem) and the current publication stays as it was. Warnings (revisions beyond the drift
 * threshold, ignored columns) go into the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { MANIFEST_FILE, parseManifestText, type Manifest, type PipelineWarning, type SourceFile, type SuppressionCounts } from '../src/schema/manifest.ts';
import { DISCLOSURE, totalsTableName, withheldColumn } from '../src/schema/disclosure.ts';
import { REFERENCE_FILES } from '../src/schema/reference.ts';
import { tableCoverage, type MonthRange } from '../src/schema/snapshot.ts';
import { REFERENCE_TABLES, SCHEMA_VERSION, TABLE_NAMES, TABLES, type TableName } from '../src/schema/tables.ts';
import { previousPublicRelease } from './anonymise/previous-public-release.ts';
import { personalDataGate } from './anonymise/refuse-identifying-values.ts';
import { publicSuppression, type DisclosureCounts } from './anonymise/disclosure-counts.ts';
import { protectTable, type Audience } from './anonymise/protect-table.ts';
import { basisDir, basisRowsFile, createBasisStaging, DISCLOSURE_REPORT_FILE, hasBasis, removeBasisStaging } from './anonymise/release-basis.ts';
import type { RevisionBase } from './anonymise/hold-revisions.ts';
import { publishedTableSql } from './aggregate/published-table-sql.ts';
import { grainLiteral, viewLiteral } from './lib/totals-column-types.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { openDuckDb, queryRows, sqlIdent, sqlString } from './lib/duckdb.ts';
import { isError, SnapshotRejectedError, type PipelineIssue } from './lib/pipeline-issue.ts';
import { createProgress, type Progress } from './lib/progress.ts';
import { sha256File } from './lib/sha256-file.ts';
import { startStageClock } from './lib/trace.ts';
import { publishRelease } from './publish/publish-release.ts';
import { loadReference, type Reference } from './reference/load-reference.ts';
import { loadReferenceTables } from './reference/load-reference-tables.ts';
import { comparisonBase } from './snapshots/comparison-base.ts';
import { monthBefore, type Snapshot } from './snapshots/find-snapshots.ts';
import { checkDrift, driftFigureWithheld, type DriftFinding } from './validate/check-drift.ts';
import { checkMonthsWithData } from './validate/check-months-with-data.ts';
import { currentSeries, type SeriesMonth } from './validate/monthly-series.ts';
import { dropValidatedRows, validateTable, type ValidatedTable } from './validate/validate-table.ts';

export interface PipelineOptions {
  /** Repository root: reference CSVs are read from here, and paths in messages are relative to it. */
  root: string;
  /** Publication folder (releases/ and the `current` link). */
  outDir: string;
  progress?: Progress;
  /**
   * 'public' (default): disclosure control withholds small cells. 'internal': unsuppressed tables
   * for leadership on an intranet; the manifest says so and every page carries a banner.
   */
  audience?: Audience;
  /** Reuse a loaded reference (tests publish many snapshots). */
  reference?: Reference;
}

export interface PipelineResult {
  manifest: Manifest;
  releaseDir: string;
  /** The same snapshot was already published with identical content. */
  unchanged: boolean;
  warnings: PipelineIssue[];
  /** How many cells each rule withheld, per table (for the analyst; the manifest has totals only). */
  disclosure: Partial<Record<TableName, DisclosureCounts>>;
}

const LICENCES: Manifest['licences'] = [
  { name: 'idn-area-data (provinces, regencies)', licence: 'ODbL-1.0', attribution: 'Indonesian administrative areas from idn-area-data by fityannugroho (Kemendagri codes), Open Database License. The provinces and regencies Parquet files are released under ODbL.' },
  { name: 'i18n-iso-countries', licence: 'MIT', attribution: 'Country names and ISO 3166-1 codes from i18n-iso-countries.' },
];

/** The raw file of a table in a snapshot folder: <name>.csv or <name>.xlsx, exactly one. */
function findRawFile(snapshot: Snapshot, table: TableName): { path: string | null; issue?: PipelineIssue } {
  const candidates = ['csv', 'xlsx'].map((ext) => join(snapshot.dir, `${TABLES[table].rawFile}.${ext}`)).filter(existsSync);
  if (candidates.length === 1) return { path: candidates[0]! };
  return {
    path: null,
    issue: {
      severity: 'error', code: candidates.length === 0 ? 'missing-file' : 'two-files-for-one-table', file: snapshot.dir, table,
      found: candidates.length === 0 ? `no ${TABLES[table].rawFile}.csv or .xlsx` : candidates.map((c) => c.split('/').pop()).join(' and '),
      expected: `one file named ${TABLES[table].rawFile}.csv or ${TABLES[table].rawFile}.xlsx`,
      fix: candidates.length === 0 ? `Add the ${table} export to the snapshot folder.` : 'Keep one of the two files.',
    },
  };
}

/**
 * The months a public release publishes: the snapshot's, less its provisional newest months, but
 * never fewer at the end than the previous public release published (those stay published; a
 * revision of them is checked like any other, and one the snapshot no longer covers is held).
 */
export function publicCoverage(snapshot: Pick<Snapshot, 'sidecar'>, previous: { from: string; to: string } | null): { from: string; to: string } {
  const { from, to } = snapshot.sidecar.coverage;
  let end = to;
  for (let i = 0; i < (snapshot.sidecar.provisionalMonths ?? 0); i++) end = monthBefore(`${end}-01`);
  if (previous && previous.to > end) end = previous.to;
  return { from, to: end < from ? monthBefore(`${from}-01`) : end };
}

/**
 * Withheld cells the audit could not prove at least k wide, with nothing left to withhold beside
 * them: with real figures the snapshot is refused, since a public page must never pin a value
 * closer than k; with synthetic figures it is a warning in the manifest.
 */
export function unresolvedDisclosure(table: TableName, counts: { k: number | null; measures?: Record<string, { unresolved: number }> }, snapshot: Pick<Snapshot, 'dir' | 'sidecar'>): PipelineIssue | null {
  const open = Object.entries(counts.measures ?? {}).filter(([, m]) => m.unresolved > 0);
  if (open.length === 0) return null;
  const cells = open.map(([measure, m]) => `${m.unresolved} ${measure} cell(s)`).join(', ');
  const real = !snapshot.sidecar.synthetic;
  return {
    severity: real ? 'error' : 'warning',
    code: 'disclosure-unresolved',
    file: join(snapshot.dir, 'snapshot.json'),
    table,
    found: `${table}: ${cells} narrower than k`,
    expected: 'every withheld cell at least k wide',
    fix: `${table}: ${cells} withheld but not proven at least k = ${counts.k} wide: an earlier release already published what pins them, or a small national total ties two published tables together (docs/disclosure-control.md, "Limits").${real ? ' Real figures cannot be published so: check the revised rows against the earlier release, or publish this snapshot as an internal build (--internal) for the intranet only.' : ''}`,
  };
}

/**
 * The previous public release a table's revisions are checked against, with its basis. A release
 * written before bases were kept has none: with real figures the snapshot is refused (its revisions
 * cannot be checked, so it cannot be published safely); with synthetic figures it is a warning.
 */
function revisionBase(releaseDir: string, outDir: string, table: TableName, snapshot: Snapshot, warnings: PipelineWarning[]): RevisionBase | null {
  const previous = parseManifestText(readFileSync(join(releaseDir, MANIFEST_FILE), 'utf8'), join(releaseDir, MANIFEST_FILE));
  const dir = basisDir(outDir, basename(releaseDir));
  if (hasBasis(dir, table)) return { releaseDir, basisDir: dir, coverage: previous.coverage, snapshotDate: previous.snapshotDate };
  const fix = `The ${previous.snapshotDate} release has no basis for ${table} (it was published before bases were kept), so this snapshot's revisions of the months it published cannot be checked. Publish the history again from its first snapshot into an empty folder (move data/published aside, then npm run data).`;
  if (!snapshot.sidecar.synthetic) throw new SnapshotRejectedError([{ severity: 'error', code: 'revision-basis-missing', file: join(snapshot.dir, 'snapshot.json'), table, found: `no ${dir}`, fix }]);
  warnings.push({ code: 'revision-basis-missing', table, message: fix });
  return null;
}

export async function runPipeline(snapshot: Snapshot, options: PipelineOptions): Promise<PipelineResult> {
  const progress = options.progress ?? createProgress();
  const reference = options.reference ?? loadReference(options.root);
  const show = (path: string) => (path.startsWith(options.root) ? relative(options.root, path) : path);
  const db = await openDuckDb();
  const workDir = await mkdtemp(join(tmpdir(), 'pantau-pipeline-'));
  // snapshot.json was checked when the snapshot was read (readSnapshot)
  const issues: PipelineIssue[] = [];
  const validated = new Map<TableName, ValidatedTable>();
  const series = new Map<TableName, SeriesMonth[]>();
  const sources: SourceFile[] = [];
  let basisStaging: string | null = null;
  try {
    progress.step(`snapshot ${snapshot.date}`);
    // ingest + validate, every table, before anything is written
    for (const table of TABLE_NAMES) {
      const { path, issue } = findRawFile(snapshot, table);
      if (!path) { issues.push(issue!); continue; }
      const started = performance.now();
      const { ingested, issues: ingestIssues } = await ingestFile(TABLES[table], path, show(path), workDir, { sheet: snapshot.sidecar.sheets?.[table] });
      issues.push(...ingestIssues);
      if (!ingested) continue;
      const coverage = tableCoverage(snapshot.sidecar, table);
      const { validated: result, issues: validationIssues } = await progress.watch(`${table}: reading and checking`, db, () => validateTable(db, TABLES[table], ingested, reference, coverage, personalDataGate(db, TABLES[table], ingested)));
      issues.push(...validationIssues.map((i) => ({ ...i, table })));
      if (result) {
        validated.set(table, result);
        series.set(table, await currentSeries(db, table, result.table));
        issues.push(...checkMonthsWithData(series.get(table)!, { table, coverage, file: show(path) }));
      }
      sources.push({ path: show(path), sha256: await sha256File(path), bytes: (await stat(path)).size, format: ingested.format });
      if (result) progress.rows(table, result.rows, started);
    }
    if (issues.some(isError)) throw new SnapshotRejectedError(issues);
    // the curated reference lists are inputs too: a changed list can change published codes and names
    for (const file of Object.values(REFERENCE_FILES)) {
      const path = join(options.root, file);
      sources.push({ path: file, sha256: await sha256File(path), bytes: (await stat(path)).size, format: 'reference csv' });
    }

    // drift against the previous different snapshot (whatever `current` points at): here of the
    // snapshot as exported; below, for a public release, of what it publishes (held months as held)
    const audience: Audience = options.audience ?? 'public';
    const comparison = comparisonBase(options.outDir, snapshot.date, audience);
    const clock = startStageClock();
    const warnings: PipelineWarning[] = issues.map((i) => ({ code: i.code, ...(i.table ? { table: i.table } : {}), message: `${i.file}${i.row ? `, row ${i.row}` : ''}${i.column ? `, column "${i.column}"` : ''}: ${i.fix}` }));
    const rawDrift = new Map<TableName, DriftFinding[]>();
    for (const table of validated.keys()) rawDrift.set(table, await checkDrift(db, table, series.get(table)!, comparison));
    clock.lap('drift');

    // aggregate + anonymise, table by table: the published rows, every total, and disclosure
    // control over both (identifying columns were refused at ingest). The newest earlier (or same)
    // public release's pattern is kept, so re-publishing is idempotent, and revisions of the months
    // it published are held where their changes would reveal something (hold-revisions.ts).
    await loadReferenceTables(db, reference);
    const started = performance.now();
    const frozenFrom = audience === 'public' ? previousPublicRelease(options.outDir, snapshot.date) : null;
    const frozenManifest = frozenFrom ? parseManifestText(readFileSync(join(frozenFrom, MANIFEST_FILE), 'utf8'), join(frozenFrom, MANIFEST_FILE)) : null;
    // The months each table publishes: its own (snapshot.json tables), and for a public release
    // only the final ones (provisionalMonths), never fewer at the end than the previous release's.
    const publishedMonths = new Map<TableName, MonthRange>();
    for (const table of validated.keys()) {
      const own = tableCoverage(snapshot.sidecar, table);
      const before = frozenManifest ? (frozenManifest.tableCoverage?.[table] ?? frozenManifest.coverage) : null;
      const months = audience === 'public' ? publicCoverage({ sidecar: { ...snapshot.sidecar, coverage: own } }, before) : own;
      if (months.to < months.from) {
        throw new SnapshotRejectedError([{ severity: 'error', code: 'nothing-final', file: join(snapshot.dir, 'snapshot.json'), table, found: `${table} covering ${own.from} to ${own.to} with ${snapshot.sidecar.provisionalMonths} provisional month(s)`, fix: 'Every month of this table is provisional, so a public release has nothing to publish: lower provisionalMonths, or publish an internal build (--internal).' }]);
      }
      publishedMonths.set(table, months);
    }
    const allMonths = [...publishedMonths.values()];
    const coverage: MonthRange = { from: allMonths.map((m) => m.from).sort()[0] ?? snapshot.sidecar.coverage.from, to: allMonths.map((m) => m.to).sort().at(-1) ?? snapshot.sidecar.coverage.to };
    const suppression: Partial<Record<TableName, SuppressionCounts>> = {};
    const disclosure: Partial<Record<TableName, DisclosureCounts>> = {};
    const revisions: NonNullable<Manifest['revisions']> = {};
    const consoleOnly: PipelineIssue[] = [];
    const drift: DriftFinding[] = [];
    basisStaging = audience === 'public' ? await createBasisStaging(options.outDir) : null;
    for (const [table, v] of validated) {
      const rows = `rows_${table}`;
      const tableMonths = publishedMonths.get(table)!;
      await progress.watch(`${table}: rows`, db, async () => {
        await db.run('SET preserve_insertion_order = true');
        const months = `date_trunc('month', ${sqlIdent(TABLES[table].periodColumn)}) <= DATE ${sqlString(`${tableMonths.to}-01`)}`;
        await db.run(`CREATE TEMP TABLE ${sqlIdent(rows)} AS SELECT * FROM (${publishedTableSql(table, v.table, reference)}) WHERE ${months}`);
        await db.run('SET preserve_insertion_order = false');
        await dropValidatedRows(db, v);
      });
      clock.lap(`published ${table}`);
      const base = frozenFrom ? revisionBase(frozenFrom, options.outDir, table, snapshot, warnings) : null;
      const stage = performance.now();
      const result = await protectTable(db, {
        table, rows, coverage: tableMonths, audience, base, frozenFrom, basisStaging,
        watch: (label, run) => progress.watch(label, db, run),
      });
      clock.lap(`protected ${table}`);
      suppression[table] = publicSuppression(result.suppression);
      disclosure[table] = result.suppression;
      if (audience === 'public') {
        const unresolved = unresolvedDisclosure(table, result.suppression, snapshot);
        if (unresolved?.severity === 'error') throw new SnapshotRejectedError([unresolved]);
        if (unresolved) warnings.push({ code: unresolved.code, table, message: unresolved.fix });
        progress.rows(`disclosure control ${table}`, v.rows, stage);
      }
      if (base) {
        revisions[table] = { held: result.held.map((h) => h.month), revised: result.revised };
        if (result.held.length > 0) {
          const months = result.held.map((h) => h.month).join(', ');
          warnings.push({ code: 'revision-held', table, message: `${table}: the revisions of ${months} are held: those months are published as in the ${base.snapshotDate} release until their changes can be published without revealing a small change (docs/disclosure-control.md, "Across releases"). The internal build has the revised figures.` });
          for (const h of result.held) consoleOnly.push({ severity: 'warning', code: 'revision-held', file: join(snapshot.dir, 'snapshot.json'), table, fix: `${table} ${h.month} held: ${h.reason}. (Not in the public manifest.)` });
        }
      }
      // Drift against the previous snapshot, of what this release publishes (held months as held);
      // the snapshot's own revisions of months it holds go to the analyst's console only.
      const raw = rawDrift.get(table) ?? [];
      if (audience === 'public') {
        await db.run(`CREATE OR REPLACE TEMP VIEW ${sqlIdent(`drift_${table}`)} AS SELECT * FROM read_parquet(${sqlString(basisRowsFile(basisStaging!, table))})`);
        const shown = await checkDrift(db, table, await currentSeries(db, table, `drift_${table}`), comparison);
        drift.push(...shown);
        for (const w of raw) {
          if (shown.some((x) => x.warning.code === w.warning.code && x.month === w.month && JSON.stringify(x.cell) === JSON.stringify(w.cell))) continue;
          consoleOnly.push({ severity: 'warning', code: w.warning.code, file: join(snapshot.dir, 'snapshot.json'), table, fix: `${w.warning.message} (Held in this public release, so not in its manifest.)` });
        }
      } else {
        drift.push(...raw);
      }
    }
    warnings.push(...drift.map((d) => d.warning));
    clock.lap('drift');

    // A revision warning quotes the month's national total: where this release withholds it, the
    // warning stays out of the public manifest and goes to the analyst's console only.
    if (audience === 'public') {
      for (const finding of drift) {
        const { warning } = finding;
        if (warning.code !== 'revision-drift' || !(await driftFigureWithheld(db, finding, `totals_${finding.table}`))) continue;
        warnings.splice(warnings.indexOf(warning), 1);
        consoleOnly.push({ severity: 'warning', code: warning.code, file: join(snapshot.dir, 'snapshot.json'), table: finding.table, fix: `${warning.message} (Withheld in this public release, so not in its manifest.)` });
      }
    }

    // the rules' counts are for the analyst only: the release's basis, not its manifest
    if (basisStaging) await writeFile(join(basisStaging, DISCLOSURE_REPORT_FILE), JSON.stringify(disclosure, null, 2) + '\n');

    // publish
    const tables = [
      // A table whose public design has no detail rows (sanctions) publishes only its totals.
      ...[...validated.keys()].filter((table) => audience === 'internal' || DISCLOSURE[table].publicDetail).map((table) => ({ name: table, sql: `SELECT * FROM ${sqlIdent(`published_${table}`)}` })),
      ...[...validated.keys()].map((table) => ({ name: totalsTableName(table), sql: `SELECT * FROM ${sqlIdent(`totals_${table}`)}` })),
      ...REFERENCE_TABLES.map((name) => ({ name, sql: `SELECT * FROM ref_${name} ORDER BY 1` })),
    ];
    const published = await progress.watch('writing Parquet', db, () => publishRelease(db, options.outDir, tables, {
      schemaVersion: SCHEMA_VERSION,
      snapshotDate: snapshot.date,
      coverage,
      ...(coverage.to !== snapshot.sidecar.coverage.to || coverage.from !== snapshot.sidecar.coverage.from ? { snapshotCoverage: snapshot.sidecar.coverage } : {}),
      tableCoverage: Object.fromEntries(publishedMonths),
      builtAt: new Date().toISOString(),
      synthetic: snapshot.sidecar.synthetic,
      audience,
      sources,
      warnings,
      suppression,
      previousSnapshotDate: comparison?.snapshotDate ?? null,
      ...(Object.keys(revisions).length > 0 ? { revisions } : {}),
      licences: LICENCES,
    }, basisStaging));
    basisStaging = null;
    progress.rows('publish', [...validated.values()].reduce((n, v) => n + v.rows, 0), started);
    return { ...published, disclosure, warnings: [...issues.filter((i) => !isError(i)), ...consoleOnly] };
  } finally {
    db.closeSync();
    await rm(workDir, { recursive: true, force: true });
    if (basisStaging) await removeBasisStaging(basisStaging);
  }
}
