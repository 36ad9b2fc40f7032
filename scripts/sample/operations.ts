/**
 * TIMPORA activities: one row per activity (meeting, joint operation, outreach, data exchange) with
 * its level, a real Kemendagri area code of that level inside the organising office's area, the
 * agencies taking part and, for operations, foreigners checked ≥ findings ≥ follow-ups.
 * Province-level activities are organised by the regional office (Kanwil), as TIMPORA
 * provinsi is in practice; every other level by an immigration office (Kanim).
 */
import { daysInMonth, monthNumber, yearOf } from './calendar.ts';
import { SEED } from './calibration.ts';
import { createRng, type Rng } from './prng.ts';
import type { SampleReference } from './reference-data.ts';

export interface OperationRow {
  date: string; // YYYY-MM-DD
  level: string;
  region: string;
  office: string;
  activity: string;
  agencies: string[];
  checked: number;
  findings: number;
  followUps: number;
}

const ACTIVITY_MIX = { rakor: 34, operasi_gabungan: 32, sosialisasi: 24, pertukaran_data: 10 };
const LEVEL_MIX: Record<string, Record<string, number>> = {
  rakor: { provinsi: 22, kabupaten_kota: 55, kecamatan: 18, kelurahan_desa: 5 },
  operasi_gabungan: { kabupaten_kota: 55, kecamatan: 35, kelurahan_desa: 10 },
  sosialisasi: { kabupaten_kota: 25, kecamatan: 40, kelurahan_desa: 35 },
  pertukaran_data: { provinsi: 30, kabupaten_kota: 70 },
};
/** Activity load of an office relative to others (foreigner-heavy areas meet and operate more). */
const BUSY: Record<string, number> = {
  'KANIM-BATAM': 3, 'KANIM-NGURAH-RAI': 2.5, 'KANIM-DENPASAR': 2.5, 'KANIM-BOGOR': 2.5, 'KANIM-DEPOK': 2, 'KANIM-BEKASI': 2,
  'KANIM-TANGERANG': 2.5, 'KANIM-JAKARTA-SELATAN': 2, 'KANIM-JAKARTA-UTARA': 2, 'KANIM-JAKARTA-BARAT': 2, 'KANIM-JAKARTA-PUSAT': 1.5,
  'KANIM-SURABAYA': 2, 'KANIM-MEDAN': 2, 'KANIM-MATARAM': 1.5, 'KANIM-KENDARI': 1.5, 'KANIM-PALU': 1.5, 'KANIM-CILEGON': 1.5,
  'KANIM-SERANG': 1.5, 'KANIM-KARAWANG': 1.5, 'KANIM-SINGARAJA': 1.5, 'KANIM-SOEKARNO-HATTA': 0.6,
};
const CORE = ['Polri', 'TNI', 'BIN', 'Kejaksaan', 'Kesbangpol', 'Disdukcapil', 'Kemenag', 'Disnaker', 'Satpol PP', 'Dinas Pariwisata', 'DPMPTSP'];
const LOCAL: Record<string, string[]> = { kecamatan: ['Camat', 'Polsek', 'Koramil'], kelurahan_desa: ['Kepala Desa', 'Babinsa', 'Bhabinkamtibmas'] };

const pickKey = (rng: Rng, mix: Record<string, number>) => {
  const keys = Object.keys(mix);
  return keys[rng.weightedIndex(keys.map((k) => mix[k]!))]!;
};

function agencies(rng: Rng, activity: string, level: string): string[] {
  const [lo, hi] = ({ rakor: [3, 6], operasi_gabungan: [3, 4], sosialisasi: [2, 3], pertukaran_data: [2, 3] } as Record<string, [number, number]>)[activity]!;
  const pool = rng.shuffle([...CORE.slice(0, 9), ...(LOCAL[level] ?? [])]);
  const chosen = new Set(pool.slice(0, rng.int(lo, hi) - 1));
  if (activity === 'operasi_gabungan') chosen.add('Polri');
  if (activity === 'pertukaran_data') { chosen.clear(); chosen.add('Disdukcapil'); if (rng.chance(0.5)) chosen.add('Disnaker'); }
  const order = [...CORE, ...LOCAL.kecamatan!, ...LOCAL.kelurahan_desa!];
  return ['Imigrasi', ...[...chosen].sort((a, b) => order.indexOf(a) - order.indexOf(b))];
}

/** Regencies each Kanim covers: its own, plus the office-less regencies of its province shared round-robin. */
function officeAreas(ref: SampleReference): Map<string, string[]> {
  const areas = new Map<string, string[]>(ref.kanim.map((o) => [o.code, [o.location_regency_code]]));
  const byProvince = new Map<string, string[]>();
  for (const o of [...ref.kanim].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const p = o.location_regency_code.slice(0, 2);
    if (!byProvince.has(p)) byProvince.set(p, []);
    byProvince.get(p)!.push(o.code);
  }
  const taken = new Set(ref.kanim.map((o) => o.location_regency_code));
  const free = [...ref.regencies.values()].filter((r) => !taken.has(r.code)).sort((a, b) => (a.code < b.code ? -1 : 1));
  const turn = new Map<string, number>();
  for (const r of free) {
    const offices = byProvince.get(r.parent);
    if (!offices) continue;
    const t = turn.get(r.parent) ?? 0;
    areas.get(offices[t % offices.length]!)!.push(r.code);
    turn.set(r.parent, t + 1);
  }
  for (const [code, list] of areas) areas.set(code, list.filter((c) => ref.regencies.has(c)));
  return areas;
}

/** Kanwil responsible for a province (its own, or one whose source notes it also covers the province). */
function kanwilFor(ref: SampleReference, province: string): string | undefined {
  const own = ref.kanwil.find((k) => k.province_code === province);
  if (own) return own.code;
  return ref.kanwil.find((k) => new RegExp(`also covers province\\(s\\)[^;]*\\b${province}\\b`).test(k.source))?.code;
}

export function generateOperations(ref: SampleReference, months: string[]): OperationRow[] {
  const rng = createRng(SEED, 'operations');
  const areas = officeAreas(ref);
  const offices = ref.kanim.map((o) => o.code).sort().filter((o) => (areas.get(o) ?? []).length > 0);
  const weights = offices.map((o) => BUSY[o] ?? 1);
  const rows: OperationRow[] = [];
  months.forEach((m, i) => {
    const seen = new Set<string>();
    // Activity picks up over the period and in the months after the annual budget lands (Mar–Nov).
    const mn = monthNumber(m);
    const n = rng.poisson(112 * (1 + 0.01 * i) * (mn === 1 || mn === 12 ? 0.75 : mn === 4 && yearOf(m) === 2024 ? 0.85 : 1));
    for (let k = 0; k < n; k++) {
      const office = offices[rng.weightedIndex(weights)]!;
      const activity = pickKey(rng, ACTIVITY_MIX);
      const level = pickKey(rng, LEVEL_MIX[activity]!);
      const regency = rng.pick(areas.get(office)!);
      let region = regency;
      let organiser = office;
      if (level === 'provinsi') {
        region = regency.slice(0, 2);
        organiser = kanwilFor(ref, region) ?? office;
      } else if (level !== 'kabupaten_kota') {
        const districts = ref.districtsByRegency.get(regency) ?? [];
        if (districts.length === 0) continue;
        const district = rng.pick(districts).code;
        region = district;
        if (level === 'kelurahan_desa') {
          const villages = ref.villagesByDistrict.get(district) ?? [];
          if (villages.length === 0) continue;
          region = rng.pick(villages).code;
        }
      }
      let day = rng.int(1, daysInMonth(m));
      const weekday = new Date(`${m}-${String(day).padStart(2, '0')}T00:00:00Z`).getUTCDay();
      if (weekday === 0) day = day > 1 ? day - 1 : day + 1; // no Sunday meetings
      const date = `${m}-${String(day).padStart(2, '0')}`;
      const key = `${date}|${level}|${region}|${organiser}|${activity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let checked = 0, findings = 0, followUps = 0;
      if (activity === 'operasi_gabungan') {
        checked = rng.int(5, 80);
        findings = Math.min(checked, rng.poisson(checked * 0.07));
        followUps = Math.min(findings, Math.round(findings * rng.range(0.3, 1)));
      } else if (activity === 'pertukaran_data') {
        checked = rng.int(10, 150);
        findings = Math.min(checked, rng.poisson(checked * 0.02));
        followUps = Math.min(findings, rng.poisson(findings * 0.4));
      }
      rows.push({ date, level, region, office: organiser, activity, agencies: agencies(rng, activity, level), checked, findings, followUps });
    }
  });
  return rows.sort((a, b) => (a.date + a.office + a.level + a.region + a.activity < b.date + b.office + b.level + b.region + b.activity ? -1 : 1));
}
