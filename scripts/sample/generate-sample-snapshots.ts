/**
 * Generates the bundled synthetic sample: three monthly scheduled snapshots in data/snapshots/,
 * each with the four raw exports written the way offices send them, plus snapshot.json. The
 * output depends only on the seed, the code and the reference files (byte-identical on re-run).
 * Usage: tsx scripts/sample/generate-sample-snapshots.ts [--root <repo>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ENUMS } from '../../src/schema/tables.ts';
import { SNAPSHOT_SIDECAR, type SnapshotSidecar } from '../../src/schema/snapshot.ts';
import { generateArrivals } from './arrivals.ts';
import { monthLabelId, monthRange } from './calendar.ts';
import { COVERAGE_FROM, SEED, SNAPSHOTS } from './calibration.ts';
import { generateOperations } from './operations.ts';
import { createRng } from './prng.ts';
import { formatCountId, writeCsv, writeXlsx } from './raw-export.ts';
import { loadSampleReference, waitForReferenceFiles, type SampleReference } from './reference-data.ts';
import { generateRegistry } from './registry.ts';
import { lagOf, preliminaryCount, REVISED_LAGS, reportedYet } from './revisions.ts';
import { generateSanctions } from './sanctions.ts';

const label = <K extends keyof typeof ENUMS>(name: K, code: string): string => {
  const v = (ENUMS[name] as readonly { code: string; id: string }[]).find((x) => x.code === code);
  if (!v) throw new Error(`no ${name} code ${code}`);
  return v.id;
};

/** One spelling per office/port, fixed for the whole sample (offices export their own habit). */
function spellingPicker(spellings: Map<string, string[]>, kind: string): (code: string) => string {
  const chosen = new Map<string, string>();
  return (code) => {
    let s = chosen.get(code);
    if (s === undefined) {
      const options = spellings.get(code);
      if (!options || options.length === 0) throw new Error(`no spelling for ${kind} ${code}`);
      const rng = createRng(SEED, `spelling/${kind}/${code}`);
      // Offices write their short everyday names ("Kanim Bogor", "Bandara Juanda"): one of the
      // aliases up to 20 characters that resolve to this code alone; the official name otherwise.
      const short = options.slice(1).filter((o) => o.length <= 20);
      s = short.length === 0 ? options[0]! : rng.pick(short);
      chosen.set(code, s);
    }
    return s;
  };
}

async function main(): Promise<void> {
  const rootArg = process.argv.indexOf('--root');
  const root = resolve(rootArg > 0 ? process.argv[rootArg + 1]! : process.cwd());
  await waitForReferenceFiles(root);
  const ref: SampleReference = loadSampleReference(root);
  const allMonths = monthRange(COVERAGE_FROM, SNAPSHOTS[SNAPSHOTS.length - 1]!.to);

  const arrivals = generateArrivals(ref, allMonths);
  const sanctions = generateSanctions(ref, allMonths);
  const operations = generateOperations(ref, allMonths);
  const registry = generateRegistry(ref, allMonths);
  const portName = spellingPicker(ref.portSpellings, 'port');
  const officeName = spellingPicker(ref.officeSpellings, 'office');
  const sexLabel = (s: string) => label('sex', s);

  for (const snap of SNAPSHOTS) {
    const dir = join(root, 'data', 'snapshots', snap.date);
    mkdirSync(dir, { recursive: true });
    const within = (m: string) => m <= snap.to;
    const count = (table: string, key: string, month: string, value: number) => preliminaryCount(table, key, month, value, lagOf(month, snap.to));

    // arrivals.xlsx
    const arrivalRows: (string | number | null)[][] = [];
    for (const c of arrivals) {
      if (!within(c.month)) continue;
      const n = count('arrivals', `${c.month}|${c.port}|${c.nationality}|${c.visa}|${c.sex}`, c.month, c.count);
      if (n > 0) arrivalRows.push([monthLabelId(c.month), portName(c.port), ref.countryNameId(c.nationality), label('visaCategory', c.visa), sexLabel(c.sex), n]);
    }
    writeXlsx(join(dir, 'arrivals.xlsx'), 'Kedatangan WNA', [
      [`Data Kedatangan WNA per TPI, ${monthLabelId(COVERAGE_FROM)} s.d. ${monthLabelId(snap.to)}`],
      [],
      ['Bulan', 'TPI', 'Kewarganegaraan', 'Jenis Visa/Izin', 'Jenis Kelamin', 'Jumlah'],
      ...arrivalRows,
      [],
      ['Sumber: Ditjen Imigrasi (DATA SINTETIS untuk demonstrasi)'],
    ]);

    // sanctions.csv
    const sanctionRows: string[][] = [];
    for (const c of sanctions) {
      if (!within(c.month)) continue;
      const n = count('sanctions', `${c.month}|${c.office}|${c.nationality}|${c.action}|${c.violation}`, c.month, c.count);
      if (n > 0) sanctionRows.push([c.month, officeName(c.office), ref.countryNameId(c.nationality), label('sanctionAction', c.action), label('violation', c.violation), formatCountId(n)]);
    }
    writeCsv(join(dir, 'sanctions.csv'), ['Bulan', 'Kantor Imigrasi', 'Kewarganegaraan', 'Jenis Tindakan', 'Jenis Pelanggaran', 'Jumlah'], sanctionRows);

    // operations.csv
    const operationRows: string[][] = [];
    for (const o of operations) {
      const month = o.date.slice(0, 7);
      if (!within(month)) continue;
      const key = `${o.date}|${o.level}|${o.region}|${o.office}|${o.activity}`;
      if (!reportedYet('operations', key, month, lagOf(month, snap.to))) continue;
      const [y, mo, d] = o.date.split('-');
      operationRows.push([`${d}/${mo}/${y}`, label('operationLevel', o.level), o.region, officeName(o.office), label('operationActivity', o.activity), o.agencies.join(', '), formatCountId(o.checked), formatCountId(o.findings), formatCountId(o.followUps)]);
    }
    writeCsv(join(dir, 'operations.csv'), ['Tanggal', 'Tingkat', 'Kode Wilayah', 'Kantor Imigrasi', 'Kegiatan', 'Instansi', 'WNA Diperiksa', 'Temuan', 'Tindak Lanjut'], operationRows);

    // registry.csv
    const registryRows: string[][] = [];
    for (const r of registry) {
      if (!within(r.month)) continue;
      const n = count('registry', `${r.month}|${r.region}|${r.agency}|${r.metric}`, r.month, r.count);
      if (n > 0) registryRows.push([r.month, r.region, label('sourceAgency', r.agency), label('registryMetric', r.metric), formatCountId(n)]);
    }
    writeCsv(join(dir, 'registry.csv'), ['Bulan', 'Kode Wilayah', 'Instansi', 'Indikator', 'Jumlah'], registryRows);

    const sidecar: SnapshotSidecar = {
      snapshotDate: snap.date,
      coverage: { from: COVERAGE_FROM, to: snap.to },
      synthetic: true,
      producer: `Generator data sintetis Pantau WNA (seed ${SEED})`,
      // The revision model (revisions.ts) revises the newest REVISED_LAGS months of each snapshot.
      provisionalMonths: REVISED_LAGS,
      note: 'DATA SINTETIS untuk demonstrasi: dihasilkan oleh scripts/sample/generate-sample-snapshots.ts, dikalibrasi ke angka publik (lihat docs/sample-data.md). Bukan data resmi.',
    };
    writeFileSync(join(dir, SNAPSHOT_SIDECAR), `${JSON.stringify(sidecar, null, 2)}\n`);
    console.log(`${snap.date}: arrivals ${arrivalRows.length} rows, sanctions ${sanctionRows.length}, operations ${operationRows.length}, registry ${registryRows.length}`);
  }
}

await main();
