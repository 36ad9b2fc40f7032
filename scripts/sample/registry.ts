/**
 * Inter-agency figures per regency/city: mixed marriages as Disdukcapil and Kemenag record them
 * (monthly; Kemenag/KUA registers Muslim marriages, Disdukcapil the others plus reported ones, so
 * the two differ by 10–40% and in a few regions wildly), and foreign residents as Disdukcapil
 * (registered residence) and Imigrasi (ITAS/ITAP holders) count them (stocks at the end of June
 * and December, the semester rhythm of Disdukcapil's population data).
 */
import { monthNumber } from './calendar.ts';
import { SEED } from './calibration.ts';
import { createRng } from './prng.ts';
import type { SampleReference } from './reference-data.ts';

export interface RegistryCell { month: string; region: string; agency: string; metric: string; count: number }

/**
 * Regencies/cities with most foreigners: [code, ITAS/ITAP holders (Imigrasi, mid-2023),
 * mixed marriages a month, Kemenag ÷ Disdukcapil ratio, Disdukcapil ÷ Imigrasi residents ratio].
 */
const REGIONS: readonly (readonly [string, number, number, number, number])[] = [
  ['51.03', 21000, 11, 0.15, 0.62], ['51.71', 9000, 7, 0.35, 0.7], ['51.04', 4200, 3, 0.2, 0.55], ['51.02', 1500, 1.2, 0.3, 0.6],
  ['51.08', 2600, 1.8, 0.4, 0.65], ['51.05', 700, 0.6, 0.3, 0.5], ['51.07', 800, 0.6, 0.3, 0.5],
  ['21.71', 16000, 6, 0.8, 0.72], ['21.01', 2500, 1, 0.9, 0.6], ['21.02', 900, 0.8, 1.1, 0.7], ['21.72', 1100, 0.9, 1.0, 0.75],
  ['31.71', 9000, 5, 0.9, 0.8], ['31.72', 8000, 4, 0.8, 0.75], ['31.73', 9500, 5, 0.75, 0.78], ['31.74', 18000, 8, 0.85, 0.7],
  ['31.75', 4000, 3, 1.2, 0.8], ['36.03', 6000, 4, 1.1, 0.75], ['36.71', 5000, 3, 1.0, 0.8], ['36.74', 7000, 4, 0.9, 0.72],
  ['36.72', 2200, 1.5, 1.3, 0.6], ['36.04', 2500, 1.5, 1.2, 0.5], ['36.73', 900, 0.8, 1.2, 0.7],
  ['32.01', 5000, 6, 2.8, 0.45], ['32.71', 1500, 1.5, 1.3, 0.7], ['32.16', 9000, 3, 1.1, 0.6], ['32.75', 3500, 2.5, 1.2, 0.75],
  ['32.76', 2500, 2, 1.3, 0.75], ['32.03', 900, 3, 3.5, 0.4], ['32.02', 500, 1.2, 1.8, 0.5], ['32.15', 5500, 1.5, 1.1, 0.55],
  ['32.14', 2200, 0.8, 1.2, 0.55], ['32.73', 3500, 2.5, 1.1, 0.8], ['32.04', 1200, 0.8, 1.2, 0.6], ['32.74', 400, 0.5, 1.2, 0.8],
  ['35.78', 8500, 4, 0.9, 0.8], ['35.15', 2500, 1.2, 1.1, 0.7], ['35.25', 4500, 1.2, 1.2, 0.5], ['35.14', 2200, 0.8, 1.2, 0.5],
  ['35.73', 1200, 1, 1.0, 0.8], ['35.07', 600, 0.6, 1.1, 0.6], ['35.10', 500, 0.5, 1.2, 0.7],
  ['12.71', 4200, 2.5, 0.7, 0.78], ['12.07', 2300, 0.8, 0.9, 0.55], ['33.74', 2800, 1.5, 1.0, 0.8], ['33.20', 1800, 0.8, 1.3, 0.6],
  ['33.22', 700, 0.5, 1.2, 0.6], ['34.71', 1500, 1.2, 0.8, 0.82], ['34.04', 2000, 1.5, 0.9, 0.75], ['73.71', 2600, 1.2, 1.2, 0.75],
  ['71.71', 1800, 1.2, 0.3, 0.7], ['71.06', 900, 0.4, 0.3, 0.5], ['64.71', 2400, 1, 1.0, 0.7], ['64.72', 1500, 0.6, 1.0, 0.7],
  ['14.71', 1500, 0.8, 1.1, 0.75], ['52.01', 1200, 1.5, 1.4, 0.6], ['52.08', 1400, 1.2, 1.4, 0.5], ['52.71', 900, 0.8, 1.3, 0.7],
  ['52.02', 800, 0.8, 1.5, 0.5], ['72.06', 11000, 0.5, 1.2, 0.12], ['74.02', 6000, 0.3, 1.2, 0.15], ['82.02', 7000, 0.2, 1.0, 0.1],
  ['82.04', 4000, 0.2, 1.0, 0.2], ['53.15', 900, 0.5, 0.8, 0.6], ['94.04', 1200, 0.2, 0.5, 0.7],
];

export function generateRegistry(ref: SampleReference, months: string[]): RegistryCell[] {
  const rng = createRng(SEED, 'registry');
  for (const [code] of REGIONS) if (!ref.regencies.has(code)) throw new Error(`idn-area-data lacks regency ${code}`);
  const out: RegistryCell[] = [];
  // Monthly marriages are listed only where they are frequent enough to be worth a row; smelter
  // regencies (few marriages, many workers) stay for the residents comparison.
  for (const [code, itas, marriages, kemenagRatio, dukcapilRatio] of REGIONS.filter(([, i, mm]) => mm >= 1.2 || i >= 4000)) {
    const drift = Math.exp(0.08 * rng.normal());
    months.forEach((m, i) => {
      // Mixed marriages: the same couples are not seen by both agencies; each reports its own.
      const season = [1, 0.8, 0.9, 0.8, 1.1, 1.2, 1.1, 1.2, 1.0, 1.0, 1.0, 1.3][monthNumber(m) - 1]!;
      const dukcapil = rng.poisson(marriages * season * (1 + 0.004 * i));
      const kemenag = rng.poisson(marriages * season * kemenagRatio * (1 + 0.004 * i) * drift);
      if (dukcapil > 0) out.push({ month: m, region: code, agency: 'disdukcapil', metric: 'mixed_marriages', count: dukcapil });
      if (kemenag > 0) out.push({ month: m, region: code, agency: 'kemenag', metric: 'mixed_marriages', count: kemenag });
      if (monthNumber(m) % 6 !== 0) return;
      // Foreign residents (stock at half-year end, as Disdukcapil publishes its semester data): ITAS/ITAP holders grow ~0.6% a month with noise;
      // Disdukcapil sees only those who registered their residence.
      const holders = Math.round(itas * Math.pow(1.006, i) * (1 + 0.015 * rng.normal()));
      const registered = Math.round(holders * dukcapilRatio * (1 + 0.0015 * i) * (1 + 0.02 * rng.normal()));
      out.push({ month: m, region: code, agency: 'disdukcapil', metric: 'foreign_residents', count: registered });
      out.push({ month: m, region: code, agency: 'imigrasi', metric: 'foreign_residents', count: holders });
    });
  }
  return out.sort((a, b) => (a.month + a.region + a.metric + a.agency < b.month + b.region + b.metric + b.agency ? -1 : 1));
}
