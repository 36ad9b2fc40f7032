/**
 * Foreign arrivals per month × checkpoint × nationality × visa/permit × sex, calibrated so that
 * the published totals come out exactly (ARRIVAL_TARGETS): national monthly totals are
 * apportioned from the half-year totals, Soekarno-Hatta from its yearly totals, the visa-on-
 * arrival + visit-visa total of H1 2024 over months and then checkpoints, and every cell by
 * largest remainder inside its block, so each sum is exact by construction.
 */
import { ENUMS } from '../../src/schema/tables.ts';
import { apportion, apportionCapped } from './apportion.ts';
import { monthNumber, yearOf } from './calendar.ts';
import { ARRIVAL_TARGETS, CHOICES, SEED } from './calibration.ts';
import { createRng } from './prng.ts';
import {
  DEFAULT_NATIONALITY_MIX, DEFAULT_PORT_WEIGHT, NATIONALITY_MIX, PORT_WEIGHTS, RAMADAN, SEASON, maleShare, visaMix,
} from './arrivals-profiles.ts';
import type { SampleReference } from './reference-data.ts';

export interface ArrivalCell { month: string; port: string; nationality: string; visa: string; sex: 'L' | 'P'; count: number }

const GROUP = new Set(['voa', 'visit']);
const VISA_ORDER: string[] = ENUMS.visaCategory.map((v) => v.code);
/** Ranked national shares the four leading nationalities are steered to (outside Soekarno-Hatta). */
const NATIONAL_SHARE_TARGETS: Record<string, number> = { CHN: 0.137, MYS: 0.126, SGP: 0.092, AUS: 0.08 };
/**
 * Sparsity (keeps the export near the size of a real one): a nationality is listed at a checkpoint
 * only if it averages NAT_MIN arrivals a month there, and a visa/permit other than its main one
 * only if that cell averages VISA_MIN. Soekarno-Hatta lists nationalities down to CGK_NAT_MIN a
 * month (rare nationalities give the small cells real exports have).
 */
const NAT_MIN = Number(process.env.SAMPLE_NAT_MIN ?? 2500);
const VISA_MIN = Number(process.env.SAMPLE_VISA_MIN ?? 3500);
const CGK_NAT_MIN = 60;
const CGK = 'CGK';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const h1 = (m: string, y: number) => yearOf(m) === y && monthNumber(m) <= 6;

function nationalTotals(months: string[], rng: ReturnType<typeof createRng>): Map<string, number> {
  const season = (m: string, i: number) => SEASON[monthNumber(m) - 1]! * (RAMADAN[m] ?? 1) * (1 + 0.012 * i);
  const t = new Map<string, number>();
  const m23 = months.filter((m) => yearOf(m) === 2023);
  const w23 = m23.map((m, i) => season(m, i));
  const h1of23 = apportion(ARRIVAL_TARGETS.h1_2023.value, w23.slice(0, 6));
  const scale = ARRIVAL_TARGETS.h1_2023.value / sum(w23.slice(0, 6));
  m23.forEach((m, i) => t.set(m, i < 6 ? h1of23[i]! : Math.round(scale * w23[i]! * (1 + 0.01 * rng.normal()))));
  const h1of24 = months.filter((m) => h1(m, 2024));
  const parts = apportion(ARRIVAL_TARGETS.h1_2024.value, h1of24.map((m, i) => season(m, i) * (1 + 0.008 * rng.normal())));
  h1of24.forEach((m, i) => t.set(m, parts[i]!));
  for (const m of months) {
    if (t.has(m)) continue;
    const prev = `${yearOf(m) - 1}${m.slice(4)}`;
    const growth = yearOf(m) === 2024 ? CHOICES.arrivalsGrowthH2_2024 : CHOICES.arrivalsGrowth2025;
    const ramadan = (RAMADAN[m] ?? 1) / (RAMADAN[prev] ?? 1);
    t.set(m, Math.round(t.get(prev)! * growth * ramadan * (1 + 0.012 * rng.normal())));
  }
  return t;
}

function cgkTotals(months: string[], national: Map<string, number>, rng: ReturnType<typeof createRng>): Map<string, number> {
  const flat = (m: string) => national.get(m)! * (1 - 0.35 * (SEASON[monthNumber(m) - 1]! - 1));
  const out = new Map<string, number>();
  for (const [year, target] of [[2023, ARRIVAL_TARGETS.cgk_2023.value], [2024, ARRIVAL_TARGETS.cgk_2024.value]] as const) {
    const ms = months.filter((m) => yearOf(m) === year);
    apportion(target, ms.map(flat)).forEach((v, i) => out.set(ms[i]!, v));
  }
  for (const m of months) if (!out.has(m)) out.set(m, Math.round(out.get(`${yearOf(m) - 1}${m.slice(4)}`)! * 1.06 * (1 + 0.01 * rng.normal())));
  return out;
}

/** Nationality multipliers (outside CGK) so the national ranking comes out China, Malaysia, Singapore, Australia. */
function nationalityMultipliers(ports: string[]): Map<string, number> {
  const k = new Map(Object.keys(NATIONAL_SHARE_TARGETS).map((n) => [n, 1]));
  const portShare = new Map<string, number>();
  const nonCgk = sum(ports.filter((p) => p !== CGK).map((p) => PORT_WEIGHTS[p] ?? DEFAULT_PORT_WEIGHT));
  for (const p of ports) portShare.set(p, p === CGK ? 0.24 : (0.76 * (PORT_WEIGHTS[p] ?? DEFAULT_PORT_WEIGHT)) / nonCgk);
  for (let iter = 0; iter < 60; iter++) {
    const share = new Map<string, number>();
    for (const p of ports) {
      const mix = NATIONALITY_MIX[p] ?? DEFAULT_NATIONALITY_MIX;
      const w = Object.entries(mix).map(([n, x]) => [n, x * (p === CGK ? 1 : (k.get(n) ?? 1))] as const);
      const total = sum(w.map(([, x]) => x));
      for (const [n, x] of w) share.set(n, (share.get(n) ?? 0) + (portShare.get(p)! * x) / total);
    }
    for (const [n, target] of Object.entries(NATIONAL_SHARE_TARGETS)) k.set(n, k.get(n)! * Math.pow(target / (share.get(n) ?? target), 0.7));
  }
  return k;
}

interface PortCell { nationality: string; visa: string; weight: number }

export function generateArrivals(ref: SampleReference, months: string[]): ArrivalCell[] {
  const rng = createRng(SEED, 'arrivals');
  const ports = ref.ports.map((p) => p.code).sort();
  for (const code of [CGK, ...ARRIVAL_TARGETS.airportRanking.value, ...ARRIVAL_TARGETS.seaportRanking.value]) {
    if (!ref.portByCode.has(code)) throw new Error(`ports.csv lacks ${code}, which the calibration needs`);
  }
  const national = nationalTotals(months, rng);
  const cgk = cgkTotals(months, national, rng);
  const k = nationalityMultipliers(ports);

  // Port totals per month.
  const portTotals = new Map<string, Map<string, number>>();
  const others = ports.filter((p) => p !== CGK);
  const persistent = new Map(others.map((p) => [p, Math.exp(0.05 * rng.normal())]));
  for (const m of months) {
    const mn = monthNumber(m);
    const weights = others.map((p) => {
      let w = (PORT_WEIGHTS[p] ?? DEFAULT_PORT_WEIGHT) * persistent.get(p)! * Math.exp(0.04 * rng.normal());
      if (p === 'DPS' && (mn === 7 || mn === 8)) w *= 1.08;
      if (p.startsWith('SEA-') && mn === 12) w *= 1.06;
      if (p.startsWith('LAND-MOTA') && mn === 12) w *= 1.2;
      return w;
    });
    const parts = apportion(national.get(m)! - cgk.get(m)!, weights);
    const row = new Map<string, number>([[CGK, cgk.get(m)!]]);
    others.forEach((p, i) => row.set(p, parts[i]!));
    portTotals.set(m, row);
  }

  // Cells listed at each checkpoint (stable over time so series stay continuous).
  const avgMonthly = (p: string) => sum(months.map((m) => portTotals.get(m)!.get(p)!)) / months.length;
  const portCells = new Map<string, PortCell[]>();
  for (const p of ports) {
    const mix = NATIONALITY_MIX[p] ?? DEFAULT_NATIONALITY_MIX;
    const natW = Object.entries(mix).map(([n, x]) => [n, x * (p === CGK ? 1 : (k.get(n) ?? 1)) * Math.exp(0.1 * rng.normal())] as const);
    const natTotal = sum(natW.map(([, x]) => x));
    const avg = avgMonthly(p);
    const cells: PortCell[] = [];
    const top = natW.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    for (const [n, x] of natW) {
      const visas = Object.entries(visaMix(n, p));
      const vTotal = sum(visas.map(([, v]) => v));
      const expected = (avg * x) / natTotal;
      const kept = visas.filter(([, v], i) => i === 0 || (expected * v) / vTotal >= VISA_MIN);
      if (n !== top && expected < (p === CGK ? CGK_NAT_MIN : NAT_MIN)) continue;
      for (const [visa, v] of kept) cells.push({ nationality: n, visa, weight: (x / natTotal) * (v / vTotal) });
    }
    cells.sort((a, b) => (a.nationality < b.nationality ? -1 : a.nationality > b.nationality ? 1 : VISA_ORDER.indexOf(a.visa) - VISA_ORDER.indexOf(b.visa)));
    portCells.set(p, cells);
  }

  // Monthly cell weights (nationality noise), then the H1 2024 visa-group constraint.
  const monthWeights = new Map<string, Map<string, number[]>>();
  for (const m of months) {
    const byPort = new Map<string, number[]>();
    for (const p of ports) {
      const natNoise = new Map<string, number>();
      byPort.set(p, portCells.get(p)!.map((c) => {
        if (!natNoise.has(c.nationality)) natNoise.set(c.nationality, Math.exp(0.07 * rng.normal()));
        return c.weight * natNoise.get(c.nationality)! * Math.exp(0.03 * rng.normal());
      }));
    }
    monthWeights.set(m, byPort);
  }
  const groupShare = (m: string, p: string) => {
    const w = monthWeights.get(m)!.get(p)!;
    const cells = portCells.get(p)!;
    return sum(w.filter((_, i) => GROUP.has(cells[i]!.visa))) / sum(w);
  };
  // The H1 2024 months get the published voa + visit total exactly; every other month gets its
  // natural share scaled by the same factor, so the series has no step at the calibrated half-year.
  const groupTotals = new Map<string, Map<string, number>>();
  const naturalGroup = new Map(months.map((m) => [m, sum(ports.map((p) => portTotals.get(m)!.get(p)! * groupShare(m, p)))]));
  const h1of24 = months.filter((m) => h1(m, 2024));
  const factor = ARRIVAL_TARGETS.voaOrVisit_h1_2024.value / sum(h1of24.map((m) => naturalGroup.get(m)!));
  if (process.env.SAMPLE_DEBUG) console.error('voa+visit scaling factor over natural mix:', factor);
  const monthGroup = new Map(months.map((m) => [m, Math.round(naturalGroup.get(m)! * factor)]));
  apportion(ARRIVAL_TARGETS.voaOrVisit_h1_2024.value, h1of24.map((m) => naturalGroup.get(m)!)).forEach((v, i) => monthGroup.set(h1of24[i]!, v));
  for (const m of months) {
    // A checkpoint's group part stays at or below its total (minus one arrival per other cell).
    const caps = ports.map((p) => {
      const cells = portCells.get(p)!;
      const nonGroup = cells.filter((c) => !GROUP.has(c.visa)).length;
      return cells.some((c) => GROUP.has(c.visa)) ? Math.max(0, portTotals.get(m)!.get(p)! - nonGroup) : 0;
    });
    const parts = apportionCapped(monthGroup.get(m)!, ports.map((p) => portTotals.get(m)!.get(p)! * groupShare(m, p)), caps);
    groupTotals.set(m, new Map(ports.map((p, j) => [p, parts[j]!])));
  }

  const out: ArrivalCell[] = [];
  for (const m of months) {
    for (const p of ports) {
      const cells = portCells.get(p)!;
      const w = monthWeights.get(m)!.get(p)!;
      const total = portTotals.get(m)!.get(p)!;
      let counts: number[];
      const g = groupTotals.get(m)?.get(p);
      if (g === undefined) counts = apportion(total, w);
      else {
        const inGroup = cells.map((c) => GROUP.has(c.visa));
        const a = apportion(g, w.map((x, i) => (inGroup[i] ? x : 0)));
        const b = apportion(total - g, w.map((x, i) => (inGroup[i] ? 0 : x)));
        counts = cells.map((_, i) => (inGroup[i] ? a[i]! : b[i]!));
      }
      cells.forEach((c, i) => {
        const n = counts[i]!;
        if (n === 0) return;
        const share = Math.min(0.99, Math.max(0.01, maleShare(c.nationality, c.visa) + 0.02 * rng.normal()));
        const male = Math.round(n * share);
        if (male > 0) out.push({ month: m, port: p, nationality: c.nationality, visa: c.visa, sex: 'L', count: male });
        if (n - male > 0) out.push({ month: m, port: p, nationality: c.nationality, visa: c.visa, sex: 'P', count: n - male });
      });
    }
  }
  return out;
}
