/**
 * Places as offices write them — "Kab. Serang", "KOTA CILEGON", "Prov. Jawa Barat", "DKI JAKARTA",
 * "DIY", a bare name only one place has — and codes from before the 2022 Papua splits, read
 * through data/reference/region-code-changes.csv by regency (Kota Sorong 92.71 → 96.71, Papua
 * Barat Daya) and said in the manifest. A province figure from before a split cannot be split and
 * is refused with the law; suggestions never name a place of another kind or province. Persons
 * with no ISO nationality are coded as ICAO Doc 9303 does (XXA, XXB, XXC, XXX) and published with
 * their names. One publication and one refused snapshot for the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BOM, sidecarWithTableEnds, VALID_FILES, writeSnapshot } from '../helpers/valid-snapshot.ts';
import { publicationFingerprint, publish, refuse, tempDir } from '../helpers/pipeline-fixture.ts';
import type { PipelineIssue } from '../../scripts/lib/pipeline-issue.ts';

const DATE = '2024-03-05';
const plain = (file: string) => VALID_FILES[file]!.replace(BOM, '');
const registry = (...rows: string[]) => 'Bulan;Kabupaten/Kota;Instansi;Indikator;Jumlah\r\n' + rows.map((r) => `2024-01;${r};Kemenag;Perkawinan campuran tercatat;5`).join('\r\n') + '\r\n';
const operations = (...rows: string[]) => 'Tanggal;Tingkat;Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut\r\n' + rows.join('\r\n') + '\r\n';

const ACCEPTED: Record<string, string | Buffer | null> = {
  'registry.csv': registry('Kab. Serang', 'KOTA CILEGON', 'Kabupaten Sukabumi', 'Kodya Sukabumi', 'Jakarta Pusat', '92.71', '9101', 'Kab. Mimika'),
  'operations.csv': operations(
    '14/01/2024;Provinsi;Prov. Jawa Barat;KANIM-BOGOR;Rapat koordinasi;Imigrasi, Polri;0;0;0',
    '15/01/2024;Provinsi;DKI JAKARTA;KANIM-JAKARTA-PUSAT;Rapat koordinasi;Imigrasi, Polri;0;0;0',
    '16/01/2024;Provinsi;DIY;KANIM-YOGYAKARTA;Rapat koordinasi;Imigrasi, Polri;0;0;0',
    // Papua after the split is today's Papua
    '20/02/2024;Provinsi;Papua;KANIM-JAYAPURA;Operasi gabungan;Imigrasi, TNI;25;3;2',
  ),
  'arrivals.csv': plain('arrivals.csv') + ['Tanpa kewarganegaraan', 'Pengungsi', 'Tidak diketahui', 'XXC'].map((n, i) => `Februari 2024;Ngurah Rai;${n};ITAS;${i % 2 ? 'P' : 'L'};${i + 1}`).join('\r\n') + '\r\nFebruari 2024;Ngurah Rai;Stateless;Visa on Arrival;L;5\r\n',
};

const REFUSED: Record<string, string | Buffer | null> = {
  'registry.csv': registry('Kab. Sukabumii', 'Serang'),
  // a Papua province figure from before the split (UU 14–16/2022, 25 July 2022)
  'operations.csv': operations('14/05/2022;Provinsi;91;KANIM-JAYAPURA;Rapat koordinasi;Imigrasi, Polri;0;0;0'),
  'arrivals.csv': plain('arrivals.csv').replace('Malaysia', 'Stateles'),
  'snapshot.json': JSON.stringify({ snapshotDate: '2024-04-05', coverage: { from: '2024-01', to: '2024-02' }, tables: { registry: { to: '2024-01' } }, synthetic: true, producer: 'test' }),
};

describe('place names, region codes and nationality codes', () => {
  let out = '';
  let refused: PipelineIssue[] = [];
  let before = '';
  beforeAll(async () => {
    out = tempDir();
    await publish(writeSnapshot(tempDir(), { ...ACCEPTED, 'snapshot.json': sidecarWithTableEnds({}) }), DATE, out, 'internal');
    before = publicationFingerprint(out);
    refused = await refuse(writeSnapshot(tempDir(), REFUSED, '2024-04-05'), '2024-04-05', out);
  }, 60_000);

  it('reads abbreviated and upper-case places and pre-2022 Papua codes by regency, and says which codes were renumbered', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const read = async (sql: string) => (await db.runAndReadAll(sql.replaceAll('$DIR', join(out, 'current')))).getRowObjectsJson();
    expect(await read(`SELECT region_code, province_code FROM '$DIR/registry.parquet' ORDER BY 1`)).toEqual([
      { region_code: '31.71', province_code: '31' }, // Jakarta Pusat
      { region_code: '32.02', province_code: '32' }, // Kabupaten Sukabumi
      { region_code: '32.72', province_code: '32' }, // Kodya Sukabumi
      { region_code: '36.04', province_code: '36' }, // Kab. Serang
      { region_code: '36.72', province_code: '36' }, // KOTA CILEGON
      { region_code: '93.01', province_code: '93' }, // 9101, Merauke: Papua Selatan since UU 14/2022
      { region_code: '94.04', province_code: '94' }, // Kab. Mimika: Papua Tengah
      { region_code: '96.71', province_code: '96' }, // 92.71, Kota Sorong: Papua Barat Daya since UU 29/2022
    ]);
    expect(await read(`SELECT region_code FROM '$DIR/operations.parquet' ORDER BY 1`)).toEqual([{ region_code: '31' }, { region_code: '32' }, { region_code: '34' }, { region_code: '91' }]);
    const manifest = JSON.parse(readFileSync(join(out, 'current', 'manifest.json'), 'utf8')) as { warnings: { code: string; message: string }[] };
    expect(manifest.warnings.filter((w) => w.code === 'region-code-renumbered').map((w) => w.message.replace(/^.*?csv, column "Kabupaten\/Kota": /, '')).sort()).toEqual([
      '"9101" is the code Kabupaten Merauke had before 2022-07-25: read as 93.01 (UU 14/2022 (Provinsi Papua Selatan); old code: Permendagri 72/2019; new code: Kepmendagri 100.1.1-6117/2022). Use 93.01 in later exports.',
      '"92.71" is the code Kota Sorong had before 2022-12-08: read as 96.71 (UU 29/2022 (Provinsi Papua Barat Daya); old code: Permendagri 72/2019; new code: Kepmendagri 100.1.1-6117/2022). Use 96.71 in later exports.',
    ]);
    db.closeSync();
  });

  it('codes stateless, refugee and unknown nationality as ICAO Doc 9303 does, and publishes their names', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`SELECT a.nationality, sum(a.count)::INT AS n, c.name_id, c.name_en FROM '${join(out, 'current', 'arrivals.parquet')}' a
      JOIN '${join(out, 'current', 'countries.parquet')}' c ON c.iso3 = a.nationality WHERE a.nationality LIKE 'XX%' GROUP BY ALL ORDER BY 1`)).getRowObjectsJson();
    db.closeSync();
    expect(rows).toEqual([
      { nationality: 'XXA', n: 6, name_id: 'Tanpa kewarganegaraan', name_en: 'Stateless person' },
      { nationality: 'XXB', n: 2, name_id: 'Pengungsi', name_en: 'Refugee' },
      { nationality: 'XXC', n: 4, name_id: 'Pengungsi lainnya', name_en: 'Refugee (other)' },
      { nationality: 'XXX', n: 3, name_id: 'Tidak diketahui', name_en: 'Unspecified nationality' },
    ]);
  });

  const errors = (file: string, code: string) => refused.filter((i) => i.severity === 'error' && i.code === code && i.file.endsWith(file));

  it('suggests only a place of the kind written, both places for a name two share, and the ICAO code for a misspelling', () => {
    const [sukabumi, serang] = errors('registry.csv', 'value-unknown');
    expect(sukabumi).toMatchObject({ row: 2, column: 'Kabupaten/Kota', found: 'Kab. Sukabumii', fix: 'Did you mean 32.02 ("Kabupaten Sukabumi")? Use that spelling or code.' });
    expect(serang).toMatchObject({ row: 3, found: 'Serang', fix: 'Did you mean 36.04 ("Kabupaten Serang") or 36.73 ("Kota Serang")? Use that spelling or code.' });
    expect(errors('arrivals.csv', 'value-unknown')[0]).toMatchObject({ found: 'Stateles', fix: expect.stringMatching(/^Did you mean XXA /) });
  });

  it('refuses a Papua province figure from before the split, with the law, and leaves the publication alone', () => {
    const [split] = errors('operations.csv', 'province-before-split');
    expect(split).toMatchObject({ row: 2, column: 'Wilayah', found: '91 in 2022-05-14' });
    expect(split!.fix).toMatch(/^Before 2022-07-25 the code 91 meant Provinsi Papua .*UU 14\/2022, UU 15\/2022, UU 16\/2022.*cannot be split among them: report it by regency/);
    expect(publicationFingerprint(out)).toBe(before);
  });
});
