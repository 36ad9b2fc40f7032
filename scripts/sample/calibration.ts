/**
 * Published figures the synthetic sample reproduces exactly (after summing the raw rows), with
 * the source each was reported in (see /work/shared/DOMAIN.md). Everything the sources do not
 * fix is a modelling choice, documented in docs/sample-data.md and marked `choice` here.
 */
export const SEED = 'pantau-wna-sample-2025';

export const COVERAGE_FROM = '2023-01';
/** Scheduled snapshots: folder date and last month covered (the month before the snapshot). */
export const SNAPSHOTS = [
  { date: '2025-08-05', to: '2025-07' },
  { date: '2025-09-05', to: '2025-08' },
  { date: '2025-10-05', to: '2025-09' },
] as const;
/** No revision ever touches a month before this one. */
export const FIRST_REVISABLE_MONTH = '2025-05';

export interface Target<T = number> { value: T; source: string }

const IMIGRASI_JUL_2024 = 'Ditjen Imigrasi release, 15–16 Jul 2024 (bisnis.com, palpres)';
const DIRJEN_JUL_2024 = 'Dirjen Imigrasi statement, 9 Jul 2024 (bloombergtechnoz, lenteratoday)';

export const ARRIVAL_TARGETS = {
  h1_2024: { value: 5_086_765, source: IMIGRASI_JUL_2024 },
  h1_2023: { value: 4_741_343, source: IMIGRASI_JUL_2024 },
  voaOrVisit_h1_2024: { value: 3_470_954, source: `${IMIGRASI_JUL_2024} (68% of arrivals)` },
  airportRanking: { value: ['CGK', 'DPS', 'YIA'], source: IMIGRASI_JUL_2024 },
  seaportRanking: { value: ['SEA-BATAM-CENTER', 'SEA-CITRA-TRITUNAS', 'SEA-TANJUNG-BALAI-KARIMUN'], source: IMIGRASI_JUL_2024 },
  cgk_2023: { value: 2_160_404, source: 'disway; CNN Indonesia' },
  cgk_2024: { value: 2_730_724, source: 'disway; CNN Indonesia' },
  topNationalities: { value: ['CHN', 'MYS', 'SGP', 'AUS'], source: 'brief for the sample (ranking of all arrivals, each calendar year)' },
} satisfies Record<string, Target<unknown>>;

export const SANCTION_TARGETS = {
  tak_h1_2024: { value: 2_041, source: DIRJEN_JUL_2024 },
  tak_h1_2023: { value: 1_165, source: DIRJEN_JUL_2024 },
  tak_jan_may_2024: { value: 1_761, source: 'ntb.awni.or.id' },
  deportations_h1_2024: { value: 1_503, source: DIRJEN_JUL_2024 },
  deportations_h1_2023: { value: 639, source: DIRJEN_JUL_2024 },
  takByOffice_h1_2024: {
    value: { 'KANIM-BOGOR': 136, 'KANIM-SOEKARNO-HATTA': 124, 'KANIM-BATAM': 118 } as Record<string, number>,
    source: 'lenteratoday; rmol.id (every other office below the third)',
  },
  deportationsByNationality_2023: {
    value: { CHN: 507, NGA: 420, MYS: 332, VNM: 142, IND: 93 } as Record<string, number>,
    source: 'sindonews (every other nationality below the fifth)',
  },
  deportationsByOffice_2023: {
    value: { 'KANIM-BATAM': 227, 'KANIM-DEPOK': 225, 'KANIM-BEKASI': 190, 'KANIM-BOGOR': 182, 'KANIM-JAKARTA-UTARA': 160 } as Record<string, number>,
    source: 'sindonews (every other office below the fifth)',
  },
} satisfies Record<string, Target<unknown>>;

/** Modelling choices the sources leave open (documented in docs/sample-data.md). */
export const CHOICES = {
  /** Calendar-2023 deportations: must be ≥ 1,494 (top-5 nationalities) + the other nationalities; H2 takes 2023 total − 639. */
  deportations_2023: 1_900,
  /** TAK other than deportation in H2 2023 (H1 2023 is 1,165 − 639 = 526). */
  otherTak_h2_2023: 610,
  /** Year-on-year growth of arrivals after H1 2024 (same month a year earlier × this, ± noise). */
  arrivalsGrowth2025: 1.075,
  arrivalsGrowthH2_2024: 1.07,
};
