/**
 * Reference tables: where the official codes come from and the columns of the curated CSVs.
 * - Provinces and regencies/cities: the `idn-area-data` 4.x package (Kemendagri codes; data ODbL).
 * - Countries: ISO 3166-1 from `i18n-iso-countries` (Indonesian and English names), plus the
 *   curated spellings in data/reference/country-aliases.csv.
 * - Immigration offices and checkpoints: curated CSVs in data/reference/ with a source column.
 */

/** data/reference/offices.csv — one row per Kanwil or Kanim. `aliases` is `|`-separated. */
export interface OfficeRow {
  code: string;
  name: string;
  kind: 'kanwil' | 'kanim';
  /** e.g. "Kelas I Khusus TPI"; empty for a Kanwil. */
  class: string;
  /** Date (YYYY-MM-DD) the class was last confirmed; classes change over time. */
  class_as_of: string;
  /** 'true' when the office runs an immigration checkpoint (TPI). */
  tpi: 'true' | 'false';
  /** Regency/city (Kemendagri code, e.g. 36.71) where the office stands. */
  location_regency_code: string;
  /** Province whose figures the office reports under (Soekarno-Hatta: 31, DKI Jakarta). */
  province_code: string;
  /** Code of the Kanwil the office belongs to (empty for a Kanwil). */
  kanwil_code: string;
  /** Month (YYYY-MM) the office began work; empty when it predates the data (every office before Nov 2025). */
  opened: string;
  aliases: string;
  source: string;
}

/** data/reference/ports.csv — one row per immigration checkpoint (TPI). */
export interface PortRow {
  code: string;
  name: string;
  mode: 'air' | 'sea' | 'land';
  /** Province where the checkpoint stands (Kemendagri code). */
  province_code: string;
  /** City/regency where the checkpoint stands (Kemendagri code of idn-area-data, inside province_code; CGK: 36.71 Kota Tangerang). */
  regency_code: string;
  /** Kanim responsible for the checkpoint. */
  office_code: string;
  aliases: string;
  source: string;
}

/** data/reference/country-aliases.csv — spellings found in exports, mapped to ISO 3166-1 alpha-3. */
export interface CountryAliasRow {
  alias: string;
  iso3: string;
  source: string;
}

/**
 * data/reference/nationality-codes.csv — the ICAO Doc 9303 codes for persons without an ISO
 * nationality (XXA stateless, XXB/XXC refugee, XXX unspecified), published in `countries` like a country.
 */
export interface NationalityCodeRow {
  code: string;
  name_id: string;
  name_en: string;
  aliases: string;
  source: string;
}

/**
 * data/reference/office-regencies.csv — the Kanim that serves a regency/city (one row per pair: a
 * city such as Kota Medan is split between several Kanim). `source` says where the pair comes from.
 */
export interface OfficeRegencyRow {
  /** Kemendagri code of the regency/city (idn-area-data). */
  regency_code: string;
  /** Code of a Kanim in offices.csv. */
  office_code: string;
  source: string;
}

export const OFFICE_REGENCY_COLUMNS = ['regency_code', 'office_code', 'source'] as const;

export const REFERENCE_FILES = {
  offices: 'data/reference/offices.csv',
  officeRegencies: 'data/reference/office-regencies.csv',
  ports: 'data/reference/ports.csv',
  countryAliases: 'data/reference/country-aliases.csv',
  nationalityCodes: 'data/reference/nationality-codes.csv',
  regionCodeChanges: 'data/reference/region-code-changes.csv',
} as const;

/**
 * data/reference/region-code-changes.csv — Kemendagri codes that changed, with the law: the
 * regencies moved to the provinces formed from Papua and Papua Barat in 2022 (old code → new
 * code), and the two provinces whose figures from before the split cannot be split (no new code).
 */
export interface RegionCodeChangeRow {
  old_code: string;
  old_name: string;
  /** Empty for a province figure that cannot be mapped (it covers several of today's provinces). */
  new_code: string;
  /** The day the law formed the new province (YYYY-MM-DD). */
  changed_on: string;
  source: string;
}
export const REGION_CODE_CHANGE_COLUMNS: readonly (keyof RegionCodeChangeRow)[] = ['old_code', 'old_name', 'new_code', 'changed_on', 'source'];

export const OFFICE_COLUMNS: readonly (keyof OfficeRow)[] = [
  'code', 'name', 'kind', 'class', 'class_as_of', 'tpi', 'location_regency_code', 'province_code', 'kanwil_code', 'aliases', 'source', 'opened',
];
export const PORT_COLUMNS: readonly (keyof PortRow)[] = ['code', 'name', 'mode', 'province_code', 'regency_code', 'office_code', 'aliases', 'source'];

/** The published `ports` reference table (ports.parquet): its columns, in order, with what each holds. */
export const PUBLISHED_PORT_COLUMNS: readonly { name: keyof PortRow; description: string }[] = [
  { name: 'code', description: 'Checkpoint (TPI) code: IATA code of an airport, `SEA-<SLUG>` of a seaport, `LAND-<SLUG>` of a land border post.' },
  { name: 'name', description: 'Official name of the checkpoint.' },
  { name: 'mode', description: 'air, sea or land (code list `portMode`).' },
  { name: 'province_code', description: 'Province where the checkpoint stands (Kemendagri code).' },
  { name: 'regency_code', description: 'City/regency where the checkpoint stands (Kemendagri code, idn-area-data; ODbL): Soekarno-Hatta (CGK) is in Kota Tangerang, 36.71.' },
  { name: 'office_code', description: 'Kanim responsible for the checkpoint (offices.parquet).' },
  { name: 'source', description: 'Where the row and its location come from.' },
];
export const COUNTRY_ALIAS_COLUMNS: readonly (keyof CountryAliasRow)[] = ['alias', 'iso3', 'source'];
export const NATIONALITY_CODE_COLUMNS: readonly (keyof NationalityCodeRow)[] = ['code', 'name_id', 'name_en', 'aliases', 'source'];
