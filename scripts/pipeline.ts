/**
 * The pipeline, in one readable place: one scheduled snapshot in, one publication out.
 *
 *   ingest → validate → anonymise → aggregate → publish
 *
 * Every table is ingested and validated before anything is written; any error refuses the whole
 * snapshot (SnapshotRejectedError, listing every problem) and the current publication stays as it
 * was. Warnings (revisions beyond the drift threshold, ignored columns) go into the manifest.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Manifest, type PipelineWarning, type SourceFile, type SuppressionCounts } from '../src/schema/manifest.ts';
import { DISCLOSURE, totalsTableName } from '../src/schema/disclosure.ts';
import { REFERENCE_FILES } from '../src/schema/reference.ts';
import { tableCoverage } from '../src/schema/snapshot.ts';
import { REFERENCE_TABLES, SCHEMA_VERSION, TABLE_NAMES, TABLES, type TableName } from '../src/schema/tables.ts';
import { previousPublicRelease } from './anonymise/previous-public-release.ts';
import { personalDataGate } from './anonymise/refuse-identifying-values.ts';
import { addDetailFlags, applyDisclosureControl, completePeriodSql, type Audience } from './anonymise/disclosure-control.ts';
import { publishedTableSql } from './aggregate/published-table-sql.ts';
import { buildTotalsTable } from './aggregate/totals-table.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { openDuckDb, sqlIdent } from './lib/duckdb.ts';
import { isError, SnapshotRejectedError, type PipelineIssue } from './lib/pipeline-issue.ts';
import { createProgress, type Progress } from './lib/progress.ts';
import { sha256File } from './lib/sha256-file.ts';
import { startStageClock } from './lib/trace.ts';
import { publishRelease } from './publish/publish-release.ts';
import { loadReference, type Reference } from './reference/load-reference.ts';
import { loadReferenceTables } from './reference/load-reference-tables.ts';
import { comparisonBase } from './snapshots/comparison-base.ts';
import type { Snapshot } from './snapshots/find-snapshots.ts';
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
 * Withheld cells the audit could not prove at least k wide, with nothing left to withhold beside
 * them: with real figures the snapshot is refused, since a public page must never pin a value
 * closer than k; with synthetic figures it is a warning in the manifest.
 */
export function unresolvedDisclosure(table: TableName, counts: SuppressionCounts, snapshot: Pick<Snapshot, 'dir' | 'sidecar'>): PipelineIssue | null {
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
  try {
    progress.step(`snapshot ${snapshot.date}`);
    // ingest + validate, every table, before anything is written
    for (const table of TABLE_NAMES) {
      const { path, issue } = findRawFile(snapshot, table);
      if (!path) { issues.push(issue!); continue; }
      const started = performance.now();
      const { ingested, issues: ingestIssues } = await ingestFile(TABLES[table], path, show(path), workDir);
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

    // drift against the previous different snapshot (whatever `current` points at)
    const audience: Audience = options.audience ?? 'public';
    const base = comparisonBase(options.outDir, snapshot.date, audience);
    const clock = startStageClock();
    const warnings: PipelineWarning[] = issues.map((i) => ({ code: i.code, ...(i.table ? { table: i.table } : {}), message: `${i.file}${i.row ? `, row ${i.row}` : ''}${i.column ? `, column "${i.column}"` : ''}: ${i.fix}` }));
    const drift: DriftFinding[] = [];
    for (const table of validated.keys()) drift.push(...(await checkDrift(db, table, series.get(table)!, base)));
    warnings.push(...drift.map((d) => d.warning));
    clock.lap('drift');

    // aggregate: the published rows and every total, materialised in publication order
    await loadReferenceTables(db, reference);
    const started = performance.now();
    await db.run('SET preserve_insertion_order = true');
    for (const [table, v] of validated) {
      await progress.watch(`${table}: rows and totals`, db, async () => {
        await db.run(`CREATE TEMP TABLE ${sqlIdent(`published_${table}`)} AS ${publishedTableSql(table, v.table, reference)}`);
        await dropValidatedRows(db, v);
        clock.lap(`published ${table}`);
        const complete = audience === 'public' ? completePeriodSql(tableCoverage(snapshot.sidecar, table)) : 'true';
        await buildTotalsTable(db, table, `SELECT * FROM ${sqlIdent(`published_${table}`)}`, `totals_${table}`, complete);
        clock.lap(`totals ${table}`);
      });
    }
    await db.run('SET preserve_insertion_order = false');

    // anonymise: identifying columns were refused at ingest; disclosure control withholds small
    // cells and whatever would reveal them, in the detail rows and the totals together. The
    // newest earlier (or same) public release's pattern is kept: re-publishing is idempotent.
    const frozenFrom = audience === 'public' ? previousPublicRelease(options.outDir, snapshot.date) : null;
    const suppression: Partial<Record<TableName, SuppressionCounts>> = {};
    for (const table of validated.keys()) {
      const detail = `published_${table}`;
      const totals = `totals_${table}`;
      if (audience === 'internal') {
        await addDetailFlags(db, table, detail);
        suppression[table] = { primary: 0, secondary: 0, frozen: 0, k: null, audited: false };
      } else {
        const stage = performance.now();
        suppression[table] = await progress.watch(`${table}: disclosure control`, db, () => applyDisclosureControl(db, table, { detail, totals, previousDir: frozenFrom }));
        const unresolved = unresolvedDisclosure(table, suppression[table]!, snapshot);
        if (unresolved?.severity === 'error') throw new SnapshotRejectedError([unresolved]);
        if (unresolved) warnings.push({ code: unresolved.code, table, message: unresolved.fix });
        progress.rows(`disclosure control ${table}`, validated.get(table)!.rows, stage);
      }
    }

    // A revision warning quotes the month's national total: where this release withholds it, the
    // warning stays out of the public manifest and goes to the analyst's console only.
    const consoleOnly: PipelineIssue[] = [];
    if (audience === 'public') {
      for (const finding of drift) {
        const { warning } = finding;
        if (warning.code !== 'revision-drift' || !(await driftFigureWithheld(db, finding, `totals_${finding.table}`))) continue;
        warnings.splice(warnings.indexOf(warning), 1);
        consoleOnly.push({ severity: 'warning', code: warning.code, file: join(snapshot.dir, 'snapshot.json'), table: finding.table, fix: `${warning.message} (Withheld in this public release, so not in its manifest.)` });
      }
    }

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
      coverage: snapshot.sidecar.coverage,
      builtAt: new Date().toISOString(),
      synthetic: snapshot.sidecar.synthetic,
      audience,
      sources,
      warnings,
      suppression,
      previousSnapshotDate: base?.snapshotDate ?? null,
      licences: LICENCES,
    }));
    progress.rows('publish', [...validated.values()].reduce((n, v) => n + v.rows, 0), started);
    return { ...published, warnings: [...issues.filter((i) => !isError(i)), ...consoleOnly] };
  } finally {
    db.closeSync();
    await rm(workDir, { recursive: true, force: true });
  }
}
