/** One integer per row for a table's key, from the integer codes of its value maps. */
import type { TableSpec } from '../../src/schema/tables.ts';
import { sqlIdent } from '../lib/duckdb.ts';

/**
 * The key's integer codes packed into one UBIGINT (mixed radix, each code below its map's size),
 * so grouping or sorting by the key works on one number per row instead of a tuple (codes are
 * ordered like the values, so sorting by the packed key sorts by the key's values).
 */
export function packedKey(spec: TableSpec, key: readonly string[], prefix = ''): string {
  const size = (k: string) => `(SELECT count(*) FROM ${sqlIdent(`map_${spec.name}_${k}`)})::UBIGINT`;
  return key.reduce((acc, k) => (acc === '' ? `${prefix}${sqlIdent(`${k}__k`)}::UBIGINT` : `(${acc}) * ${size(k)} + ${prefix}${sqlIdent(`${k}__k`)}`), '');
}

