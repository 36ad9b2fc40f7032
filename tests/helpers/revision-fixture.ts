/**
 * A snapshot big enough for revisions to matter: every table has rows in every month, national
 * figures well above k and some small cells, written the way offices export them. Tests take the
 * rows as objects, revise a few (a late report, a correction, a person moving office) and write the
 * next snapshot from them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SanctionRow { month: string; office: string; nationality: string; action: string; count: number }
export interface ArrivalRow { month: string; port: string; nationality: string; visa: string; sex: string; count: number }
export interface OperationRow { date: string; region: string; office: string; activity: string; checked: number; findings: number; followUps: number }
export interface RegistryRow { month: string; region: string; agency: string; count: number }

export interface RevisionFixture { sanctions: SanctionRow[]; arrivals: ArrivalRow[]; operations: OperationRow[]; registry: RegistryRow[] }

export const OFFICES = ['KANIM-BOGOR', 'KANIM-BATAM', 'KANIM-SOEKARNO-HATTA', 'KANIM-MEDAN'];
const NATIONALITIES = ['CHN', 'NGA', 'MYS'];
const ACTIONS = ['Deportasi', 'Penangkalan'];
const PORTS = ['CGK', 'DPS', 'KNO'];
const VISAS = ['voa', 'bvk'];
const REGIONS = ['36.72', '36.73', '51.71', '31.71'];

/** Months from `from` to `to` (YYYY-MM), inclusive. */
export function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

/** Deterministic rows for the months given: counts from 1 to a few hundred, some under every k. */
export function revisionFixture(monthList: readonly string[]): RevisionFixture {
  const f: RevisionFixture = { sanctions: [], arrivals: [], operations: [], registry: [] };
  monthList.forEach((month, mi) => {
    OFFICES.forEach((office, oi) => NATIONALITIES.forEach((nationality, ni) => ACTIONS.forEach((action, ai) => {
      f.sanctions.push({ month, office, nationality, action, count: ((mi * 7 + oi * 5 + ni * 3 + ai * 11) % 23) + 1 });
    })));
    PORTS.forEach((port, pi) => NATIONALITIES.forEach((nationality, ni) => VISAS.forEach((visa, vi) => ['L', 'P'].forEach((sex, si) => {
      const n = (mi * 13 + pi * 29 + ni * 7 + vi * 17 + si * 3) % 41;
      f.arrivals.push({ month, port, nationality, visa, sex, count: n < 4 ? n + 1 : n * 25 });
    }))));
    OFFICES.slice(0, 3).forEach((office, oi) => {
      f.operations.push({ date: `${month}-1${oi}`, region: '36.72', office, activity: 'Operasi gabungan', checked: 20 + ((mi + oi) % 9) * 4, findings: 4 + ((mi * 3 + oi) % 7), followUps: 1 + ((mi + oi) % 3) });
      f.operations.push({ date: `${month}-2${oi}`, region: '36.73', office, activity: 'Rapat koordinasi', checked: 0, findings: 0, followUps: 0 });
    });
    REGIONS.forEach((region, ri) => ['Disdukcapil', 'Kemenag'].forEach((agency, gi) => {
      // the last regency registers one or two a month: its half-years are under k
      f.registry.push({ month, region, agency, count: ri === REGIONS.length - 1 ? 1 + ((mi + gi) % 2) : ((mi * 5 + ri * 7 + gi * 3) % 29) + 1 });
    }));
  });
  return f;
}

export const clone = (f: RevisionFixture): RevisionFixture => structuredClone(f);

const csv = (header: string, rows: string[][]) => [header, ...rows.map((r) => r.join(';'))].join('\r\n') + '\r\n';

/** Writes the fixture as a snapshot folder <parent>/<date>/ and returns it. */
export function writeRevisionSnapshot(parent: string, date: string, coverage: { from: string; to: string }, f: RevisionFixture, sidecar: Record<string, unknown> = {}): string {
  const dir = join(parent, date);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sanctions.csv'), csv('Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah', f.sanctions.map((r) => [r.month, r.office, r.nationality, r.action, 'Overstay', String(r.count)])));
  writeFileSync(join(dir, 'arrivals.csv'), csv('Bulan;TPI;Kewarganegaraan;Jenis Visa/Izin;Jenis Kelamin;Jumlah', f.arrivals.map((r) => [r.month, r.port, r.nationality, r.visa, r.sex, String(r.count)])));
  writeFileSync(join(dir, 'operations.csv'), csv('Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut', f.operations.map((r) => {
    const [y, m, d] = r.date.split('-');
    return [`${d}/${m}/${y}`, 'Kabupaten/Kota', r.region, r.office, r.activity, '"Imigrasi, Polri"', String(r.checked), String(r.findings), String(r.followUps)];
  })));
  writeFileSync(join(dir, 'registry.csv'), csv('Bulan;Kode Wilayah;Instansi;Indikator;Jumlah', f.registry.map((r) => [r.month, r.region, r.agency, 'Perkawinan campuran tercatat', String(r.count)])));
  writeFileSync(join(dir, 'snapshot.json'), JSON.stringify({ snapshotDate: date, coverage, synthetic: false, producer: 'revision test fixture', ...sidecar }));
  return dir;
}
