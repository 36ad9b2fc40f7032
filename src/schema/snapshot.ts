/**
 * snapshot.json: the sidecar of provenance in every folder data/snapshots/<YYYY-MM-DD>/.
 * The raw exports beside it are immutable once committed; the pipeline records their sha256.
 */
import type { TableName } from './tables.ts';

export interface SnapshotSidecar {
  /** The day the scheduled export was taken (the folder name). */
  snapshotDate: string;
  /** First and last month (YYYY-MM) the exports cover; rows outside are refused. */
  coverage: { from: string; to: string };
  /** True for the bundled synthetic sample. */
  synthetic: boolean;
  /** Who produced the exports (system or office). */
  producer: string;
  /**
   * How many of the newest months are still provisional: revised in later exports as late reports
   * arrive (0 when absent). A public release publishes a month only once it is final, because the
   * change between a provisional figure and its final one would single out the late-reported
   * persons (docs/disclosure-control.md, "Across releases"); internal builds publish every month.
   */
  provisionalMonths?: number;
  note?: string;
  /**
   * The sheet to read in a table's XLSX export, when more than one visible sheet could be the
   * table: `{ "arrivals": "Kedatangan 2025" }`. Hidden sheets are never read, even when named.
   */
  sheets?: Partial<Record<TableName, string>>;
}

/** The most provisional months a snapshot may declare. */
export const MAX_PROVISIONAL_MONTHS = 12;

export const SNAPSHOT_SIDECAR = 'snapshot.json';
export const SNAPSHOT_DIR_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
