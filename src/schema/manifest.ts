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
  message: string;
}

export interface SuppressionCounts {
  /** Cells withheld because their count is 1..k-1. */
  primary: number;
  /** Cells withheld so that a primary cell cannot be derived from totals. */
  secondary: number;
  k: number | null;
}

export interface Manifest {
  schemaVersion: number;
  /** Snapshot date (YYYY-MM-DD): the day the scheduled export was taken. */
  snapshotDate: string;
  /** First and last month covered by the snapshot (YYYY-MM). */
  coverage: { from: string; to: string };
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
  licences: { name: string; licence: string; attribution: string }[];
}

export const MANIFEST_FILE = 'manifest.json';
