/**
 * manifest.json, written beside the published Parquet files: the contract between the pipeline
 * (scripts/publish writes it; scripts read earlier releases' manifests for drift and the frozen
 * pattern), the site build (snapshot date, row counts, warnings) and the browser (the tables to
 * load). Declared once, as a zod schema; the TypeScript types are derived from it, and every reader
 * goes through `parseManifest`, which checks the shape at runtime and names what is wrong.
 *
 * Runtime-neutral (no Node, no DOM): callers read the file or fetch the URL themselves.
 *
 * Adding a field: add it here, and the types follow. The pipeline also reads the manifests of
 * earlier releases, so a new field is optional (or SCHEMA_VERSION goes up) until every release
 * kept in data/published/releases has it. Fields a reader does not declare are dropped on parse.
 */
import { z } from 'zod';
import './zod-jitless.ts';
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from './tables.ts';

export const MANIFEST_FILE = 'manifest.json';

const count = z.number().int().nonnegative();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 as 64 lower-case hex digits');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM');
const tableName = z.enum(TABLE_NAMES as [TableName, ...TableName[]]);

const publishedFile = z.object({
  /** File name inside the publication folder, e.g. "arrivals.parquet". */
  file: z.string().min(1),
  rows: count,
  sha256,
  bytes: count,
});

const sourceFile = z.object({
  /** Path relative to the repository root (or as given), e.g. "data/snapshots/2025-10-05/sanctions.csv". */
  path: z.string().min(1),
  sha256,
  bytes: count,
  /** What ingest detected: "csv; delimiter ';'; UTF-8 with BOM; header on line 1" and so on. */
  format: z.string(),
});

const pipelineWarning = z.object({
  code: z.string().min(1),
  table: tableName.optional(),
  /** The month a revision warning is about (YYYY-MM). */
  month: isoMonth.optional(),
  message: z.string(),
});

/**
 * Manifests written before the per-rule counts left them carry primary + secondary + frozen and no
 * `withheld`: read as their sum (the pipeline reads earlier releases' manifests).
 */
const withWithheldTotal = (value: unknown) => {
  if (value === null || typeof value !== 'object' || 'withheld' in value) return value;
  const v = value as Record<string, unknown>;
  const rules = ['primary', 'secondary', 'frozen'].map((r) => (typeof v[r] === 'number' ? (v[r] as number) : 0));
  return { ...v, withheld: rules.reduce((a, b) => a + b, 0) };
};

/**
 * Cells withheld for one measure, in `<table>.parquet` and `<table>_totals.parquet` together. How
 * many each rule withheld is not published (scripts/anonymise/disclosure-counts.ts): beside the
 * flags it would pin values.
 */
const measureSuppression = z.preprocess(withWithheldTotal, z.object({
  k: count,
  /** Cells withheld, by every rule together. */
  withheld: count,
  /** Linear programs solved by the audit. */
  lpSolves: count,
  /** Suppress → audit rounds until the audit passed. */
  auditRounds: count,
  /**
   * Withheld cells still narrower than k with nothing left to withhold beside them, because an
   * earlier release already published what pins them (0 in a clean history).
   */
  unresolved: count,
  /**
   * Withheld totals that are sums of published cells only, so they hide nothing: an earlier release
   * withheld them and a revision has since taken the hidden row out from under them. They stay
   * withheld, since publishing them now would give that row's earlier value by difference.
   */
  derivable: count,
}));

const suppressionCounts = z.preprocess(withWithheldTotal, z.object({
  /** Cells withheld, all protected measures, detail rows and totals. */
  withheld: count,
  /** Largest k among the table's protected measures; null when nothing is protected (events only, or an internal build). */
  k: count.nullable(),
  /** True when an LP audit proved every withheld cell's feasible range is at least k wide. */
  audited: z.boolean().optional(),
  lpSolves: count.optional(),
  /** Time the stage took for this table. */
  seconds: z.number().nonnegative().optional(),
  /** Per protected measure (operations has three). */
  measures: z.record(z.string(), measureSuppression).optional(),
}));

export const manifestSchema = z.object({
  schemaVersion: z.number().int(),
  /** Snapshot date (YYYY-MM-DD): the day the scheduled export was taken. */
  snapshotDate: isoDate,
  /**
   * First and last month published (YYYY-MM). A public release leaves out the snapshot's
   * provisional newest months (snapshot.json provisionalMonths) until they are final.
   */
  coverage: z.object({ from: isoMonth, to: isoMonth }),
  /** The snapshot's own coverage, where it differs from `coverage` (provisional months left out). */
  snapshotCoverage: z.object({ from: isoMonth, to: isoMonth }).optional(),
  /**
   * The months each table publishes, where a table's differ from `coverage` (snapshot.json
   * `tables`: an export that ends earlier or starts later). Absent in releases made before it.
   */
  tableCoverage: z.partialRecord(tableName, z.object({ from: isoMonth, to: isoMonth })).optional(),
  /** ISO timestamp of the build. Excluded from the determinism check; Parquet bytes never depend on it. */
  builtAt: z.string().min(1),
  /** True while the bundled synthetic sample is published: every page says so. */
  synthetic: z.boolean(),
  /** 'public' (suppressed) or 'internal' (unsuppressed, intranet only). */
  audience: z.enum(['public', 'internal']),
  tables: z.record(z.string(), publishedFile),
  sources: z.array(sourceFile),
  warnings: z.array(pipelineWarning),
  suppression: z.partialRecord(tableName, suppressionCounts),
  /** Snapshot compared against for drift warnings, if any. */
  previousSnapshotDate: isoDate.nullable(),
  /**
   * Per table, the months an earlier public release published that this snapshot revises (YYYY-MM):
   * `revised`, published with their new figures, and `held`, published as the earlier release had
   * them until the revision can be published without revealing a small change
   * (docs/disclosure-control.md, "Across releases"). Absent when there was no earlier release.
   */
  revisions: z.partialRecord(tableName, z.object({ held: z.array(isoMonth), revised: z.array(isoMonth) })).optional(),
  licences: z.array(z.object({ name: z.string(), licence: z.string(), attribution: z.string() })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type PublishedFile = z.infer<typeof publishedFile>;
export type SourceFile = z.infer<typeof sourceFile>;
export type PipelineWarning = z.infer<typeof pipelineWarning>;
export type MeasureSuppression = z.infer<typeof measureSuppression>;
export type SuppressionCounts = z.infer<typeof suppressionCounts>;

/** Every cell withheld for a measure, whatever rule withheld it: what pages print. */
export const withheldCells = (counts: MeasureSuppression): number => counts.withheld;

/** A manifest that cannot be read: what is wrong (each field by its path), and what to do. */
export class ManifestError extends Error {
  constructor(
    /** The file or URL the manifest came from. */
    readonly source: string,
    readonly problems: readonly string[],
    readonly hint: string,
  ) {
    super(`${source}: ${problems.join('; ')}\n  Hint: ${hint}`);
    this.name = 'ManifestError';
  }
}

const REPUBLISH = 'run `npm run data` with this version of the pipeline to republish.';

/** Where a problem is, as a reader would look it up: `tables.arrivals.rows`, `sources[2].sha256`. */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(the whole file)';

/**
 * A parsed manifest.json checked against the schema: the manifest, or a ManifestError naming
 * `source` and every field that is missing or of the wrong type. A manifest of another schema
 * version is refused by name first, since its fields may mean something else.
 */
export function parseManifest(json: unknown, source: string): Manifest {
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== SCHEMA_VERSION) {
    throw new ManifestError(source, [`schema version ${String(version)}; this code reads version ${SCHEMA_VERSION}`], REPUBLISH);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    throw new ManifestError(source, result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`), REPUBLISH);
  }
  return result.data;
}

/** parseManifest of a manifest.json's text (a file read, a response body). */
export function parseManifestText(text: string, source: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(source, [`not valid JSON (${(error as Error).message})`], 'run `npm run data` again to republish.');
  }
  return parseManifest(json, source);
}
