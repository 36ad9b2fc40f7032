/**
 * Modelling choices for arrivals: how large each checkpoint is, which nationalities use it, which
 * visa or permit each nationality enters on, and the sex ratio. Weights are relative; calibration
 * (arrivals.ts) turns them into exact totals. Checkpoints missing here get a small default.
 */

/** Share of arrivals outside Soekarno-Hatta (CGK is fixed by its own published totals). */
export const PORT_WEIGHTS: Record<string, number> = {
  DPS: 0.15, YIA: 0.05, SUB: 0.04, KNO: 0.035, LOP: 0.012, MDC: 0.012, UPG: 0.006, BPN: 0.006, PKU: 0.009,
  PDG: 0.006, BTH: 0.01, PLM: 0.003, BTJ: 0.003, SOC: 0.004, SRG: 0.004, KOE: 0.002, PNK: 0.004, TNJ: 0.002,
  'SEA-BATAM-CENTER': 0.075, 'SEA-CITRA-TRITUNAS': 0.042, 'SEA-TANJUNG-BALAI-KARIMUN': 0.022, 'SEA-HARBOUR-BAY': 0.018,
  'SEA-SEKUPANG': 0.01, 'SEA-NONGSA': 0.005, 'SEA-WATERFRONT-CITY': 0.004, 'SEA-BANDAR-BENTAN-TELANI': 0.016,
  'SEA-TANJUNG-PINANG': 0.014, 'SEA-TANJUNG-UBAN': 0.003, 'SEA-TANJUNG-PRIOK': 0.007, 'SEA-BENOA': 0.01,
  'SEA-DUMAI': 0.009, 'SEA-BELAWAN': 0.004, 'SEA-TANJUNG-PERAK': 0.005, 'SEA-TANJUNG-EMAS': 0.002,
  'SEA-TANJUNG-BALAI-ASAHAN': 0.004, 'SEA-BENGKALIS': 0.002,
  'LAND-ENTIKONG': 0.01, 'LAND-ARUK': 0.004, 'LAND-BADAU': 0.002, 'LAND-MOTAAIN': 0.005, 'LAND-MOTAMASIN': 0.002,
  'LAND-WINI': 0.0015, 'LAND-SKOUW': 0.004, 'LAND-SOTA': 0.0006,
};
export const DEFAULT_PORT_WEIGHT = 0.002;

/** Nationality weights per checkpoint (ISO alpha-3). Soekarno-Hatta follows the reported 2024 mix. */
const CREW_PORT = { CHN: 15, PHL: 15, IND: 8, MYS: 8, SGP: 6, KOR: 6, VNM: 6, MMR: 6, JPN: 4, UKR: 3, RUS: 3, TUR: 2, GRC: 2 };
const BATAM = { SGP: 44, MYS: 14, CHN: 15, IND: 3, PHL: 2, KOR: 2, JPN: 1.5, GBR: 1.2, AUS: 1.2, USA: 1, TWN: 1, MMR: 0.8, VNM: 0.8, THA: 0.8, BGD: 0.4, PAK: 0.3, HKG: 0.5, NLD: 0.3, FRA: 0.3, DEU: 0.3 };
const MALAYSIA_LAND = { MYS: 93, BRN: 3, CHN: 1, IND: 1 };
const SMALL_AIR = { MYS: 35, SGP: 15, CHN: 15, AUS: 5, JPN: 4, KOR: 4, USA: 3, IND: 3, NLD: 2, DEU: 2 };
export const NATIONALITY_MIX: Record<string, Record<string, number>> = {
  CGK: {
    CHN: 20.8, MYS: 13.3, SGP: 6.8, JPN: 5, KOR: 5, IND: 5, SAU: 4.5, USA: 3.5, AUS: 3, PHL: 3, TWN: 2.5, THA: 2, VNM: 2, GBR: 2,
    NLD: 1.5, DEU: 1.2, FRA: 1, HKG: 1, ARE: 0.8, TUR: 0.8, PAK: 0.6, BGD: 0.6, CAN: 0.6, RUS: 0.6, YEM: 0.5, EGY: 0.4, ITA: 0.4,
    NGA: 0.3, QAT: 0.3, BRN: 0.3, LKA: 0.2, MMR: 0.2, NZL: 0.2, IRN: 0.15, UZB: 0.15, CHE: 0.15, ESP: 0.15, KAZ: 0.1, JOR: 0.1,
    OMN: 0.1, KWT: 0.1, ZAF: 0.1, BRA: 0.1, POL: 0.1, SWE: 0.1, BEL: 0.1, KHM: 0.1, AUT: 0.08, IRQ: 0.08, SOM: 0.05, SDN: 0.05,
    MAR: 0.05, MEX: 0.05, IRL: 0.05, NOR: 0.05, DNK: 0.05, LAO: 0.05, GHA: 0.05, LBN: 0.05, CMR: 0.03, AFG: 0.03, FIN: 0.03,
  },
  DPS: {
    AUS: 24, IND: 7, CHN: 7.5, GBR: 5, KOR: 4.6, USA: 4.5, FRA: 4, DEU: 4, RUS: 4, JPN: 3, SGP: 3, MYS: 3, NLD: 2.5, CAN: 2,
    ITA: 2, ESP: 2, NZL: 2, CHE: 1.5, TWN: 1.5, UKR: 1, POL: 1, BRA: 0.8, SWE: 0.8, PHL: 0.8, BEL: 0.7, IRL: 0.6, AUT: 0.6,
    THA: 0.6, KAZ: 0.6, HKG: 0.6, VNM: 0.5, TUR: 0.5, DNK: 0.4, NOR: 0.4, CZE: 0.4, ARE: 0.3, ARG: 0.3, MEX: 0.3, ZAF: 0.3,
    PRT: 0.3, FIN: 0.2, HUN: 0.2, ROU: 0.2, UZB: 0.2, SAU: 0.2, ISR: 0.1,
  },
  YIA: { MYS: 30, SGP: 12, CHN: 8, NLD: 6, AUS: 6, JPN: 5, KOR: 4, USA: 4, DEU: 4, FRA: 4, GBR: 3, THA: 2, SAU: 2, IND: 2, ITA: 1.5, ESP: 1.2, BEL: 1, TWN: 1 },
  SUB: { CHN: 18, MYS: 16, SGP: 10, TWN: 8, JPN: 6, KOR: 6, IND: 4, USA: 3, AUS: 3, HKG: 3, THA: 2, PHL: 2, NLD: 2, SAU: 2, DEU: 1.5, VNM: 1.5, GBR: 1 },
  KNO: { MYS: 45, CHN: 12, SGP: 10, IND: 5, THA: 3, TWN: 2, JPN: 2, KOR: 2, AUS: 2, USA: 1.5, NLD: 1.5, DEU: 1.2 },
  LOP: { AUS: 25, MYS: 15, SGP: 12, GBR: 6, NLD: 5, DEU: 5, FRA: 5, CHN: 5, USA: 4, ITA: 2, ESP: 2 },
  MDC: { CHN: 60, PHL: 5, SGP: 5, MYS: 5, JPN: 3, KOR: 3, USA: 3, AUS: 2, DEU: 2 },
  UPG: { MYS: 30, SGP: 12, CHN: 20, SAU: 5, JPN: 4, KOR: 4, AUS: 3 },
  BPN: { MYS: 25, SGP: 20, CHN: 18, KOR: 5, JPN: 5, AUS: 4, USA: 3 },
  'SEA-BATAM-CENTER': BATAM, 'SEA-CITRA-TRITUNAS': BATAM, 'SEA-HARBOUR-BAY': BATAM, 'SEA-SEKUPANG': BATAM,
  'SEA-NONGSA': { SGP: 70, MYS: 8, GBR: 5, AUS: 5, USA: 4, JPN: 3 }, 'SEA-WATERFRONT-CITY': { SGP: 70, MYS: 10, CHN: 8, IND: 4 },
  'SEA-TANJUNG-BALAI-KARIMUN': { SGP: 30, MYS: 45, CHN: 8, IND: 5, MMR: 1, VNM: 1 },
  'SEA-BANDAR-BENTAN-TELANI': { SGP: 45, CHN: 15, KOR: 6, JPN: 5, MYS: 6, IND: 3, GBR: 3, AUS: 3, FRA: 2, PHL: 2 },
  'SEA-TANJUNG-PINANG': { SGP: 40, MYS: 35, CHN: 10, IND: 3 }, 'SEA-TANJUNG-UBAN': { SGP: 50, MYS: 30, CHN: 5 },
  'SEA-DUMAI': { MYS: 90, SGP: 3, CHN: 2, IND: 2 }, 'SEA-BENGKALIS': { MYS: 95, SGP: 2 }, 'SEA-TANJUNG-BALAI-ASAHAN': { MYS: 95, IND: 2 },
  'SEA-TANJUNG-PRIOK': CREW_PORT, 'SEA-BELAWAN': CREW_PORT, 'SEA-TANJUNG-PERAK': CREW_PORT, 'SEA-TANJUNG-EMAS': CREW_PORT,
  'SEA-BENOA': { AUS: 45, USA: 8, GBR: 6, DEU: 4, NZL: 4, CAN: 3, FRA: 3, SGP: 2 },
  'LAND-ENTIKONG': MALAYSIA_LAND, 'LAND-ARUK': MALAYSIA_LAND, 'LAND-BADAU': MALAYSIA_LAND,
  'LAND-MOTAAIN': { TLS: 97, PRT: 1, AUS: 1 }, 'LAND-MOTAMASIN': { TLS: 98, PRT: 1 }, 'LAND-WINI': { TLS: 98 },
  'LAND-SKOUW': { PNG: 97, AUS: 1 }, 'LAND-SOTA': { PNG: 99 },
};
export const DEFAULT_NATIONALITY_MIX = SMALL_AIR;

/** Nationalities entering visa-free (BVK) during 2023–2025: the ASEAN members. */
const ASEAN = new Set(['MYS', 'SGP', 'THA', 'PHL', 'BRN', 'VNM', 'LAO', 'KHM', 'MMR']);

/** Visa/permit mix (weights) for a nationality arriving at a checkpoint. */
export function visaMix(iso3: string, portCode: string): Record<string, number> {
  const crewPort = ['SEA-TANJUNG-PRIOK', 'SEA-BELAWAN', 'SEA-TANJUNG-PERAK', 'SEA-TANJUNG-EMAS'].includes(portCode);
  if (crewPort) return ASEAN.has(iso3) ? { crew: 70, bvk: 20, itas: 6 } : { crew: 70, voa: 18, itas: 8, visit: 3 };
  if (portCode.startsWith('LAND-')) return ASEAN.has(iso3) ? { bvk: 92, itas: 3, visit: 1 } : { voa: 85, visit: 10, itas: 3 };
  if (ASEAN.has(iso3)) return { bvk: 88, itas: 4, crew: 3, itap: 1, visit: 2, diplomatic: 0.5 };
  const m: Record<string, number> = { voa: 82, visit: 10, itas: 4, itap: 1.2, crew: 1.2, diplomatic: 0.4 };
  if (iso3 === 'CHN') Object.assign(m, { voa: 70, visit: 16, itas: 11 });
  if (iso3 === 'KOR' || iso3 === 'JPN' || iso3 === 'TWN') Object.assign(m, { voa: 72, itas: 12 });
  if (iso3 === 'NGA' || iso3 === 'YEM' || iso3 === 'SOM' || iso3 === 'AFG' || iso3 === 'CMR' || iso3 === 'GHA' || iso3 === 'PAK' || iso3 === 'BGD')
    Object.assign(m, { voa: 0, visit: 75, itas: 10 });
  if (iso3 === 'TLS' || iso3 === 'PNG') Object.assign(m, { voa: 60, visit: 30 });
  return m;
}

/** Male share of arrivals by nationality (crew is almost all male). */
export function maleShare(iso3: string, visa: string): number {
  if (visa === 'crew') return 0.95;
  const m: Record<string, number> = { CHN: 0.64, IND: 0.68, NGA: 0.8, AUS: 0.5, SGP: 0.53, MYS: 0.55, KOR: 0.57, JPN: 0.6, SAU: 0.7, YEM: 0.8, PAK: 0.8, BGD: 0.85, RUS: 0.48, PHL: 0.5, THA: 0.45, VNM: 0.5 };
  return m[iso3] ?? 0.56;
}

/** Seasonal index of national arrivals by calendar month: peaks Jul–Aug and Dec, dip in Feb. */
export const SEASON = [1.0, 0.86, 0.93, 0.95, 0.97, 1.02, 1.17, 1.2, 1.01, 1.0, 0.97, 1.16];
/** Ramadan month(s) dip further (2023: late Mar–Apr; 2024: Mar–early Apr; 2025: Mar). */
export const RAMADAN: Record<string, number> = { '2023-04': 0.95, '2024-03': 0.95, '2025-03': 0.95 };
