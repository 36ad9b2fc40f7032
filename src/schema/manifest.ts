/**
 * manifest.json, written beside the published Parquet files. The site reads it at build time
 * (snapshot date, row counts, warnings) and the tests read it to check what was published.
 */
import type { TableName } from './tables.ts';

export interface PublishedFile {
  /** File name inside the publication folder, e.g. "arrivals.parquet". */
  file: string;
  rows: number;
  sha256: string;
  bytes: number;
}

export interface SourceFile {
  /** Path relative to the repository root (or as given), e.g. "data/snapshots/2025-10-05/sanctions.csv". */
  path: string;
  sha256: string;
  bytes: number;
  /** What ingest detected: "csv; delimiter ';'; UTF-8 with BOM; header on line 1" and so on. */
  format: string;
}

export interface PipelineWarning {
  code: string;
  table?: TableName;
  /** The month a revision warning is about (YYYY-MM). */
  month?: string;
  message: string;
}

/** Cells withheld for one measure, in `<table>.parquet` and `<table>_totals.parquet` together. */
export interface MeasureSuppression {
  k: number;
  /** Cells withheld because their count is 1..k-1. */
  primary: number;
  /** Cells withheld so that no withheld value can be derived from the published cells and totals. */
  secondary: number;
  /** Cells withheld because the previous publication withheld them (the pattern never shrinks). */
  frozen: number;
  /** Linear programs solved by the audit. */
  lpSolves: number;
  /** Suppress → audit rounds until the audit passed. */
  auditRounds: number;
  /**
   * Withheld cells still narrower than k with nothing left to withhold beside them, because an
   * earlier release already published what pins them (0 in a clean history).
   */
  unresolved: number;
  /**
   * Withheld totals that are sums of published cells only, so they hide nothing: an earlier release
   * withheld them and a revision has since taken the hidden row out from under them. They stay
   * withheld, since publishing them now would give that row's earlier value by difference.
   */
  derivable: number;
}

export interface SuppressionCounts {
  /** Cells withheld because their count is 1..k-1 (all protected measures, detail rows and totals). */
  primary: number;
  /** Cells withheld so that a primary cell cannot be derived from totals. */
  secondary: number;
  /** Cells withheld because the previous publication withheld them. */
  frozen?: number;
  /** Largest k among the table's protected measures; null when nothing is protected (events only, or an internal build). */
  k: number | null;
  /** True when an LP audit proved every withheld cell's feasible range is at least k wide. */
  audited?: boolean;
  lpSolves?: number;
  /** Time the stage took for this table. */
  seconds?: number;
  /** Per protected measure (operations has three). */
  measures?: Record<string, MeasureSuppression>;
}

export interface Manifest {
  schemaVersion: number;
  /** Snapshot date (YYYY-MM-DD): the day the scheduled export was taken. */
  snapshotDate: string;
  /**
   * First and last month published (YYYY-MM). A public release leaves out the snapshot's
   * provisional newest months (snapshot.json provisionalMonths) until they are final.
   */
  coverage: { from: string; to: string };
  /** The snapshot's own coverage, where it differs from `coverage` (provisional months left out). */
  snapshotCoverage?: { from: string; to: string };
  /** ISO timestamp of the build. Excluded from the determinism check; Parquet bytes never depend on it. */
  builtAt: string;
  /** True while the bundled synthetic sample is published: every page says so. */
  synthetic: boolean;
  /** 'public' (suppressed) or 'internal' (unsuppressed, intranet only). */
  audience: 'public' | 'internal';
  tables: Record<string, PublishedFile>;
  sources: SourceFile[];
  warnings: PipelineWarning[];
  suppression: Partial<Record<TableName, SuppressionCounts>>;
  /** Snapshot compared against for drift warnings, if any. */
  previousSnapshotDate: string | null;
  /**
   * Per table, the months an earlier public release published that this snapshot revises (YYYY-MM):
   * `revised`, published with their new figures, and `held`, published as the earlier release had
   * them until the revision can be published without revealing a small change
   * (docs/disclosure-control.md, "Across releases"). Absent when there was no earlier release.
   */
  revisions?: Partial<Record<TableName, { held: string[]; revised: string[] }>>;
  licences: { name: string; licence: string; attribution: string }[];
}

export const MANIFEST_FILE = 'manifest.json';
