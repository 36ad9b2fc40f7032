/**
 * Aggregate: the SELECT that turns a validated table into its published form — codes as text,
 * names and parent areas from the reference tables, one row per cell, sorted by the table's key.
 *
 * The rows were sorted in validate, while they were still small integers (see packed-key.ts),
 * and are read in that order; they are never turned into text in SQL: codes stay ENUMs and names
 * come from the reference lists by ENUM position, as ENUMs too, a projection that keeps the
 * order; the Parquet writer writes each as a text column from the ENUM's dictionary. So the same
 * snapshot always gives the same bytes, and month-sorted row groups let readers skip what a
 * filter excludes. Column order follows publishedColumns() in src/schema/tables.ts.
 */
import { TABLES, ACTION_GROUPS, TAK_ACTIONS, type ColumnSpec, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString, sqlStringList } from '../lib/duckdb.ts';
import { domainCodes, type LookupKind, type Reference } from '../reference/load-reference.ts';

/**
 * Code domains up to this size are written as ENUMs: DuckDB writes an ENUM column to Parquet as
 * its dictionary plus small integers, without hashing 20 million strings (the file holds the same
 * strings; readers see VARCHAR). Every row group carries the whole domain as its dictionary, so
 * large domains (region codes) are written as text instead.
 */
const ENUM_OUTPUT_MAX_VALUES = 4096;

/** An inline ENUM type of the distinct values, in first-seen order. */
const enumOf = (values: readonly string[]) => `ENUM(${sqlStringList([...new Set(values)])})`;

/** `list[enum_code(code) + 1]`: the attribute of a code, by its position in the reference list, as an ENUM (see above). */
const byPosition = (values: string[], code: string) => `CAST([${sqlStringList(values)}] AS ${enumOf(values)}[])[enum_code(${code}) + 1]`;

/** Whether a column's typed value is an ENUM small enough to be written as one. */
function writtenAsEnum(column: ColumnSpec, reference: Reference): boolean {
  if (['text', 'month', 'date', 'count'].includes(column.parse)) return false;
  return domainCodes(column.parse as LookupKind, reference).length <= ENUM_OUTPUT_MAX_VALUES;
}

function derivedColumns(name: TableName, reference: Reference): string[] {
  switch (name) {
    case 'arrivals': {
      const p = reference.ports;
      return [`${byPosition(p.map((x) => x.name), 't.port_code')} AS port_name`, `${byPosition(p.map((x) => x.mode), 't.port_code')} AS port_mode`,
        `${byPosition(p.map((x) => x.province_code), 't.port_code')} AS province_code`];
    }
    case 'sanctions': {
      const o = reference.offices;
      return [`${byPosition(o.map((x) => x.name), 't.office_code')} AS office_name`, `${byPosition(o.map((x) => x.kanwil_code), 't.office_code')} AS kanwil_code`,
        `${byPosition(o.map((x) => x.province_code), 't.office_code')} AS province_code`,
        `CAST(t.action AS VARCHAR) IN (${sqlStringList(TAK_ACTIONS)}) AS is_tak`,
        `CASE ${ACTION_GROUPS.flatMap((g) => g.actions.map((a) => `WHEN CAST(t.action AS VARCHAR) = ${sqlString(a)} THEN ${sqlString(g.code)}`)).join(' ')} END AS action_group`];
    }
    case 'operations':
      return ["CAST(date_trunc('month', t.date) AS DATE) AS month", 'left(CAST(t.region_code AS VARCHAR), 2) AS province_code',
        "CAST(len(list_filter(string_split(coalesce(t.agencies, ''), ','), x -> trim(x) <> '')) AS INTEGER) AS agency_count"];
    case 'registry':
      return ['left(CAST(t.region_code AS VARCHAR), 2) AS province_code'];
  }
}

/** Run with preserve_insertion_order = true: the typed table's rows are in key order, and that order reaches the file. */
export function publishedTableSql(name: TableName, typedTable: string, reference: Reference): string {
  const spec = TABLES[name];
  const select = spec.rawColumns.map((c) => (c.type === 'VARCHAR' && !writtenAsEnum(c, reference) ? `CAST(t.${sqlIdent(c.name)} AS VARCHAR) AS ${sqlIdent(c.name)}` : `t.${sqlIdent(c.name)}`));
  return `SELECT ${[...select, ...derivedColumns(name, reference)].join(', ')}
    FROM ${sqlIdent(typedTable)} t`;
}
