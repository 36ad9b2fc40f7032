/** One sortable value per row for a table's key, from the value ranks of its value maps. */

export interface KeyColumn {
  /** SQL of the column's value rank for a row: 0 for its smallest resolved value, NULL when unresolved. */
  rank: string;
  /** Number of distinct resolved values (every rank is below it). */
  values: number;
}

export interface PackedKey {
  /** SQL of the packed key of a row, from the columns' ranks. */
  sql: string;
  /** SQL of the i-th column's rank, unpacked from the packed key `key`. */
  rankOf(i: number, key: string): string;
}

const UINTEGER_LIMIT = 2n ** 32n;
const UBIGINT_LIMIT = 2n ** 64n;

/**
 * The key's value ranks packed into one integer (mixed radix, each rank below its column's number
 * of distinct values), so sorting or comparing the key works on one number per row instead of a
 * tuple: a 4-byte UINTEGER when the key space fits (it does for 20 million arrival cells), else a
 * UBIGINT. Ranks follow the values, so the packed key sorts like the key's values, and two rows
 * have equal packed keys exactly when their key values are equal, whatever their spelling; the
 * ranks, and so the values, can be unpacked from it. A key with an unresolved value is NULL. Key
 * spaces beyond 64 bits fall back to a STRUCT of ranks.
 */
export function packedKey(columns: readonly KeyColumn[]): PackedKey {
  const radix = columns.map((c) => BigInt(Math.max(c.values, 1)));
  const space = radix.reduce((product, r) => product * r, 1n);
  if (space > UBIGINT_LIMIT) {
    const all = columns.map((c) => `${c.rank} IS NOT NULL`).join(' AND ');
    return {
      sql: `CASE WHEN ${all} THEN {${columns.map((c, i) => `'r${i}': ${c.rank}`).join(', ')}} END`,
      rankOf: (i, key) => `${key}.r${i}`,
    };
  }
  const type = space <= UINTEGER_LIMIT ? 'UINTEGER' : 'UBIGINT';
  const literal = (n: bigint) => `CAST(${n} AS ${type})`;
  // Horner's scheme; every partial result is below the key space, so it fits the type.
  const packed = columns.reduce((acc, c, i) => (acc === '' ? `CAST(${c.rank} AS ${type})` : `(${acc}) * ${literal(radix[i]!)} + ${c.rank}`), '');
  // The weight of column i is the product of the radices after it.
  const weight = (i: number) => radix.slice(i + 1).reduce((product, r) => product * r, 1n);
  return {
    sql: `CAST(${packed} AS ${type})`,
    rankOf: (i, key) => `(${key} // ${literal(weight(i))}) % ${literal(radix[i]!)}`,
  };
}
