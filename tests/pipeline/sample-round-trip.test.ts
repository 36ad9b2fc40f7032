/**
 * The bundled sample snapshots, published and read back with DuckDB, reproduce the published
 * headline figures the sample is calibrated to, and every snapshot publishes byte-identically twice.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_FILES } from '../../src/schema/reference.ts';
import { DISCLOSURE, PERIOD_GRAINS } from '../../src/schema/disclosure.ts';
import { publishedColumns, TABLE_NAMES, TABLES } from '../../src/schema/tables.ts';
import type { Manifest } from '../../src/schema/manifest.ts';
import { findSnapshots } from '../../scripts/snapshots/find-snapshots.ts';
import { publish, ROOT, tempDir } from '../helpers/pipeline-fixture.ts';

const snapshots = findSnapshots(join(ROOT, 'data/snapshots'));

describe('sample snapshots', () => {
  let out = '';
  let db: DuckDBConnection;
  let manifest: Manifest;
  const one = async (sql: string) => Number((await db.runAndReadAll(sql.replaceAll('$P', join(out, 'current')))).getRows()[0]![0]);

  beforeAll(async () => {
    out = tempDir();
    for (const s of snapshots) await publish(s.dir, s.date, out);
    manifest = JSON.parse(readFileSync(join(out, 'current/manifest.json'), 'utf8')) as Manifest;
    db = await (await DuckDBInstance.create(':memory:')).connect();
  });

  it('has at least three monthly snapshots, all synthetic and declared so', () => {
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    expect(snapshots.every((s) => s.sidecar.synthetic)).toBe(true);
    expect(manifest.synthetic).toBe(true);
    expect(manifest.snapshotDate).toBe(snapshots.at(-1)!.date);
    expect(manifest.previousSnapshotDate).toBe(snapshots.at(-2)!.date);
  });

  it('reproduces foreign arrivals Jan–Jun 2024 = 5,086,765 against 4,741,343 (+7.28%, "7,2%")', async () => {
    const h1 = (year: number) => one(`SELECT sum(count) FROM '$P/arrivals.parquet' WHERE month BETWEEN DATE '${year}-01-01' AND DATE '${year}-06-01'`);
    const [y2024, y2023] = [await h1(2024), await h1(2023)];
    expect(y2024).toBe(5_086_765);
    expect(y2023).toBe(4_741_343);
    // 345,422 / 4,741,343 = 7.2853…%: the release said 7.28% (truncated), the headlines 7.2%.
    expect(y2024 / y2023 - 1).toBeCloseTo(0.072853, 6);
  });

  it('reproduces 2,041 administrative actions (TAK) in Jan–Jun 2024 against 1,165, deportations 1,503 against 639', async () => {
    const tak = (year: number, action = '') => one(`SELECT sum(count) FROM '$P/sanctions.parquet' WHERE is_tak ${action} AND month BETWEEN DATE '${year}-01-01' AND DATE '${year}-06-01'`);
    expect(await tak(2024)).toBe(2_041);
    expect(await tak(2023)).toBe(1_165);
    expect(await tak(2024, "AND action = 'deportasi'")).toBe(1_503);
    expect(await tak(2023, "AND action = 'deportasi'")).toBe(639);
  });

  it('ranks Bogor, Soekarno-Hatta and Batam as the largest TAK offices in Jan–Jun 2024', async () => {
    const rows = (await db.runAndReadAll(`SELECT office_code, sum(count)::INT AS n FROM '${join(out, 'current')}/sanctions.parquet'
      WHERE is_tak AND month BETWEEN DATE '2024-01-01' AND DATE '2024-06-01' GROUP BY 1 ORDER BY n DESC LIMIT 3`)).getRowObjectsJson();
    expect(rows).toEqual([{ office_code: 'KANIM-BOGOR', n: 136 }, { office_code: 'KANIM-SOEKARNO-HATTA', n: 124 }, { office_code: 'KANIM-BATAM', n: 118 }]);
  });

  it('lists the curated reference lists among the sources, with their sha256', () => {
    for (const file of Object.values(REFERENCE_FILES)) {
      const source = manifest.sources.find((s) => s.path === file);
      expect(source?.sha256, file).toBe(createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex'));
    }
  });

  it('publishes the headline totals in <table>_totals, so the site never adds up cells itself', async () => {
    const total = (table: string, where: string) => one(`SELECT count FROM '$P/${table}_totals.parquet' WHERE ${where}`);
    expect(await total('arrivals', "view = 'total' AND grain = 'half' AND period = DATE '2024-01-01'")).toBe(5_086_765);
    expect(await total('arrivals', "view = 'total' AND grain = 'half' AND period = DATE '2023-01-01'")).toBe(4_741_343);
    expect(await total('sanctions', "view = 'is_tak' AND grain = 'half' AND period = DATE '2024-01-01' AND is_tak")).toBe(2_041);
    expect(await total('sanctions', "view = 'action' AND grain = 'half' AND period = DATE '2023-01-01' AND action = 'deportasi'")).toBe(639);
  });

  it('makes every total of every view and grain equal the sum of its table\'s rows', async () => {
    for (const table of TABLE_NAMES) {
      for (const view of DISCLOSURE[table].views) {
        for (const grain of PERIOD_GRAINS) {
          const period = { month: 'month', half: "make_date(year(month), CASE WHEN month(month) <= 6 THEN 1 ELSE 7 END, 1)", year: 'make_date(year(month), 1, 1)' }[grain];
          const measure = DISCLOSURE[table].measures[0]!.name;
          const sum = measure === 'activities' ? 'count(*)' : `sum(${measure})`;
          const keys = ['period', ...view.dims];
          // rows in one and not the other, either way: none
          const differing = await one(`WITH detail AS (SELECT ${period} AS period${view.dims.map((d) => `, ${d}`).join('')}, ${sum}::BIGINT AS n FROM '$P/${table}.parquet' GROUP BY ALL),
            totals AS (SELECT ${keys.join(', ')}, ${measure} AS n FROM '$P/${table}_totals.parquet' WHERE view = '${view.name}' AND grain = '${grain}')
            SELECT count(*) FROM ((FROM detail EXCEPT FROM totals) UNION ALL (FROM totals EXCEPT FROM detail))`);
          expect(differing, `${table} ${view.name} ${grain}`).toBe(0);
        }
      }
    }
  });

  it('publishes every table with exactly the columns the schema declares, and the manifest counts them', async () => {
    for (const name of TABLE_NAMES) {
      const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${join(out, 'current')}/${name}.parquet'`)).getRows().map((r) => r[0]);
      expect(columns).toEqual(publishedColumns(TABLES[name]).map((c) => c.name));
      expect(await one(`SELECT count(*) FROM '$P/${name}.parquet'`)).toBe(manifest.tables[name]!.rows);
    }
  });

  it('joins every published code to its reference table', async () => {
    expect(await one(`SELECT count(*) FROM '$P/arrivals.parquet' a ANTI JOIN '$P/ports.parquet' p ON a.port_code = p.code`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/sanctions.parquet' s ANTI JOIN '$P/offices.parquet' o ON s.office_code = o.code`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/registry.parquet' r ANTI JOIN '$P/regencies.parquet' g ON r.region_code = g.code`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/provinces.parquet'`)).toBe(38);
    expect(await one(`SELECT count(*) FROM '$P/regencies.parquet'`)).toBe(514);
  });

  it('writes each table sorted by its key (month first), so readers can skip row groups by month', async () => {
    for (const name of TABLE_NAMES) {
      const key = TABLES[name].key;
      const rows = (await db.runAndReadAll(`SELECT ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')} FROM '${join(out, 'current')}/${name}.parquet'`)).getRows().map((r) => r.join('\u0000'));
      expect(rows.length).toBeGreaterThan(1000);
      expect(rows).toEqual([...rows].sort());
    }
  });

  it('gives identical Parquet bytes when the latest snapshot is published again elsewhere', async () => {
    const latest = snapshots.at(-1)!;
    const again = await publish(latest.dir, latest.date, tempDir());
    for (const name of TABLE_NAMES) expect(again.manifest.tables[name]!.sha256).toBe(manifest.tables[name]!.sha256);
  });
});
