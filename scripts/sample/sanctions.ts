/**
 * Administrative actions (TAK) and detention per month × office × nationality × action × violation.
 * Built from person tokens: each calibrated block (e.g. "deportations in 2023") is a list of
 * persons whose month, office and nationality come from exactly apportioned margins; persons are
 * then paired across margins at random (weighted by affinity), which never changes a margin. So
 * every published total, and every "all others below" condition (enforced with caps), holds exactly.
 */
import { TAK_ACTIONS } from '../../src/schema/tables.ts';
import { apportion, apportionCapped, tokens } from './apportion.ts';
import { monthNumber, yearOf } from './calendar.ts';
import { CHOICES, SANCTION_TARGETS, SEED } from './calibration.ts';
import { createRng, type Rng } from './prng.ts';
import type { SampleReference } from './reference-data.ts';

export interface SanctionCell { month: string; office: string; nationality: string; action: string; violation: string; count: number }
interface Person { month: string; office: string; nationality: string; action: string; violation?: string }

/** Relative caseload of offices (default DEFAULT_OFFICE). */
const OFFICE_WEIGHTS: Record<string, number> = {
  'KANIM-BOGOR': 10, 'KANIM-SOEKARNO-HATTA': 9, 'KANIM-BATAM': 9, 'KANIM-DEPOK': 8, 'KANIM-BEKASI': 8, 'KANIM-JAKARTA-UTARA': 7,
  'KANIM-JAKARTA-SELATAN': 6, 'KANIM-JAKARTA-BARAT': 6, 'KANIM-JAKARTA-PUSAT': 5, 'KANIM-JAKARTA-TIMUR': 4, 'KANIM-TANGERANG': 6,
  'KANIM-NGURAH-RAI': 7, 'KANIM-DENPASAR': 6, 'KANIM-SINGARAJA': 2, 'KANIM-SURABAYA': 4, 'KANIM-TANJUNG-PERAK': 2, 'KANIM-MEDAN': 4,
  'KANIM-MATARAM': 2, 'KANIM-MANADO': 2, 'KANIM-KENDARI': 2, 'KANIM-PALU': 2, 'KANIM-TANJUNG-PRIOK': 3, 'KANIM-KARAWANG': 3,
  'KANIM-TANJUNG-PINANG': 2, 'KANIM-TANJUNG-BALAI-KARIMUN': 2, 'KANIM-TANJUNG-UBAN': 2, 'KANIM-PONTIANAK': 2, 'KANIM-ENTIKONG': 2,
  'KANIM-NUNUKAN': 2, 'KANIM-ATAMBUA': 2, 'KANIM-JAYAPURA': 2, 'KANIM-SERANG': 2, 'KANIM-CILEGON': 1.5, 'KANIM-MAKASSAR': 2,
  'KANIM-YOGYAKARTA': 2, 'KANIM-SEMARANG': 2, 'KANIM-BANDUNG': 2, 'KANIM-SUKABUMI': 1.5, 'KANIM-BALIKPAPAN': 1.5, 'KANIM-TERNATE': 1.5,
};
const DEFAULT_OFFICE = 0.3;

/** Nationality mix of actions outside the calibrated nationality margins. */
const NATIONALITY_WEIGHTS: Record<string, number> = {
  CHN: 25, NGA: 14, MYS: 12, VNM: 6, IND: 5, PHL: 3, BGD: 3, PAK: 2.5, KOR: 2, USA: 2, AUS: 2, GBR: 2, RUS: 2, TWN: 1.5, THA: 1.5,
  SGP: 1.5, TLS: 1.5, PNG: 1, JPN: 1, MMR: 1, YEM: 1, CMR: 1, GHA: 1, LKA: 0.8, TUR: 0.8, UKR: 0.8, IRN: 0.6, DEU: 0.6, FRA: 0.6,
  NLD: 0.5, EGY: 0.5, SAU: 0.5, AFG: 0.5, SOM: 0.4, KEN: 0.4, SEN: 0.3, CIV: 0.3, UZB: 0.3, KAZ: 0.3, ITA: 0.3, CAN: 0.3, BRA: 0.2,
  SDN: 0.3, IRQ: 0.3, KHM: 0.3, LAO: 0.2, NPL: 0.3, ESP: 0.2, POL: 0.2, ISR: 0.1,
};

const BALI = ['KANIM-NGURAH-RAI', 'KANIM-DENPASAR', 'KANIM-SINGARAJA'];
const JABODETABEK = ['KANIM-BOGOR', 'KANIM-DEPOK', 'KANIM-BEKASI', 'KANIM-JAKARTA-UTARA', 'KANIM-JAKARTA-SELATAN', 'KANIM-JAKARTA-BARAT', 'KANIM-JAKARTA-PUSAT', 'KANIM-JAKARTA-TIMUR', 'KANIM-TANGERANG', 'KANIM-SOEKARNO-HATTA', 'KANIM-KARAWANG'];
/** How much more likely a nationality is at an office than the office's caseload alone suggests. */
function affinity(office: string, iso3: string): number {
  if (iso3 === 'NGA' || iso3 === 'CMR' || iso3 === 'GHA' || iso3 === 'SEN' || iso3 === 'CIV') return JABODETABEK.includes(office) ? 5 : office === 'KANIM-BATAM' ? 1.5 : 0.3;
  if (iso3 === 'TLS') return ['KANIM-ATAMBUA', 'KANIM-KUPANG'].includes(office) ? 40 : 0.2;
  if (iso3 === 'PNG') return ['KANIM-JAYAPURA', 'KANIM-MERAUKE'].includes(office) ? 40 : 0.2;
  if (iso3 === 'MYS') return ['KANIM-BATAM', 'KANIM-TANJUNG-BALAI-KARIMUN', 'KANIM-DUMAI', 'KANIM-ENTIKONG', 'KANIM-NUNUKAN', 'KANIM-TANJUNG-PINANG', 'KANIM-MEDAN', 'KANIM-BENGKALIS', 'KANIM-SAMBAS'].includes(office) ? 4 : 1;
  if (iso3 === 'VNM') return ['KANIM-BATAM', 'KANIM-PONTIANAK', 'KANIM-RANAI', 'KANIM-TANJUNG-PINANG', 'KANIM-TAREMPA'].includes(office) ? 6 : 0.7;
  if (iso3 === 'CHN') return ['KANIM-BATAM', 'KANIM-BOGOR', 'KANIM-KENDARI', 'KANIM-PALU', 'KANIM-TERNATE', 'KANIM-MANADO', 'KANIM-CILEGON', 'KANIM-KARAWANG'].includes(office) ? 2.5 : 1;
  if (['AUS', 'GBR', 'RUS', 'USA', 'UKR', 'DEU', 'FRA', 'NLD', 'ITA', 'CAN', 'ESP', 'POL', 'BRA', 'ISR', 'KAZ'].includes(iso3)) return BALI.includes(office) ? 8 : office === 'KANIM-MATARAM' ? 3 : 0.6;
  if (['YEM', 'SAU', 'EGY', 'IRQ', 'SDN', 'SOM', 'AFG', 'IRN'].includes(iso3)) return ['KANIM-BOGOR', 'KANIM-SUKABUMI', 'KANIM-JAKARTA-PUSAT'].includes(office) ? 6 : 0.5;
  return 1;
}

const VIOLATIONS: Record<string, Record<string, number>> = {
  deportasi: { overstay: 35, permit_misuse: 30, illegal_work: 20, criminal: 10, other: 5 },
  penangkalan: { overstay: 30, permit_misuse: 30, illegal_work: 20, criminal: 15, other: 5 },
  pencegahan: { criminal: 70, other: 30 },
  biaya_beban: { overstay: 90, other: 10 },
  detensi: { overstay: 40, permit_misuse: 25, illegal_work: 20, criminal: 10, other: 5 },
};
const DEFAULT_VIOLATIONS = { permit_misuse: 45, illegal_work: 25, overstay: 15, other: 15 };
/** Action mix of TAK other than deportation. */
const OTHER_TAK = { penangkalan: 40, pembatalan_izin_tinggal: 18, biaya_beban: 12, pembatasan_izin_tinggal: 8, perubahan_izin_tinggal: 8, larangan_berada: 5, keharusan_bertempat_tinggal: 5, pencegahan: 4 };

function pickViolation(rng: Rng, action: string, iso3: string): string {
  const mix = { ...(VIOLATIONS[action] ?? DEFAULT_VIOLATIONS) } as Record<string, number>;
  if (iso3 === 'CHN' && mix.illegal_work) mix.illegal_work *= 2;
  if (iso3 === 'NGA' && mix.criminal) mix.criminal *= 2.5;
  const keys = Object.keys(mix);
  return keys[rng.weightedIndex(keys.map((k) => mix[k]!))]!;
}

interface Margin { fixed?: Record<string, number>; capBelow?: number; weights: Map<string, number> }

/** Splits n over a margin: fixed values first, the rest by weights, every other part below capBelow. */
function marginTokens(n: number, m: Margin): string[] {
  const fixed = Object.entries(m.fixed ?? {});
  const rest = n - fixed.reduce((s, [, v]) => s + v, 0);
  if (rest < 0) throw new Error('margin: fixed parts exceed the total');
  const keys = [...m.weights.keys()].filter((k) => !(k in (m.fixed ?? {})));
  const parts = apportionCapped(rest, keys.map((k) => m.weights.get(k)!), keys.map(() => (m.capBelow ?? Infinity) - 1));
  return [...tokens(fixed), ...tokens(keys.map((k, i) => [k, parts[i]!] as const))];
}

/**
 * Pairs month, office, nationality and action tokens into persons. Months are taken in order; the
 * persons of one month are sorted by nationality, and a person usually joins the previous
 * person's office (90%) when the nationality is the same (cases come in groups: one raid, one
 * worksite). Offices are otherwise drawn by remaining tokens × affinity. Only tokens are paired,
 * so every margin stays exact.
 */
function pair(rng: Rng, months: string[], offices: string[], nationalities: string[], actions: string[]): Person[] {
  const n = months.length;
  if (offices.length !== n || nationalities.length !== n || actions.length !== n) throw new Error('pair: margins differ in size');
  const remaining = new Map<string, number>();
  for (const o of offices) remaining.set(o, (remaining.get(o) ?? 0) + 1);
  const officeKeys = [...remaining.keys()].sort();
  const nats = rng.shuffle([...nationalities]);
  const ms = [...months].sort();
  const acts = rng.shuffle([...actions]);
  const out: Person[] = [];
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && ms[end] === ms[start]) end++;
    const slice = nats.slice(start, end).sort();
    // The month's actions form a pool; a person in the same group as the previous one usually
    // takes the same action (drawn from the pool, so the month's action counts do not change).
    const pool = acts.slice(start, end);
    let prev: { nat: string; office: string; action: string } | null = null;
    for (const nat of slice) {
      let office: string;
      const sameGroup: boolean = prev !== null && prev.nat === nat && remaining.get(prev.office)! > 0 && rng.chance(0.9);
      if (sameGroup) office = prev!.office;
      else office = officeKeys[rng.weightedIndex(officeKeys.map((o) => remaining.get(o)! * affinity(o, nat)))]!;
      remaining.set(office, remaining.get(office)! - 1);
      let at: number = sameGroup && rng.chance(0.8) ? pool.indexOf(prev!.action) : -1;
      if (at < 0) at = rng.int(0, pool.length - 1);
      const action: string = pool.splice(at, 1)[0]!;
      out.push({ month: ms[start]!, office, nationality: nat, action });
      prev = { nat, office, action };
    }
    start = end;
  }
  return out;
}

export function generateSanctions(ref: SampleReference, months: string[]): SanctionCell[] {
  const rng = createRng(SEED, 'sanctions');
  const kanim = ref.kanim.map((o) => o.code).sort();
  for (const code of [...Object.keys(SANCTION_TARGETS.takByOffice_h1_2024.value), ...Object.keys(SANCTION_TARGETS.deportationsByOffice_2023.value)]) {
    if (!ref.officeByCode.has(code)) throw new Error(`offices.csv lacks ${code}, which the calibration needs`);
  }
  const officeWeights = (boost: (o: string) => number = () => 1) => new Map(kanim.map((o) => [o, (OFFICE_WEIGHTS[o] ?? DEFAULT_OFFICE) * boost(o)]));
  const natWeights = new Map(Object.entries(NATIONALITY_WEIGHTS).filter(([, w]) => w >= 0.5));
  const natMargin: Margin = { weights: natWeights };
  const persons: Person[] = [];
  const span = (y: number, from: number, to: number) => months.filter((m) => yearOf(m) === y && monthNumber(m) >= from && monthNumber(m) <= to);
  const ramp = (ms: string[], start: number, step: number) => ms.map((_, i) => start + step * i);
  const monthTokens = (ms: string[], total: number, w: number[]) => tokens(ms.map((m, i) => [m, apportion(total, w)[i]!] as const));
  const otherTakActions = (n: number) => {
    const keys = Object.keys(OTHER_TAK) as (keyof typeof OTHER_TAK)[];
    return tokens(keys.map((k, i) => [k, apportion(n, keys.map((x) => OTHER_TAK[x]))[i]!] as const));
  };

  // Block A: deportations in calendar 2023 (H1 = 639; office and nationality margins fixed).
  const d23 = CHOICES.deportations_2023;
  const h1d23 = SANCTION_TARGETS.deportations_h1_2023.value;
  const jan23 = span(2023, 1, 6);
  const jul23 = span(2023, 7, 12);
  const monthsA = [...monthTokens(jan23, h1d23, ramp(jan23, 1, 0.08)), ...monthTokens(jul23, d23 - h1d23, ramp(jul23, 1, 0.05))];
  const officesA = marginTokens(d23, { fixed: SANCTION_TARGETS.deportationsByOffice_2023.value, capBelow: 160, weights: officeWeights() });
  const natsA = marginTokens(d23, { fixed: SANCTION_TARGETS.deportationsByNationality_2023.value, capBelow: 93, weights: natWeights });
  persons.push(...pair(rng, monthsA, officesA, natsA, monthsA.map(() => 'deportasi')));

  // Block B: other TAK in 2023 (H1 = 1,165 − 639 = 526; H2 a choice).
  for (const [ms, n] of [[jan23, SANCTION_TARGETS.tak_h1_2023.value - h1d23], [jul23, CHOICES.otherTak_h2_2023]] as const) {
    const mt = monthTokens(ms, n, ramp(ms, 1, 0.05));
    persons.push(...pair(rng, mt, marginTokens(n, { weights: officeWeights() }), marginTokens(n, natMargin), rng.shuffle(otherTakActions(n))));
  }

  // Block C: TAK in H1 2024 (2,041: Jan–May 1,761, June 280; deportations 1,503; top offices fixed, others below 118).
  const tak24 = SANCTION_TARGETS.tak_h1_2024.value;
  const janMay = span(2024, 1, 5);
  const monthsC = [...monthTokens(janMay, SANCTION_TARGETS.tak_jan_may_2024.value, ramp(janMay, 1, 0.04)), ...monthTokens(span(2024, 6, 6), tak24 - SANCTION_TARGETS.tak_jan_may_2024.value, [1])];
  const officesC = marginTokens(tak24, { fixed: SANCTION_TARGETS.takByOffice_h1_2024.value, capBelow: 118, weights: officeWeights() });
  const dep24 = SANCTION_TARGETS.deportations_h1_2024.value;
  const actionsC = [...monthsC.slice(0, dep24).map(() => 'deportasi'), ...otherTakActions(tak24 - dep24)];
  persons.push(...pair(rng, monthsC, officesC, marginTokens(tak24, natMargin), actionsC));

  // Block D: every later month, free: TAK around the H1 2024 level growing ~4% a year; ~72% deportations.
  for (const m of months.filter((x) => x >= '2024-07')) {
    const t = (yearOf(m) - 2024) * 12 + monthNumber(m) - 6;
    const n = rng.poisson(345 * (1 + 0.0035 * t));
    const dep = Math.round(n * (0.7 + 0.04 * rng.next()));
    // Banten 2025: Tangerang dominates the province (ANTARA Banten: 796 of 899 in 2025).
    const boost = (o: string) => (yearOf(m) === 2025 && o === 'KANIM-TANGERANG' ? 7 : 1);
    const acts = [...Array.from({ length: dep }, () => 'deportasi'), ...otherTakActions(n - dep)];
    persons.push(...pair(rng, acts.map(() => m), marginTokens(n, { weights: officeWeights(boost), capBelow: 118 }), marginTokens(n, natMargin), acts));
  }

  // Detention (not a TAK form): reported monthly by offices with detention caseloads.
  const detOffices = officeWeights((o) => (['KANIM-NGURAH-RAI', 'KANIM-SOEKARNO-HATTA', 'KANIM-BATAM', 'KANIM-DENPASAR', 'KANIM-JAKARTA-UTARA', 'KANIM-TANJUNG-PINANG', 'KANIM-MEDAN', 'KANIM-SURABAYA', 'KANIM-MANADO', 'KANIM-PONTIANAK', 'KANIM-KUPANG', 'KANIM-JAYAPURA', 'KANIM-MAKASSAR', 'KANIM-BALIKPAPAN', 'KANIM-PEKANBARU', 'KANIM-SEMARANG'].includes(o) ? 4 : 0.005));
  months.forEach((m, i) => {
    const n = rng.poisson(30 + 0.6 * i);
    persons.push(...pair(rng, Array.from({ length: n }, () => m), marginTokens(n, { weights: detOffices }), marginTokens(n, natMargin), Array.from({ length: n }, () => 'detensi')));
  });

  const cells = new Map<string, SanctionCell>();
  // Cases of one office, nationality and action in a month usually share a violation (one raid,
  // one worksite): the first case's violation is reused 90% of the time.
  const dominant = new Map<string, string>();
  for (const p of persons) {
    const group = `${p.month}|${p.office}|${p.nationality}|${p.action}`;
    const first = dominant.get(group);
    const violation = first !== undefined && rng.chance(0.9) ? first : pickViolation(rng, p.action, p.nationality);
    if (first === undefined) dominant.set(group, violation);
    const key = `${p.month}|${p.office}|${p.nationality}|${p.action}|${violation}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { month: p.month, office: p.office, nationality: p.nationality, action: p.action, violation, count: 1 });
  }
  if (!TAK_ACTIONS.includes('deportasi')) throw new Error('schema: deportasi is expected to be a TAK action');
  return [...cells.values()].sort((a, b) => (a.month + a.office + a.nationality + a.action + a.violation < b.month + b.office + b.nationality + b.action + b.violation ? -1 : 1));
}
