/**
 * Aggregate: the SELECT that turns a validated table into its published form — codes as text,
 * names and parent areas from the reference tables, one row per cell, sorted by the table's key.
 *
 * The rows are sorted while they are still small integers (the packed key of the value maps'
 * codes, which sort like the values), and only then turned into text: names come from the
 * reference lists by ENUM position, a projection that keeps the sorted order. So the same
 * snapshot always gives the same bytes, and month-sorted row groups let readers skip what a
 * filter excludes. Column order follows publishedColumns() in src/schema/tables.ts.
 */
import { TABLES, TAK_ACTIONS, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';
import type { Reference } from '../reference/load-reference.ts';
import { packedKey } from '../validate/packed-key.ts';

/** `list[enum_code(code) + 1]`: the attribute of a code, by its position in the reference list. */
const byPosition = (values: string[], code: string) => `[${values.map(sqlString).join(', ')}][enum_code(${code}) + 1]`;

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
        `CAST(t.action AS VARCHAR) IN (${TAK_ACTIONS.map(sqlString).join(', ')}) AS is_tak`];
    }
    case 'operations':
      return ["CAST(date_trunc('month', t.date) AS DATE) AS month", 'left(CAST(t.region_code AS VARCHAR), 2) AS province_code',
        "CAST(len(list_filter(string_split(coalesce(t.agencies, ''), ','), x -> trim(x) <> '')) AS INTEGER) AS agency_count"];
    case 'registry':
      return ['left(CAST(t.region_code AS VARCHAR), 2) AS province_code'];
  }
}

/** Run with preserve_insertion_order = true, so the sorted subquery's order reaches the file. */
export function publishedTableSql(name: TableName, typedTable: string, reference: Reference): string {
  const spec = TABLES[name];
  const select = spec.rawColumns.map((c) => (c.type === 'VARCHAR' ? `CAST(t.${sqlIdent(c.name)} AS VARCHAR) AS ${sqlIdent(c.name)}` : `t.${sqlIdent(c.name)}`));
  return `SELECT ${[...select, ...derivedColumns(name, reference)].join(', ')}
    FROM (SELECT * FROM ${sqlIdent(typedTable)} ORDER BY ${packedKey(spec, spec.key)}) t`;
}
