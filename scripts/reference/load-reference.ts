/**
 * The reference tables every snapshot is checked against, and the spellings that map raw names
 * to official codes. Regions come from `idn-area-data` (Kemendagri codes, ODbL), countries from
 * `i18n-iso-countries`, offices and checkpoints from the curated CSVs in data/reference/.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import countries from 'i18n-iso-countries';
import { ENUMS, type EnumName } from '../../src/schema/tables.ts';
import {
  COUNTRY_ALIAS_COLUMNS, NATIONALITY_CODE_COLUMNS, OFFICE_COLUMNS, OFFICE_REGENCY_COLUMNS, PORT_COLUMNS, REFERENCE_FILES, REGION_CODE_CHANGE_COLUMNS,
  type CountryAliasRow, type NationalityCodeRow, type OfficeRegencyRow, type OfficeRow, type PortRow, type RegionCodeChangeRow,
} from '../../src/schema/reference.ts';
import { readCsvRecords } from '../lib/read-csv-file.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import { regionSpellings } from './region-spellings.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/id.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

export type LookupKind = 'port' | 'office' | 'country' | 'region' | EnumName;

/** A spelling that two different codes share: it can never be resolved. */
export const AMBIGUOUS = Symbol('ambiguous');

export interface CountryRow { iso3: string; iso2: string; name_id: string; name_en: string }
export interface RegionRow { code: string; parent_code: string; name: string; level: 'province' | 'regency' | 'district' | 'village' }

export interface Reference {
  lookups: Record<LookupKind, Map<string, string | typeof AMBIGUOUS>>;
  offices: OfficeRow[];
  /** The Kanim serving each regency/city (data/reference/office-regencies.csv), checked against offices and idn-area-data. */
  officeRegencies: OfficeRegencyRow[];
  ports: PortRow[];
  countries: CountryRow[];
  provinces: RegionRow[];
  regencies: RegionRow[];
  /** Codes that changed (the 2022 Papua splits), with their legal source. */
  regionCodeChanges: RegionCodeChangeRow[];
  /** Folder of the idn-area-data CSVs (districts and villages are read from there by DuckDB). */
  areaDataDir: string;
  /** Files the reference came from, recorded in the manifest. */
  files: string[];
}

/** Every code of a lookup domain, in a fixed order (the reference file's, or the code list's). */
export function domainCodes(kind: LookupKind, reference: Reference): string[] {
  switch (kind) {
    case 'port': return reference.ports.map((p) => p.code);
    case 'office': return reference.offices.map((o) => o.code);
    case 'country': return reference.countries.map((c) => c.iso3);
    case 'region': return [...new Set([...reference.lookups.region.values()].filter((v): v is string => v !== AMBIGUOUS))];
    default: return ENUMS[kind].map((v) => v.code);
  }
}

function addSpelling(map: Map<string, string | typeof AMBIGUOUS>, spelling: string, code: string): void {
  const key = normaliseSpelling(spelling);
  if (key === '') return;
  const existing = map.get(key);
  map.set(key, existing === undefined || existing === code ? code : AMBIGUOUS);
}

function readRegions(path: string, level: RegionRow['level'], parentColumn: string | null): RegionRow[] {
  return readCsvRecords(path).map((r) => ({ code: r.code!, parent_code: parentColumn ? r[parentColumn]! : '', name: r.name!, level }));
}

/** The source of a regency/city whose Kanim is not known: its row has an empty office_code. */
export const NOT_SOURCED = 'Not sourced:';

/** Every pair names a Kanim of offices.csv (or none, "Not sourced: …") and a regency/city of idn-area-data, once, with a source. */
export function checkOfficeRegencies(rows: OfficeRegencyRow[], offices: OfficeRow[], regencies: RegionRow[]): OfficeRegencyRow[] {
  const kanim = new Set(offices.filter((o) => o.kind === 'kanim').map((o) => o.code));
  const regencyCodes = new Set(regencies.map((r) => r.code));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const where = `${REFERENCE_FILES.officeRegencies}, line ${i + 2}`;
    if (!regencyCodes.has(row.regency_code)) throw new Error(`${where}: "${row.regency_code}" is not a regency/city code of idn-area-data`);
    if (row.source.trim() === '') throw new Error(`${where}: the source is empty`);
    // A regency whose Kanim could not be sourced is listed once, office empty, saying so in its source.
    if (row.office_code === '') {
      if (!row.source.startsWith(NOT_SOURCED)) throw new Error(`${where}: an empty office_code needs a source starting "${NOT_SOURCED}"`);
      if (rows.some((other) => other.regency_code === row.regency_code && other.office_code !== '')) throw new Error(`${where}: ${row.regency_code} has a Kanim and is also "${NOT_SOURCED}"`);
    } else if (!kanim.has(row.office_code)) throw new Error(`${where}: "${row.office_code}" is not a Kanim in ${REFERENCE_FILES.offices}`);
    const key = `${row.regency_code}|${row.office_code}`;
    if (seen.has(key)) throw new Error(`${where}: ${row.office_code} serving ${row.regency_code} is listed twice`);
    seen.add(key);
  });
  return rows;
}

/**
 * Every checkpoint stands in a regency/city of idn-area-data that lies in the row's province
 * (ports.csv is curated by hand: a typo would put a checkpoint's arrivals on another city's page).
 */
export function checkPorts(rows: PortRow[], regencies: RegionRow[]): PortRow[] {
  const provinceOf = new Map(regencies.map((r) => [r.code, r.parent_code]));
  rows.forEach((row, i) => {
    const where = `${REFERENCE_FILES.ports}, line ${i + 2} (${row.code}), column regency_code`;
    const province = provinceOf.get(row.regency_code);
    if (province === undefined) throw new Error(`${where}: "${row.regency_code}" is not a regency/city code of idn-area-data; write the Kemendagri code of the city/regency the checkpoint stands in (e.g. 51.03 for Kabupaten Badung)`);
    if (province !== row.province_code) throw new Error(`${where}: "${row.regency_code}" lies in province ${province}, not in the row's province_code ${row.province_code}; fix whichever of the two is wrong`);
  });
  return rows;
}

export function loadReference(root: string): Reference {
  const areaDataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  const provinces = readRegions(join(areaDataDir, 'provinces.csv'), 'province', null);
  const regencies = readRegions(join(areaDataDir, 'regencies.csv'), 'regency', 'province_code');
  const districts = readRegions(join(areaDataDir, 'districts.csv'), 'district', 'regency_code');
  const villages = readRegions(join(areaDataDir, 'villages.csv'), 'village', 'district_code');

  const offices = readCsvRecords(join(root, REFERENCE_FILES.offices), OFFICE_COLUMNS) as unknown as OfficeRow[];
  const ports = checkPorts(readCsvRecords(join(root, REFERENCE_FILES.ports), PORT_COLUMNS) as unknown as PortRow[], regencies);
  const officeRegencies = checkOfficeRegencies(
    readCsvRecords(join(root, REFERENCE_FILES.officeRegencies), OFFICE_REGENCY_COLUMNS) as unknown as OfficeRegencyRow[], offices, regencies,
  );
  const aliases = readCsvRecords(join(root, REFERENCE_FILES.countryAliases), COUNTRY_ALIAS_COLUMNS) as unknown as CountryAliasRow[];
  const regionCodeChanges = readCsvRecords(join(root, REFERENCE_FILES.regionCodeChanges), REGION_CODE_CHANGE_COLUMNS) as unknown as RegionCodeChangeRow[];
  const nationalityCodes = readCsvRecords(join(root, REFERENCE_FILES.nationalityCodes), NATIONALITY_CODE_COLUMNS) as unknown as NationalityCodeRow[];

  const lookups = Object.fromEntries(
    (['port', 'office', 'country', 'region', ...Object.keys(ENUMS)] as LookupKind[]).map((k) => [k, new Map()]),
  ) as Reference['lookups'];

  for (const [name, values] of Object.entries(ENUMS) as [EnumName, readonly { code: string; id: string; en: string; spellings?: readonly string[] }[]][]) {
    for (const v of values) for (const s of [v.code, v.id, v.en, ...(v.spellings ?? [])]) addSpelling(lookups[name], s, v.code);
  }
  for (const o of offices) for (const s of [o.code, o.name, ...o.aliases.split('|')]) addSpelling(lookups.office, s, o.code);
  for (const p of ports) for (const s of [p.code, p.name, ...p.aliases.split('|')]) addSpelling(lookups.port, s, p.code);

  const countryRows: CountryRow[] = Object.keys(countries.getAlpha2Codes()).sort().map((iso2) => ({
    iso3: countries.alpha2ToAlpha3(iso2)!,
    iso2,
    name_id: countries.getName(iso2, 'id') ?? iso2,
    name_en: countries.getName(iso2, 'en') ?? iso2,
  }));
  const allId = countries.getNames('id', { select: 'all' });
  const allEn = countries.getNames('en', { select: 'all' });
  for (const c of countryRows) {
    for (const s of [c.iso3, ...(allId[c.iso2] ?? []), ...(allEn[c.iso2] ?? [])]) addSpelling(lookups.country, s, c.iso3);
  }
  for (const a of aliases) addSpelling(lookups.country, a.alias, a.iso3);
  // ICAO Doc 9303 codes for persons with no ISO nationality: published in `countries` like one (no alpha-2).
  for (const n of nationalityCodes) {
    countryRows.push({ iso3: n.code, iso2: '', name_id: n.name_id, name_en: n.name_en });
    for (const s of [n.code, n.name_id, n.name_en, ...n.aliases.split('|')]) addSpelling(lookups.country, s, n.code);
  }

  for (const r of [...provinces, ...regencies, ...districts, ...villages]) {
    addSpelling(lookups.region, r.code, r.code);
    addSpelling(lookups.region, r.code.replaceAll('.', ''), r.code);
  }
  for (const r of [...provinces, ...regencies]) addSpelling(lookups.region, r.name, r.code);
  for (const [spelling, code] of regionSpellings([...provinces, ...regencies])) addSpelling(lookups.region, spelling, code);
  // A regency moved to a new province in 2022 is read by its old code too (never a province: see region-code-changes.csv).
  for (const change of regionCodeChanges.filter((c) => c.new_code !== '')) {
    addSpelling(lookups.region, change.old_code, change.new_code);
    addSpelling(lookups.region, change.old_code.replaceAll('.', ''), change.new_code);
  }

  return {
    lookups, offices, officeRegencies, ports, countries: countryRows, provinces, regencies, regionCodeChanges, areaDataDir,
    files: [REFERENCE_FILES.offices, REFERENCE_FILES.officeRegencies, REFERENCE_FILES.ports, REFERENCE_FILES.countryAliases, REFERENCE_FILES.nationalityCodes, REFERENCE_FILES.regionCodeChanges, 'idn-area-data/data/*.csv', 'i18n-iso-countries'],
  };
}
