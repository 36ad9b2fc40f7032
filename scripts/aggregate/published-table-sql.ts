/**
 * Aggregate: the SELECT that turns a validated table into its published form — codes as text,
 * names and parent areas from the reference tables, one row per cell, sorted by the table's key
 * (through the integer __k columns, which sort like the values; so the same snapshot always gives the same bytes, and month-sorted row groups let the browser
 * skip what a filter excludes). Column order follows publishedColumns() in src/schema/tables.ts.
 */
import { TABLES, TAK_ACTIONS, type TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';

const text = (column: string) => `CAST(t.${sqlIdent(column)} AS VARCHAR) AS ${sqlIdent(column)}`;

const DERIVED: Record<TableName, { select: string[]; joins: string[] }> = {
  arrivals: {
    select: ['p.name AS port_name', 'p.mode AS port_mode', 'p.province_code AS province_code'],
    joins: ['LEFT JOIN ref_ports p ON p.code = CAST(t.port_code AS VARCHAR)'],
  },
  sanctions: {
    select: ['o.name AS office_name', 'o.kanwil_code AS kanwil_code', 'o.province_code AS province_code',
      `CAST(t.action AS VARCHAR) IN (${TAK_ACTIONS.map(sqlString).join(', ')}) AS is_tak`],
    joins: ['LEFT JOIN ref_offices o ON o.code = CAST(t.office_code AS VARCHAR)'],
  },
  operations: {
    select: ["CAST(date_trunc('month', t.date) AS DATE) AS month", 'left(CAST(t.region_code AS VARCHAR), 2) AS province_code',
      "CAST(len(list_filter(string_split(coalesce(t.agencies, ''), ','), x -> trim(x) <> '')) AS INTEGER) AS agency_count"],
    joins: [],
  },
  registry: {
    select: ['left(CAST(t.region_code AS VARCHAR), 2) AS province_code'],
    joins: [],
  },
};

export function publishedTableSql(name: TableName, typedTable: string): string {
  const spec = TABLES[name];
  const select = spec.rawColumns.map((c) => (c.type === 'VARCHAR' ? text(c.name) : `t.${sqlIdent(c.name)}`));
  const derived = DERIVED[name];
  return `SELECT ${[...select, ...derived.select].join(', ')} FROM ${sqlIdent(typedTable)} t ${derived.joins.join(' ')}
    ORDER BY ${spec.key.map((k) => `t.${sqlIdent(`${k}__k`)}`).join(', ')}`;
}
