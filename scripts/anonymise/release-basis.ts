/**
 * The basis of a public release: what it was built from, kept so that the next release can tell
 * which published figures a revision would move. Never published, never copied into the site.
 *
 *   <outDir>/basis/<release name>/<table>.parquet          the rows, before disclosure control
 *   <outDir>/basis/<release name>/<table>_totals.parquet   the totals, before disclosure control
 *   <outDir>/basis/<release name>/ledger_<table>.parquet   every figure an earlier public release
 *                                                         published and a later revision replaced
 *   <outDir>/basis/<release name>/disclosure-report.json   how many cells each rule withheld
 *                                                         (disclosure-counts.ts)
 *
 * A release's basis is written with it (scripts/publish/publish-release.ts moves the staging folder
 * into place before the release itself, so a release never exists without its basis) and pruned with
 * it. hold-revisions.ts reads it.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { totalsTableName } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';

export const BASIS_FOLDER = 'basis';

export const DISCLOSURE_REPORT_FILE = 'disclosure-report.json';

/** The basis folder of a release (by the release folder's name). */
export const basisDir = (outDir: string, releaseName: string): string => join(outDir, BASIS_FOLDER, releaseName);

export const basisRowsFile = (dir: string, table: TableName): string => join(dir, `${table}.parquet`);
export const basisTotalsFile = (dir: string, table: TableName): string => join(dir, `${totalsTableName(table)}.parquet`);
export const ledgerFile = (dir: string, table: TableName): string => join(dir, `ledger_${table}.parquet`);

/** Whether a basis folder holds what the next release needs for a table. */
export const hasBasis = (dir: string, table: TableName): boolean => existsSync(basisRowsFile(dir, table)) && existsSync(basisTotalsFile(dir, table));

/** A fresh staging folder for the basis of the release being built, on the same file system as the releases (so it can be renamed into place). */
export async function createBasisStaging(outDir: string): Promise<string> {
  const dir = join(outDir, BASIS_FOLDER, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function removeBasisStaging(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
