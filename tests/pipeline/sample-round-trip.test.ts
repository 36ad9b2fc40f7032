/**
 * The bundled sample snapshots, published and read back with DuckDB, reproduce the published
 * headline figures the sample is calibrated to, and every snapshot publishes byte-identically twice.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_FILES } from '../../src/schema/reference.ts';
import { DISCLOSURE, measureDesign, totalsDimensions, type DisclosureDesign } from '../../src/schema/disclosure.ts';
import { publishedColumns, STOCK_METRICS, TABLE_NAMES, TABLES } from '../../src/schema/tables.ts';
import { personalHeaderKind } from '../../scripts/lib/personal-headers.ts';
import type { Manifest } from '../../src/schema/manifest.ts';
import type { DisclosureCounts } from '../../scripts/anonymise/disclosure-counts.ts';
import { SNAPSHOTS } from '../../scripts/sample/calibration.ts';
import { readSnapshot } from '../../scripts/snapshots/find-snapshots.ts';
import { publish, ROOT, tempDir } from '../helpers/pipeline-fixture.ts';

// the bundled sample, by the generator's own dates: not whatever other folders an analyst has added
const snapshots = SNAPSHOTS.map(({ date }) => readSnapshot(join(ROOT, 'data/snapshots', date), date));

/** SQL: the totals row (alias p) is a cell the public build publishes the measure in, per src/schema/disclosure.ts. */
const inDesign = (design: DisclosureDesign) => `(${design.views.map((v) => `(p.view = '${v.name}' AND p.grain IN (${v.grains.map((g) => `'${g}'`).join(', ')}))`).join(' OR ')})`;

describe('sample snapshots', () => {
  let out = '';
  let internalOut = '';
  let db: DuckDBConnection;
  let manifest: Manifest;
  const one = async (sql: string) => Number((await db.runAndReadAll(sql.replaceAll('$P', join(out, 'current')))).getRows()[0]![0]);

  beforeAll(async () => {
    out = tempDir();
    for (const s of snapshots) await publish(s.dir, s.date, out);
    internalOut = tempDir();
    await publish(snapshots.at(-1)!.dir, snapshots.at(-1)!.date, internalOut, 'internal');
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

  // Detail cells are disclosure-controlled (withheld cells are null), so every headline comes from
  // <table>_totals, where the big national totals stay visible.
  const total = (table: string, where: string) => one(`SELECT count FROM '$P/${table}_totals.parquet' WHERE NOT count_withheld AND ${where}`);

  it('reproduces foreign arrivals Jan–Jun 2024 = 5,086,765 against 4,741,343 (+7.28%, "7,2%")', async () => {
    const h1 = (year: number) => total('arrivals', `view = 'total' AND grain = 'half' AND period = DATE '${year}-01-01'`);
    const [y2024, y2023] = [await h1(2024), await h1(2023)];
    expect(y2024).toBe(5_086_765);
    expect(y2023).toBe(4_741_343);
    // 345,422 / 4,741,343 = 7.2853…%: the release said 7.28% (truncated), the headlines 7.2%.
    expect(y2024 / y2023 - 1).toBeCloseTo(0.072853, 6);
    // and the six published months add up to the half-year
    expect(await one(`SELECT sum(count) FROM '$P/arrivals_totals.parquet' WHERE view = 'total' AND grain = 'month' AND NOT count_withheld AND period BETWEEN DATE '2024-01-01' AND DATE '2024-06-01'`)).toBe(5_086_765);
  });

  it('reproduces 2,041 administrative actions (TAK) in Jan–Jun 2024 against 1,165, deportations 1,503 against 639', async () => {
    const tak = (year: number) => total('sanctions', `view = 'is_tak' AND is_tak AND grain = 'half' AND period = DATE '${year}-01-01'`);
    const deportations = (year: number) => total('sanctions', `view = 'action' AND action = 'deportasi' AND grain = 'half' AND period = DATE '${year}-01-01'`);
    expect(await tak(2024)).toBe(2_041);
    expect(await tak(2023)).toBe(1_165);
    expect(await deportations(2024)).toBe(1_503);
    expect(await deportations(2023)).toBe(639);
  });

  it('ranks Bogor, Soekarno-Hatta and Batam as the largest TAK offices in Jan–Jun 2024', async () => {
    const rows = (await db.runAndReadAll(`SELECT office_code, count::INT AS n FROM '${join(out, 'current')}/sanctions_totals.parquet'
      WHERE view = 'office_code+is_tak' AND is_tak AND grain = 'half' AND period = DATE '2024-01-01' AND NOT count_withheld ORDER BY n DESC LIMIT 3`)).getRowObjectsJson();
    expect(rows).toEqual([{ office_code: 'KANIM-BOGOR', n: 136 }, { office_code: 'KANIM-SOEKARNO-HATTA', n: 124 }, { office_code: 'KANIM-BATAM', n: 118 }]);
  });

  it('lists the curated reference lists among the sources, with their sha256', () => {
    for (const file of Object.values(REFERENCE_FILES)) {
      const source = manifest.sources.find((s) => s.path === file);
      expect(source?.sha256, file).toBe(createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex'));
    }
  });

  it('publishes the headline totals in <table>_totals, so the site never adds up cells itself', async () => {
    expect(await total('arrivals', "view = 'total' AND grain = 'half' AND period = DATE '2024-01-01'")).toBe(5_086_765);
    expect(await total('arrivals', "view = 'total' AND grain = 'half' AND period = DATE '2023-01-01'")).toBe(4_741_343);
    expect(await total('sanctions', "view = 'is_tak' AND grain = 'half' AND period = DATE '2024-01-01' AND is_tak")).toBe(2_041);
    expect(await total('sanctions', "view = 'action' AND grain = 'half' AND period = DATE '2023-01-01' AND action = 'deportasi'")).toBe(639);
  });

  it('makes every total of the internal build equal the sum of its rows, and every published total equal it', async () => {
    const internal = join(internalOut, 'current');
    for (const table of TABLE_NAMES) {
      for (const view of DISCLOSURE[table].views) {
        for (const grain of view.grains) {
          const period = { month: 'month', half: "make_date(year(month), CASE WHEN month(month) <= 6 THEN 1 ELSE 7 END, 1)", year: 'make_date(year(month), 1, 1)' }[grain];
          const measure = DISCLOSURE[table].measures[0]!.name;
          const sum = measure === 'activities' ? 'count(*)' : `sum(${measure})`;
          const keys = ['period', ...view.dims];
          // A stock (foreign residents) is counted at a date: it has month totals only.
          const stocks = table === 'registry' && grain !== 'month' ? `WHERE metric NOT IN (${STOCK_METRICS.map((m) => `'${m}'`).join(', ')})` : '';
          // rows in one and not the other, either way: none
          const differing = await one(`WITH detail AS (SELECT ${period} AS period${view.dims.map((d) => `, ${d}`).join('')}, ${sum}::BIGINT AS n FROM '${internal}/${table}.parquet' ${stocks} GROUP BY ALL),
            totals AS (SELECT ${keys.join(', ')}, ${measure} AS n FROM '${internal}/${table}_totals.parquet' WHERE view = '${view.name}' AND grain = '${grain}')
            SELECT count(*) FROM ((FROM detail EXCEPT FROM totals) UNION ALL (FROM totals EXCEPT FROM detail))`);
          expect(differing, `${table} ${view.name} ${grain}`).toBe(0);
        }
      }
      // the public build shows the same value wherever it shows one
      for (const measure of DISCLOSURE[table].measures) {
        const keys = ['view', 'grain', 'period', ...totalsDimensions(table)];
        const wrong = await one(`SELECT count(*) FROM '$P/${table}_totals.parquet' p JOIN '${internal}/${table}_totals.parquet' i
          ON ${keys.map((k) => `p.${k} IS NOT DISTINCT FROM i.${k}`).join(' AND ')}
          WHERE p.${measure.name} IS NOT NULL AND p.${measure.name} <> i.${measure.name}`);
        expect(wrong, `${table} ${measure.name}`).toBe(0);
      }
    }
  });

  it('publishes a stock (foreign residents) by month only, in both builds: its months added up mean nothing', async () => {
    for (const dir of [join(out, 'current'), join(internalOut, 'current')]) {
      const stocks = STOCK_METRICS.map((m) => `'${m}'`).join(', ');
      expect(await one(`SELECT count(*) FROM '${dir}/registry_totals.parquet' WHERE metric IN (${stocks}) AND grain = 'month'`), dir).toBeGreaterThan(0);
      expect(await one(`SELECT count(*) FROM '${dir}/registry_totals.parquet' WHERE metric IN (${stocks}) AND grain <> 'month'`), dir).toBe(0);
      // a flow (mixed marriages) keeps its half-years and years
      expect(await one(`SELECT count(*) FROM '${dir}/registry_totals.parquet' WHERE metric NOT IN (${stocks}) AND grain = 'year'`), dir).toBeGreaterThan(0);
    }
  });

  it('publishes mixed marriages nationally for every month, by regency/city by year where protected, and by no regency-month', async () => {
    const pub = join(out, 'current');
    const months = await one(`SELECT datediff('month', DATE '${manifest.coverage.from}-01', DATE '${manifest.coverage.to}-01') + 1`);
    const agencies = await one(`SELECT count(DISTINCT source_agency) FROM '${pub}/registry_totals.parquet' WHERE metric = 'mixed_marriages'`);
    const national = `FROM '${pub}/registry_totals.parquet' WHERE metric = 'mixed_marriages' AND view = 'metric+source_agency' AND grain = 'month'`;
    // every national monthly figure of each agency is published (the one-design table withheld 10 of 62)
    expect(await one(`SELECT count(*) ${national}`)).toBe(months * agencies);
    expect(await one(`SELECT count(*) ${national} AND NOT count_withheld`)).toBe(months * agencies);
    // no regency or province figure by month, and no detail row: those cells are almost all 1..9
    expect(await one(`SELECT count(*) FROM '${pub}/registry_totals.parquet' WHERE metric = 'mixed_marriages' AND view <> 'metric+source_agency' AND grain = 'month'`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '${pub}/registry.parquet' WHERE metric = 'mixed_marriages'`)).toBe(0);
    // regencies/cities by year: most published, and where the meetings asked (Kota Cilegon) both agencies
    const years = `FROM '${pub}/registry_totals.parquet' WHERE metric = 'mixed_marriages' AND view = 'region_code+metric+source_agency' AND grain = 'year'`;
    expect(await one(`SELECT count(*) ${years} AND NOT count_withheld`)).toBeGreaterThan(0.7 * (await one(`SELECT count(*) ${years}`)));
    expect(await one(`SELECT count(*) ${years} AND region_code = '36.72' AND NOT count_withheld`)).toBe(2 * (await one(`SELECT count(DISTINCT period) ${years} AND region_code = '36.72'`)));
    // the internal build has them all, by month too
    expect(await one(`SELECT count(*) FROM '${join(internalOut, 'current')}/registry_totals.parquet' WHERE metric = 'mixed_marriages' AND view = 'region_code+metric+source_agency' AND grain = 'month'`)).toBeGreaterThan(1000);
  });

  it('publishes every table with exactly the columns the schema declares, and the manifest counts them', async () => {
    for (const name of TABLE_NAMES) {
      // a table whose public design has no detail rows (sanctions) has them only in the internal build
      const dir = DISCLOSURE[name].publicDetail ? join(out, 'current') : join(internalOut, 'current');
      const counted = DISCLOSURE[name].publicDetail ? manifest : JSON.parse(readFileSync(join(internalOut, 'current/manifest.json'), 'utf8')) as Manifest;
      const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${dir}/${name}.parquet'`)).getRows().map((r) => r[0]);
      expect(columns).toEqual(publishedColumns(TABLES[name]).map((c) => c.name));
      expect(await one(`SELECT count(*) FROM '${dir}/${name}.parquet'`)).toBe(counted.tables[name]!.rows);
    }
  });

  it('publishes every totals file with view and grain as text naming a declared view and grain', async () => {
    // The build holds them as ENUMs (scripts/lib/totals-column-types.ts); the files must
    // still read as plain text columns in the browser, with only the declared values.
    for (const table of TABLE_NAMES) {
      const file = `'${join(out, 'current', `${table}_totals.parquet`)}'`;
      const types = new Map((await db.runAndReadAll(`DESCRIBE SELECT * FROM ${file}`)).getRows().map((r) => [String(r[0]), String(r[1])]));
      expect([types.get('view'), types.get('grain'), types.get('period')], table).toEqual(['VARCHAR', 'VARCHAR', 'DATE']);
      const pairs = (await db.runAndReadAll(`SELECT DISTINCT view, grain FROM ${file}`)).getRows().map((r) => `${r[0]}/${r[1]}`).sort();
      const declared = DISCLOSURE[table].views.flatMap((v) => v.grains.map((g) => `${v.name}/${g}`)).sort();
      expect(pairs, table).toEqual(declared);
    }
  });

  it('publishes no sanctions detail rows in the default build, only its protected totals', () => {
    expect(DISCLOSURE.sanctions.publicDetail).toBe(false);
    expect(existsSync(join(out, 'current/sanctions.parquet'))).toBe(false);
    expect(manifest.tables.sanctions).toBeUndefined();
    expect(manifest.tables.sanctions_totals!.rows).toBeGreaterThan(1000);
    expect(existsSync(join(internalOut, 'current/sanctions.parquet'))).toBe(true);
  });

  it('publishes TIMPORA person counts nationally for every month, and not by region, office, kind or activity', async () => {
    const months = await one(`SELECT count(*) FROM '$P/operations_totals.parquet' WHERE view = 'total' AND grain = 'month'`);
    // every month the release covers (the snapshot's provisional newest months are not published yet)
    expect(months).toBe(await one(`SELECT datediff('month', DATE '${manifest.coverage.from}-01', DATE '${manifest.coverage.to}-01') + 1`));
    expect(months).toBeGreaterThanOrEqual(31);
    for (const measure of ['foreigners_checked', 'findings', 'follow_ups']) {
      // every national monthly figure is shown (before this design, 19 of 33 monthly findings were withheld)
      expect(await one(`SELECT count(*) FROM '$P/operations_totals.parquet' WHERE view = 'total' AND grain = 'month' AND NOT ${measure}_withheld`), measure).toBe(months);
      // not in the activity rows: an activity finds a handful of violators
      expect(await one(`SELECT count(${measure}) + count(${measure}_withheld) FROM '$P/operations.parquet'`), measure).toBe(0);
      // no breakdown: the published activity rows would tie a breakdown to the monthly totals
      expect(await one(`SELECT count(${measure}) + count(${measure}_withheld) FROM '$P/operations_totals.parquet' WHERE view <> 'total'`), measure).toBe(0);
    }
    // the activities themselves stay exact, per activity and by month everywhere
    expect(await one(`SELECT count(*) FROM '$P/operations.parquet'`)).toBe(manifest.tables.operations!.rows);
    expect(await one(`SELECT count(*) FROM '$P/operations_totals.parquet' WHERE activities_withheld OR activities IS NULL`)).toBe(0);
    // and the internal build shows why: most activities found 1 to 9 violators
    expect(await one(`SELECT count(*) FROM '${join(internalOut, 'current')}/operations.parquet' WHERE findings BETWEEN 1 AND 9`)).toBeGreaterThan(1000);
  });

  it('joins every published code to its reference table', async () => {
    expect(await one(`SELECT count(*) FROM '$P/arrivals.parquet' a ANTI JOIN '$P/ports.parquet' p ON a.port_code = p.code`)).toBe(0);
    // every checkpoint stands in a city/regency of its own province (what the city pages' arrivals join on)
    expect(await one(`SELECT count(*) FROM '$P/ports.parquet' p ANTI JOIN '$P/regencies.parquet' g ON p.regency_code = g.code AND p.province_code = g.province_code`)).toBe(0);
    expect(await one(`SELECT count(DISTINCT regency_code) FROM '$P/ports.parquet'`)).toBe(36);
    expect(await one(`SELECT count(*) FROM '$P/sanctions_totals.parquet' s ANTI JOIN '$P/offices.parquet' o ON s.office_code = o.code WHERE s.office_code IS NOT NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/sanctions_totals.parquet' s ANTI JOIN '$P/countries.parquet' c ON s.nationality = c.iso3 WHERE s.nationality IS NOT NULL`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/registry.parquet' r ANTI JOIN '$P/regencies.parquet' g ON r.region_code = g.code`)).toBe(0);
    expect(await one(`SELECT count(*) FROM '$P/provinces.parquet'`)).toBe(38);
    expect(await one(`SELECT count(*) FROM '$P/regencies.parquet'`)).toBe(514);
  });

  it('writes each table sorted by its key (month first), so readers can skip row groups by month', async () => {
    for (const name of TABLE_NAMES) {
      const key = TABLES[name].key;
      const dir = DISCLOSURE[name].publicDetail ? join(out, 'current') : join(internalOut, 'current');
      const rows = (await db.runAndReadAll(`SELECT ${key.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')} FROM '${dir}/${name}.parquet'`)).getRows().map((r) => r.join('\u0000'));
      expect(rows.length, name).toBeGreaterThan(300); // registry publishes foreign residents' rows only (mixed marriages none)
      expect(rows).toEqual([...rows].sort());
    }
  });

  it('gives identical Parquet bytes when the latest snapshot is published again elsewhere after the same previous release', async () => {
    // The suppression pattern depends on the previous public release (it is frozen), so the
    // same snapshot after the same previous release gives the same bytes.
    const latest = snapshots.at(-1)!;
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'releases'));
    const previous = readdirSync(join(out, 'releases')).filter((r) => r.startsWith(snapshots.at(-2)!.date));
    expect(previous).toHaveLength(1);
    cpSync(join(out, 'releases', previous[0]!), join(elsewhere, 'releases', previous[0]!), { recursive: true });
    cpSync(join(out, 'basis', previous[0]!), join(elsewhere, 'basis', previous[0]!), { recursive: true });
    const again = await publish(latest.dir, latest.date, elsewhere);
    for (const name of Object.keys(manifest.tables)) expect(again.manifest.tables[name]!.sha256, name).toBe(manifest.tables[name]!.sha256);
  });

  it('publishes no count from 1 to k − 1 and no identifying column in any Parquet file of the default build', async () => {
    expect(manifest.audience).toBe('public');
    // fact tables and their totals (reference tables have place names in a `name` column)
    const files = TABLE_NAMES.flatMap((t) => [`${t}.parquet`, `${t}_totals.parquet`]).filter((f) => existsSync(join(out, 'current', f)));
    expect(files).toHaveLength(7); // sanctions publishes its totals only
    for (const file of files) {
      const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${join(out, 'current', file)}'`)).getRows().map((r) => String(r[0]));
      expect(columns.filter((c) => personalHeaderKind(c) !== null), file).toEqual([]);
    }
    let checked = 0;
    for (const table of TABLE_NAMES) {
      for (const measure of DISCLOSURE[table].measures.filter((m) => m.k !== null)) {
        for (const file of [`${table}.parquet`, `${table}_totals.parquet`].filter((f) => existsSync(join(out, 'current', f)))) {
          const columns = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '$P/${file}'`.replaceAll('$P', join(out, 'current')))).getRows().map((r) => String(r[0]));
          if (!columns.includes(measure.name)) continue;
          checked += 1;
          expect(await one(`SELECT count(*) FROM '$P/${file}' WHERE ${measure.name} BETWEEN 1 AND ${measure.k! - 1}`), `${file} ${measure.name}`).toBe(0);
          // withheld means null, and null means withheld
          expect(await one(`SELECT count(*) FROM '$P/${file}' WHERE (${measure.name} IS NULL) <> ${measure.name}_withheld`), `${file} ${measure.name}`).toBe(0);
          // a null flag (not published) exactly outside the measure's design, and no value there
          const design = measureDesign(table, measure.name);
          const published = file.endsWith('_totals.parquet') ? inDesign(design) : String(design.publicDetail);
          expect(await one(`SELECT count(*) FROM '$P/${file}' p WHERE (${measure.name}_withheld IS NOT NULL) <> ${published}`), `${file} ${measure.name}`).toBe(0);
          expect(await one(`SELECT count(*) FROM '$P/${file}' p WHERE ${measure.name}_withheld IS NULL AND ${measure.name} IS NOT NULL`), `${file} ${measure.name}`).toBe(0);
        }
      }
    }
    expect(checked).toBe(11); // arrivals, registry: 1 measure × 2 files; sanctions: 1 × its totals; operations: 3 × 2
    // small counts did exist: the internal build has them
    expect(await one(`SELECT count(*) FROM '${join(internalOut, 'current')}/sanctions.parquet' WHERE count BETWEEN 1 AND 9`)).toBeGreaterThan(1000);
  });

  it('records in the manifest, per table and measure, k and how many cells are withheld, and how many each rule withheld only in the basis', async () => {
    // per-rule counts beside the flags would pin values (a release that adds no complementary cell
    // shows every newly withheld cell is 1..k−1): the public manifest states none of them
    expect(readFileSync(join(out, 'current/manifest.json'), 'utf8')).not.toMatch(/"(primary|secondary|frozen)"/);
    const report = JSON.parse(readFileSync(join(out, 'basis', readlinkSync(join(out, 'current')).split('/').pop()!, 'disclosure-report.json'), 'utf8')) as Record<string, DisclosureCounts>;
    for (const table of TABLE_NAMES) {
      const s = manifest.suppression[table]!;
      expect(s.audited, table).toBe(true);
      for (const measure of DISCLOSURE[table].measures.filter((m) => m.k !== null)) {
        const counts = s.measures![measure.name]!;
        const rules = report[table]!.measures[measure.name]!;
        expect(counts.k).toBe(measure.k);
        const design = measureDesign(table, measure.name);
        const detailFlagged = DISCLOSURE[table].publicDetail ? `(SELECT count(*) FROM '$P/${table}.parquet' WHERE ${measure.name}_withheld)` : '0';
        const flagged = await one(`SELECT ${detailFlagged} + (SELECT count(*) FROM '$P/${table}_totals.parquet' WHERE ${measure.name}_withheld)`);
        expect(counts.withheld, `${table} ${measure.name}`).toBe(flagged);
        expect(rules.primary + rules.secondary + rules.frozen, `${table} ${measure.name}`).toBe(flagged);
        // primary = the cells of this build that are 1..k−1 in truth (the internal build has the values)
        const keys = ['view', 'grain', 'period', ...totalsDimensions(table)];
        const detailPrimary = design.publicDetail ? `(SELECT count(*) FROM '$P/${table}.parquet' p JOIN '${join(internalOut, 'current')}/${table}.parquet' i USING (${TABLES[table].key.join(', ')}) WHERE i.${measure.name} BETWEEN 1 AND ${measure.k! - 1})` : '0';
        const primary = await one(`SELECT ${detailPrimary}
          + (SELECT count(*) FROM '$P/${table}_totals.parquet' p JOIN '${join(internalOut, 'current')}/${table}_totals.parquet' i ON ${keys.map((k) => `p.${k} IS NOT DISTINCT FROM i.${k}`).join(' AND ')} WHERE i.${measure.name} BETWEEN 1 AND ${measure.k! - 1} AND ${inDesign(design)})`);
        expect(rules.primary, `${table} ${measure.name}`).toBe(primary);
      }
    }
    expect(report.sanctions!.measures.count!.primary).toBeGreaterThan(2000);
  });

  it('keeps every earlier withheld cell withheld, and reveals no withheld value by comparing two successive snapshots', async () => {
    const releases = readdirSync(join(out, 'releases')).sort();
    const [before, after] = [snapshots.at(-2)!.date, snapshots.at(-1)!.date].map((d) => join(out, 'releases', releases.find((r) => r.startsWith(d))!));
    const internal = join(internalOut, 'current');
    let compared = 0;
    for (const table of TABLE_NAMES) {
      for (const measure of DISCLOSURE[table].measures.filter((m) => m.k !== null)) {
        const flag = `${measure.name}_withheld`;
        for (const [file, keys] of [[`${table}.parquet`, TABLES[table].key], [`${table}_totals.parquet`, ['view', 'grain', 'period', ...totalsDimensions(table)]]] as const) {
          if (!existsSync(join(after!, file))) continue;
          const on = (a: string, b: string) => keys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
          // frozen: withheld before → withheld now
          expect(await one(`SELECT count(*) FROM '${before}/${file}' b JOIN '${after}/${file}' a ON ${on('b', 'a')} WHERE b.${flag} AND NOT a.${flag}`), `${file} ${measure.name}`).toBe(0);
          // a value withheld now was not shown by the earlier snapshot
          expect(await one(`SELECT count(*) FROM '${after}/${file}' a JOIN '${internal}/${file}' i ON ${on('a', 'i')} JOIN '${before}/${file}' b ON ${on('a', 'b')}
            WHERE a.${flag} AND NOT b.${flag} AND b.${measure.name} = i.${measure.name} AND i.${measure.name} BETWEEN 1 AND ${measure.k! - 1}`), `${file} ${measure.name}`).toBe(0);
          compared += await one(`SELECT count(*) FROM '${before}/${file}' b JOIN '${after}/${file}' a ON ${on('b', 'a')} WHERE b.${flag}`);
        }
      }
    }
    // sanctions' withheld cells mostly, and registry's (far fewer since mixed marriages are published by half-year)
    expect(compared).toBeGreaterThan(3_000);
    // no year-to-date total that the next snapshot's would reveal a month by subtraction
    for (const table of TABLE_NAMES) {
      expect(await one(`SELECT count(*) FROM '${after}/${table}_totals.parquet' WHERE grain <> 'month' AND period >= DATE '2025-07-01'`), table).toBe(0);
    }
  });

  it('shows no change of 1..k−1 between any two kept releases, and a figure either withholds has the same value in both', async () => {
    const releases = readdirSync(join(out, 'releases')).sort();
    expect(releases.length).toBe(snapshots.length);
    let pairs = 0;
    for (const [i, a] of releases.entries()) for (const b of releases.slice(i + 1)) {
      pairs++;
      const [older, newer] = [join(out, 'releases', a), join(out, 'releases', b)];
      const [olderBasis, newerBasis] = [join(out, 'basis', a), join(out, 'basis', b)];
      for (const table of TABLE_NAMES) {
        for (const measure of DISCLOSURE[table].measures.filter((m) => m.k !== null)) {
          const [m, flag] = [measure.name, `${measure.name}_withheld`];
          for (const [file, keys] of [[`${table}.parquet`, TABLES[table].key], [`${table}_totals.parquet`, ['view', 'grain', 'period', ...totalsDimensions(table)]]] as const) {
            if (!existsSync(join(newer, file)) || !existsSync(join(older, file))) continue;
            const on = (x: string, y: string) => keys.map((k) => `${x}.${k} IS NOT DISTINCT FROM ${y}.${k}`).join(' AND ');
            const label = `${a} vs ${b}: ${file} ${m}`;
            expect(await one(`SELECT count(*) FROM '${older}/${file}' o JOIN '${newer}/${file}' n ON ${on('o', 'n')}
              WHERE NOT o.${flag} AND NOT n.${flag} AND abs(o.${m} - n.${m}) BETWEEN 1 AND ${measure.k! - 1}`), `${label}: small change`).toBe(0);
            expect(await one(`SELECT count(*) FROM '${older}/${file}' o JOIN '${newer}/${file}' n ON ${on('o', 'n')} WHERE o.${flag} AND NOT n.${flag}`), `${label}: unfrozen`).toBe(0);
            // the true values (each release's basis) of figures either release withholds
            expect(await one(`SELECT count(*) FROM '${older}/${file}' o JOIN '${newer}/${file}' n ON ${on('o', 'n')}
              JOIN '${olderBasis}/${file}' ob ON ${on('o', 'ob')} JOIN '${newerBasis}/${file}' nb ON ${on('n', 'nb')}
              WHERE (o.${flag} OR n.${flag}) AND ob.${m} IS DISTINCT FROM nb.${m}`), `${label}: a withheld figure changed`).toBe(0);
          }
        }
      }
    }
    expect(pairs).toBe(3);
  });

  it('publishes an internal build unsuppressed and marked internal', async () => {
    const m = JSON.parse(readFileSync(join(internalOut, 'current/manifest.json'), 'utf8')) as Manifest;
    expect(m.audience).toBe('internal');
    for (const table of TABLE_NAMES) {
      expect(m.suppression[table]!.k).toBeNull();
      for (const measure of DISCLOSURE[table].measures) {
        expect(await one(`SELECT count(*) FROM '${join(internalOut, 'current')}/${table}_totals.parquet' WHERE ${measure.name}_withheld OR ${measure.name} IS NULL`)).toBe(0);
      }
    }
  });

  it('changes nothing when the latest snapshot is published again in place', async () => {
    const latest = snapshots.at(-1)!;
    const again = await publish(latest.dir, latest.date, out);
    expect(again.unchanged).toBe(true);
  });
});
