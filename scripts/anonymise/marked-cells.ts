/**
 * The cells table of one measure (`sdc_cells_<table>_<measure>`), kept until its pattern is
 * published: one row (id, value, known, rule, shared, coarseness) per cell withheld (rule > 0),
 * known from the previous release, or shared by two atom views. Every other cell of the design is
 * published, and free to be withheld to protect another. On 20 M arrival rows that is some 8,000
 * rows, where a row per cell (41 M) was scanned several times per pass.
 */
import type { DisclosureDesign } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';
import { sqlIdent } from '../lib/duckdb.ts';
import { coarseness } from './cell-preference.ts';

/** Rule codes stored per cell while the pattern is built. */
export const PRIMARY = 1;
export const FROZEN = 2;
export const SECONDARY = 3;

/** A cell `c` an attacker does not know: withheld now, and not published with this value before. */
export const HIDDEN = 'c.rule > 0 AND NOT c.known';

/** Every cell of the design with one measure's value and its coarseness: the keys, and the detail rows where the design publishes them. */
export function cellValuesSql(table: TableName, design: DisclosureDesign, keys: string, detail: string, measure: string): string {
  const m = sqlIdent(measure);
  return `SELECT t.id, t.${m} AS value, ${coarseness(table, design)} AS coarseness FROM ${sqlIdent(keys)} t${design.publicDetail ? ` UNION ALL SELECT rowid, ${m}::BIGINT, 0 FROM ${sqlIdent(detail)}` : ''}`;
}
