/**
 * Disclosure control (small-cell suppression) plugs in here, between validation and publication:
 * it receives each validated table and returns how many cells it withheld. Primary and secondary
 * suppression are the subject of their own issue; until they land this stage withholds nothing
 * and says so in the manifest (k = null), and the site says so on every page.
 */
import type { SuppressionCounts } from '../../src/schema/manifest.ts';
import type { TableName } from '../../src/schema/tables.ts';
import type { Db } from '../lib/duckdb.ts';

export const DISCLOSURE_CONTROL_APPLIED = false;

export async function applyDisclosureControl(_db: Db, _table: TableName, _typedTable: string): Promise<SuppressionCounts> {
  return { primary: 0, secondary: 0, k: null };
}
