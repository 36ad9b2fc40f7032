/**
 * Re-reads the raw exports of every sample snapshot (its own simple parsers for the formats the
 * generator writes; the XLSX through read-excel-file, as the pipeline reads it), prints the
 * calibration figures and asserts them. Also checks the export conventions, the operations
 * invariants and that months before FIRST_REVISABLE_MONTH are identical across snapshots.
 * Exit code 1 on any mismatch. Usage: tsx scripts/sample/check-calibration.ts [--root <repo>]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import readXlsxFile from 'read-excel-file/node';
import { parseSnapshotSidecar, SNAPSHOT_SIDECAR } from '../../src/schema/snapshot.ts';
import { ENUMS, TAK_ACTIONS } from '../../src/schema/tables.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import { MONTHS_ID } from './calendar.ts';
import { ARRIVAL_TARGETS, FIRST_REVISABLE_MONTH, SANCTION_TARGETS, SNAPSHOTS } from './calibration.ts';
import { loadSampleReference } from './reference-data.ts';

const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1]! : process.cwd());
const ref = loadSampleReference(root);
let failures = 0;
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};
const eq = (actual: number, expected: number, what: string) => check(actual === expected, `${what}: ${actual.toLocaleString('en')}${actual === expected ? '' : ` (expected ${expected.toLocaleString('en')})`}`);

function lookup(spellings: Map<string, string[]>, extra: (code: string) => string[] = () => []): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, names] of spellings) for (const s of [code, ...names, ...extra(code)]) map.set(normaliseSpelling(s), code);
  return map;
}
const portOf = lookup(ref.portSpellings);
const officeOf = lookup(ref.officeSpellings);
const countryOf = new Map<string, string>();
const enumOf = (name: keyof typeof ENUMS) => new Map((ENUMS[name] as readonly { code: string; id: string }[]).map((v) => [v.id, v.code]));
const resolveName = (map: Map<string, string>, s: string, kind: string) => {
  const code = map.get(normaliseSpelling(s));
  if (!code) throw new Error(`cannot resolve ${kind} "${s}"`);
  return code;
};
const countryCode = (name: string) => {
  let code = countryOf.get(name);
  if (!code) {
    // Reverse of SampleReference.countryNameId over every ISO code seen in the references.
    for (const iso3 of ALL_ISO3) if (ref.countryNameId(iso3) === name) code = iso3;
    if (!code) throw new Error(`cannot resolve country "${name}"`);
    countryOf.set(name, code);
  }
  return code;
};
const ALL_ISO3 = Object.keys(countries.getAlpha3Codes());

function readCsv(path: string, header: string): string[][] {
  const text = readFileSync(path, 'utf8');
  check(text.startsWith('\uFEFF'), `${path.split('/').slice(-2).join('/')}: UTF-8 BOM`);
  const body = text.slice(1);
  check(!/[^\r]\n/.test(body) && body.endsWith('\r\n'), 'CRLF line ends');
  const lines = body.split('\r\n').filter((l) => l !== '');
  check(lines[0] === header, `header "${header}"`);
  return lines.slice(1).map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ';') { cells.push(cell); cell = ''; } else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
}
const num = (s: string) => {
  if (!/^\d{1,3}(\.\d{3})*$|^\d{1,3}$/.test(s) && !/^\d+$/.test(s)) throw new Error(`bad count "${s}"`);
  if (/^\d{4,}$/.test(s)) throw new Error(`count ≥ 1000 without thousands separator: "${s}"`);
  return Number(s.replaceAll('.', ''));
};
const monthFromLabel = (s: string) => {
  const [name, year] = s.split(' ');
  return `${year}-${String(MONTHS_ID.indexOf(name as never) + 1).padStart(2, '0')}`;
};
const sumBy = <T>(rows: T[], key: (r: T) => string | null, value: (r: T) => number) => {
  const m = new Map<string, number>();
  for (const r of rows) { const k = key(r); if (k !== null) m.set(k, (m.get(k) ?? 0) + value(r)); }
  return m;
};
const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
const inH1 = (month: string, year: number) => month >= `${year}-01` && month <= `${year}-06`;

interface Arr { month: string; port: string; nat: string; visa: string; sex: string; n: number }
interface San { month: string; office: string; nat: string; action: string; violation: string; n: number }
const byMonth = new Map<string, Map<string, string[]>>();

for (const snap of SNAPSHOTS) {
  const dir = join(root, 'data', 'snapshots', snap.date);
  console.log(`\n== ${snap.date} (coverage 2023-01 … ${snap.to})`);
  const { sidecar, problems } = parseSnapshotSidecar(readFileSync(join(dir, SNAPSHOT_SIDECAR), 'utf8'), snap.date);
  check(sidecar?.synthetic === true && sidecar.coverage.from === '2023-01' && sidecar.coverage.to === snap.to && sidecar.snapshotDate === snap.date, `snapshot.json${problems.map((p) => `; ${p.field}: ${p.expected}`).join('')}`);

  // arrivals.xlsx
  const sheets = (await readXlsxFile(join(dir, 'arrivals.xlsx'))) as unknown as { sheet: string; data: unknown[][] }[];
  const sheet = sheets[0]!;
  check(sheet.sheet === 'Kedatangan WNA', 'arrivals.xlsx opens with read-excel-file; sheet "Kedatangan WNA"');
  const data = sheet.data;
  check(String(data[0]![0]).startsWith('Data Kedatangan WNA per TPI, Januari 2023 s.d. '), `title row: ${data[0]![0]}`);
  check(data[2]!.join('|') === 'Bulan|TPI|Kewarganegaraan|Jenis Visa/Izin|Jenis Kelamin|Jumlah', 'header on row 3');
  check(String(data[data.length - 1]![0]).startsWith('Sumber: Ditjen Imigrasi (DATA SINTETIS'), 'note row at the end');
  const visa = enumOf('visaCategory');
  const arr: Arr[] = data.slice(3, -2).map((r) => {
    if (typeof r[5] !== 'number') throw new Error(`Jumlah not numeric: ${JSON.stringify(r)}`);
    return { month: monthFromLabel(String(r[0])), port: resolveName(portOf, String(r[1]), 'port'), nat: countryCode(String(r[2])), visa: visa.get(String(r[3]))!, sex: String(r[4]), n: r[5] };
  });
  check(arr.every((a) => a.visa && (a.sex === 'Laki-laki' || a.sex === 'Perempuan') && a.month >= '2023-01' && a.month <= snap.to), 'arrivals values resolve; months inside coverage');
  const total = (f: (a: Arr) => boolean) => arr.filter(f).reduce((s, a) => s + a.n, 0);
  eq(total((a) => inH1(a.month, 2024)), ARRIVAL_TARGETS.h1_2024.value, 'arrivals Jan–Jun 2024');
  eq(total((a) => inH1(a.month, 2023)), ARRIVAL_TARGETS.h1_2023.value, 'arrivals Jan–Jun 2023');
  eq(total((a) => inH1(a.month, 2024) && (a.visa === 'voa' || a.visa === 'visit')), ARRIVAL_TARGETS.voaOrVisit_h1_2024.value, 'voa + visit Jan–Jun 2024');
  eq(total((a) => a.port === 'CGK' && a.month.startsWith('2023')), ARRIVAL_TARGETS.cgk_2023.value, 'Soekarno-Hatta 2023');
  eq(total((a) => a.port === 'CGK' && a.month.startsWith('2024')), ARRIVAL_TARGETS.cgk_2024.value, 'Soekarno-Hatta 2024');
  const mode = new Map(ref.ports.map((p) => [p.code, p.mode]));
  for (const [label, f] of [['Jan–Jun 2024', (a: Arr) => inH1(a.month, 2024)], ['2023', (a: Arr) => a.month.startsWith('2023')], ['2024', (a: Arr) => a.month.startsWith('2024')]] as const) {
    for (const [m, target] of [['air', ARRIVAL_TARGETS.airportRanking.value], ['sea', ARRIVAL_TARGETS.seaportRanking.value]] as const) {
      const top = ranked(sumBy(arr.filter((a) => f(a) && mode.get(a.port) === m), (a) => a.port, (a) => a.n)).slice(0, 3).map(([p]) => p);
      check(top.join('>') === target.join('>'), `busiest ${m}ports ${label}: ${top.join(' > ')}`);
    }
  }
  for (const [label, f] of [['2023', (a: Arr) => a.month.startsWith('2023')], ['2024', (a: Arr) => a.month.startsWith('2024')], ['2025 to date', (a: Arr) => a.month.startsWith('2025')]] as const) {
    const top = ranked(sumBy(arr.filter(f), (a) => a.nat, (a) => a.n)).slice(0, 5);
    check(top.slice(0, 4).map(([n]) => n).join('>') === ARRIVAL_TARGETS.topNationalities.value.join('>'), `top nationalities ${label}: ${top.map(([n, v]) => `${n} ${v.toLocaleString('en')}`).join(', ')}`);
  }
  const yearly = sumBy(arr, (a) => a.month.slice(0, 4), (a) => a.n);
  const h1_25 = total((a) => inH1(a.month, 2025));
  console.log(`  info arrivals by year: ${[...yearly].map(([y, v]) => `${y} ${v.toLocaleString('en')}`).join(', ')}; Jan–Jun 2025 ${h1_25.toLocaleString('en')} (${((h1_25 / ARRIVAL_TARGETS.h1_2024.value - 1) * 100).toFixed(1)}% on 2024)`);
  const monthly = sumBy(arr, (a) => a.month, (a) => a.n);
  check((monthly.get('2024-02') ?? 0) < (monthly.get('2024-01') ?? 0) && (monthly.get('2024-08') ?? 0) > (monthly.get('2024-06') ?? 0) && (monthly.get('2024-12') ?? 0) > (monthly.get('2024-11') ?? 0), 'seasonality: Feb dip, Jul–Aug and Dec peaks (2024)');

  // sanctions.csv
  const action = enumOf('sanctionAction');
  const violation = enumOf('violation');
  const san: San[] = readCsv(join(dir, 'sanctions.csv'), 'Bulan;Kantor Imigrasi;Kewarganegaraan;Jenis Tindakan;Jenis Pelanggaran;Jumlah').map((r) => ({
    month: r[0]!, office: resolveName(officeOf, r[1]!, 'office'), nat: countryCode(r[2]!), action: action.get(r[3]!)!, violation: violation.get(r[4]!)!, n: num(r[5]!),
  }));
  check(san.every((s) => s.action && s.violation && ref.officeByCode.get(s.office)?.kind === 'kanim'), 'sanctions: labels resolve; offices are Kanim');
  const tak = (s: San) => (TAK_ACTIONS as readonly string[]).includes(s.action);
  const sTotal = (f: (s: San) => boolean) => san.filter(f).reduce((x, s) => x + s.n, 0);
  eq(sTotal((s) => tak(s) && inH1(s.month, 2024)), SANCTION_TARGETS.tak_h1_2024.value, 'TAK Jan–Jun 2024');
  eq(sTotal((s) => tak(s) && inH1(s.month, 2023)), SANCTION_TARGETS.tak_h1_2023.value, 'TAK Jan–Jun 2023');
  eq(sTotal((s) => tak(s) && s.month >= '2024-01' && s.month <= '2024-05'), SANCTION_TARGETS.tak_jan_may_2024.value, 'TAK Jan–May 2024');
  eq(sTotal((s) => s.action === 'deportasi' && inH1(s.month, 2024)), SANCTION_TARGETS.deportations_h1_2024.value, 'deportations Jan–Jun 2024');
  eq(sTotal((s) => s.action === 'deportasi' && inH1(s.month, 2023)), SANCTION_TARGETS.deportations_h1_2023.value, 'deportations Jan–Jun 2023');
  const topCheck = (m: Map<string, number>, fixed: Record<string, number>, what: string) => {
    const floor = Math.min(...Object.values(fixed));
    for (const [k, v] of Object.entries(fixed)) eq(m.get(k) ?? 0, v, `${what} ${k}`);
    const others = ranked(m).filter(([k]) => !(k in fixed));
    check((others[0]?.[1] ?? 0) < floor, `${what}: every other below ${floor} (next: ${others[0]?.[0]} ${others[0]?.[1]})`);
  };
  topCheck(sumBy(san.filter((s) => tak(s) && inH1(s.month, 2024)), (s) => s.office, (s) => s.n), SANCTION_TARGETS.takByOffice_h1_2024.value, 'TAK Jan–Jun 2024 by office');
  const dep23 = san.filter((s) => s.action === 'deportasi' && s.month.startsWith('2023'));
  console.log(`  info deportations 2023: ${dep23.reduce((x, s) => x + s.n, 0)}; detention rows: ${san.filter((s) => s.action === 'detensi').length}; cells of 1–9: ${san.filter((s) => s.n < 10).length} of ${san.length}`);
  topCheck(sumBy(dep23, (s) => s.nat, (s) => s.n), SANCTION_TARGETS.deportationsByNationality_2023.value, 'deportations 2023 by nationality');
  topCheck(sumBy(dep23, (s) => s.office, (s) => s.n), SANCTION_TARGETS.deportationsByOffice_2023.value, 'deportations 2023 by office');
  check(san.some((s) => s.action === 'detensi' && s.office === 'KANIM-NGURAH-RAI'), 'detention rows (Ngurah Rai among them)');

  // operations.csv
  const ops = readCsv(join(dir, 'operations.csv'), 'Tanggal;Tingkat;Kode Wilayah;Kantor Imigrasi;Kegiatan;Instansi;WNA Diperiksa;Temuan;Tindak Lanjut');
  const levelLen: Record<string, number> = { Provinsi: 2, 'Kabupaten/Kota': 5, Kecamatan: 8, 'Kelurahan/Desa': 13 };
  const keys = new Set<string>();
  let bad = 0;
  for (const r of ops) {
    const office = ref.officeByCode.get(resolveName(officeOf, r[3]!, 'office'))!;
    const [c, f, t] = [num(r[6]!), num(r[7]!), num(r[8]!)];
    const province = office.kind === 'kanwil' ? office.province_code : office.location_regency_code.slice(0, 2);
    const inArea = r[2]!.slice(0, 2) === province || (office.kind === 'kanwil' && office.source.includes(r[2]!.slice(0, 2)));
    if (!/^\d\d\/\d\d\/\d{4}$/.test(r[0]!) || levelLen[r[1]!] !== r[2]!.length || !inArea || f > c || t > f || !r[5]!.startsWith('Imigrasi')) bad++;
    if (r[4] === 'Operasi gabungan' && (c < 5 || c > 80)) bad++;
    keys.add(r.slice(0, 5).join('|'));
  }
  check(bad === 0, `operations: dates, level/code lengths, area, findings ≤ checked, follow-ups ≤ findings (${bad} bad rows)`);
  check(keys.size === ops.length, 'operations: one row per (date, level, region, office, activity)');
  const opsPerMonth = sumBy(ops, (r) => r[0]!.slice(6) + '-' + r[0]!.slice(3, 5), () => 1);
  console.log(`  info operations per month: min ${Math.min(...opsPerMonth.values())}, max ${Math.max(...opsPerMonth.values())}, mean ${(ops.length / opsPerMonth.size).toFixed(0)}`);

  // registry.csv
  const reg = readCsv(join(dir, 'registry.csv'), 'Bulan;Kode Wilayah;Instansi;Indikator;Jumlah');
  check(reg.every((r) => ref.regencies.has(r[1]!) && enumOf('sourceAgency').has(r[2]!) && enumOf('registryMetric').has(r[3]!)), 'registry: regency codes and labels resolve');
  const pair = (metric: string, a: string, b: string) => {
    const m = sumBy(reg.filter((r) => r[3] === metric && r[0]!.startsWith('2024')), (r) => `${r[1]}|${r[2]}`, (r) => num(r[4]!));
    const regions = new Set([...m.keys()].map((k) => k.split('|')[0]!));
    const ratios = [...regions].map((g) => (m.get(`${g}|${b}`) ?? 0) / Math.max(1, m.get(`${g}|${a}`) ?? 0)).sort((x, y) => x - y);
    return `${regions.size} regions, ${b}/${a} median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}, range ${ratios[0]!.toFixed(2)}–${ratios[ratios.length - 1]!.toFixed(2)}`;
  };
  console.log(`  info 2024 mixed marriages: ${pair('Perkawinan campuran tercatat', 'Disdukcapil', 'Kemenag')}`);
  console.log(`  info 2024 foreign residents: ${pair('Orang asing berdomisili dilaporkan', 'Imigrasi', 'Disdukcapil')}`);

  // Rows per month, to compare across snapshots.
  const lines = new Map<string, string[]>();
  const add = (month: string, line: string) => { if (!lines.has(month)) lines.set(month, []); lines.get(month)!.push(line); };
  for (const a of arr) add(a.month, `A|${a.port}|${a.nat}|${a.visa}|${a.sex}|${a.n}`);
  for (const s of san) add(s.month, `S|${s.office}|${s.nat}|${s.action}|${s.violation}|${s.n}`);
  for (const r of ops) add(`${r[0]!.slice(6)}-${r[0]!.slice(3, 5)}`, `O|${r.join('|')}`);
  for (const r of reg) add(r[0]!, `R|${r.join('|')}`);
  byMonth.set(snap.date, lines);
}

console.log('\n== revisions across snapshots');
for (let i = 1; i < SNAPSHOTS.length; i++) {
  const before = byMonth.get(SNAPSHOTS[i - 1]!.date)!;
  const after = byMonth.get(SNAPSHOTS[i]!.date)!;
  const changed = [...before.keys()].filter((m) => before.get(m)!.sort().join('\n') !== (after.get(m) ?? []).sort().join('\n')).sort();
  check(changed.every((m) => m >= FIRST_REVISABLE_MONTH), `${SNAPSHOTS[i]!.date} revises ${changed.join(', ') || 'nothing'} of ${SNAPSHOTS[i - 1]!.date} (none before ${FIRST_REVISABLE_MONTH})`);
  check(changed.length >= 1 && changed.length <= 3, 'revises 1–3 recent months');
}

console.log(failures === 0 ? '\nAll calibration checks passed.' : `\n${failures} check(s) FAILED.`);
process.exit(failures === 0 ? 0 : 1);
