/** Puts the reference tables into DuckDB (ref_provinces, ref_regencies, ref_offices, ref_office_regencies, ref_ports, ref_countries). */
import { sqlIdent, type Db } from '../lib/duckdb.ts';
import { PUBLISHED_PORT_COLUMNS } from '../../src/schema/reference.ts';
import type { Reference } from './load-reference.ts';

async function appendRows(db: Db, table: string, columns: string[], rows: Record<string, string>[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(table)} (${columns.map((c) => `${sqlIdent(c)} VARCHAR`).join(', ')})`);
  const appender = await db.createAppender(table);
  for (const row of rows) {
    for (const c of columns) appender.appendVarchar(row[c] ?? '');
    appender.endRow();
  }
  appender.closeSync();
}

export async function loadReferenceTables(db: Db, reference: Reference): Promise<void> {
  await appendRows(db, 'ref_provinces', ['code', 'name'], reference.provinces as unknown as Record<string, string>[]);
  await appendRows(db, 'ref_regencies', ['code', 'province_code', 'name'], reference.regencies.map((r) => ({ code: r.code, province_code: r.parent_code, name: r.name })));
  await appendRows(db, 'ref_offices', ['code', 'name', 'kind', 'class', 'class_as_of', 'tpi', 'location_regency_code', 'province_code', 'kanwil_code', 'opened', 'source'], reference.offices as unknown as Record<string, string>[]);
  await appendRows(db, 'ref_office_regencies', ['regency_code', 'office_code', 'source'], reference.officeRegencies as unknown as Record<string, string>[]);
  await appendRows(db, 'ref_ports', PUBLISHED_PORT_COLUMNS.map((c) => c.name), reference.ports as unknown as Record<string, string>[]);
  await appendRows(db, 'ref_countries', ['iso3', 'iso2', 'name_id', 'name_en'], reference.countries as unknown as Record<string, string>[]);
}
