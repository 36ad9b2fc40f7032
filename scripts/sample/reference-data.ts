/**
 * The reference data the generator writes names from: offices and checkpoints from the curated
 * CSVs in data/reference/ (read at run time, waiting for them if another process is still writing
 * them), Indonesian country names from i18n-iso-countries, and Kemendagri regions from idn-area-data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import countries from 'i18n-iso-countries';
import { OFFICE_COLUMNS, PORT_COLUMNS, REFERENCE_FILES, type OfficeRow, type PortRow } from '../../src/schema/reference.ts';
import { readCsvRecords } from '../lib/read-csv-file.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import { COVERAGE_FROM } from './calibration.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/id.json'));

export interface Region { code: string; parent: string; name: string }

export interface SampleReference {
  offices: OfficeRow[];
  kanim: OfficeRow[];
  kanwil: OfficeRow[];
  ports: PortRow[];
  officeByCode: Map<string, OfficeRow>;
  portByCode: Map<string, PortRow>;
  /** Spellings of an office or port (its name and the aliases that no other office/port shares). */
  officeSpellings: Map<string, string[]>;
  portSpellings: Map<string, string[]>;
  provinces: Map<string, Region>;
  regencies: Map<string, Region>;
  districtsByRegency: Map<string, Region[]>;
  villagesByDistrict: Map<string, Region[]>;
  countryNameId(iso3: string): string;
}

/** Waits (polling every 20 s, up to maxWaitMs) until the reference CSVs exist. */
export async function waitForReferenceFiles(root: string, maxWaitMs = 35 * 60 * 1000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const missing = [REFERENCE_FILES.offices, REFERENCE_FILES.ports].filter((f) => !existsSync(join(root, f)));
    if (missing.length === 0) return;
    if (Date.now() - started > maxWaitMs) throw new Error(`reference files still missing: ${missing.join(', ')}`);
    console.error(`waiting for ${missing.join(', ')} …`);
    await new Promise((r) => setTimeout(r, 20_000));
  }
}

/** The official name first, then each alias that resolves to this code alone. */
function uniqueSpellings(rows: { code: string; name: string; aliases: string }[]): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  const all = rows.map((r) => ({ code: r.code, names: [r.name, ...r.aliases.split('|')].map((s) => s.trim()).filter(Boolean) }));
  for (const { code, names } of all) {
    for (const s of [code, ...names]) {
      const key = normaliseSpelling(s);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(code);
    }
  }
  return new Map(all.map(({ code, names }) => [code, names.filter((s) => owners.get(normaliseSpelling(s))!.size === 1)]));
}

function readAreaCsv(path: string, parentColumn: string | null): Region[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',');
  const codeIndex = header.indexOf('code');
  const parentIndex = parentColumn ? header.indexOf(parentColumn) : -1;
  const nameIndex = header.indexOf('name');
  return lines.slice(1).map((line) => {
    // name is the last column in these files and may hold commas; codes never do.
    const cells = line.split(',');
    return {
      code: cells[codeIndex]!,
      parent: parentIndex >= 0 ? cells[parentIndex]! : '',
      name: nameIndex === header.length - 1 ? cells.slice(nameIndex).join(',').replace(/^"|"$/g, '') : cells[nameIndex]!,
    };
  });
}

export function loadSampleReference(root: string): SampleReference {
  // The sample's offices are those at work throughout it: an office opened later (the 18 of Nov
  // 2025) has no figures before it opened, and leaving it out keeps the sample as it was.
  const offices = (readCsvRecords(join(root, REFERENCE_FILES.offices), OFFICE_COLUMNS) as unknown as OfficeRow[]).filter((o) => !o.opened || o.opened <= COVERAGE_FROM);
  const ports = readCsvRecords(join(root, REFERENCE_FILES.ports), PORT_COLUMNS) as unknown as PortRow[];
  const areaDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
  const group = (rows: Region[]) => {
    const map = new Map<string, Region[]>();
    for (const r of rows) {
      if (!map.has(r.parent)) map.set(r.parent, []);
      map.get(r.parent)!.push(r);
    }
    return map;
  };
  return {
    offices,
    kanim: offices.filter((o) => o.kind === 'kanim'),
    kanwil: offices.filter((o) => o.kind === 'kanwil'),
    ports,
    officeByCode: new Map(offices.map((o) => [o.code, o])),
    portByCode: new Map(ports.map((p) => [p.code, p])),
    officeSpellings: uniqueSpellings(offices),
    portSpellings: uniqueSpellings(ports),
    provinces: new Map(readAreaCsv(join(areaDir, 'provinces.csv'), null).map((r) => [r.code, r])),
    regencies: new Map(readAreaCsv(join(areaDir, 'regencies.csv'), 'province_code').map((r) => [r.code, r])),
    districtsByRegency: group(readAreaCsv(join(areaDir, 'districts.csv'), 'regency_code')),
    villagesByDistrict: group(readAreaCsv(join(areaDir, 'villages.csv'), 'district_code')),
    countryNameId(iso3: string): string {
      const iso2 = countries.alpha3ToAlpha2(iso3);
      const name = iso2 ? countries.getName(iso2, 'id') : undefined;
      if (!name) throw new Error(`no Indonesian name for ${iso3}`);
      return name;
    },
  };
}
