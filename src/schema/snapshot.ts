/**
 * snapshot.json: the sidecar of provenance in every folder data/snapshots/<YYYY-MM-DD>/, and its
 * one reader. The raw exports beside it are immutable once committed; the pipeline records their
 * sha256.
 *
 *   {
 *     "snapshotDate": "2025-11-05",
 *     "coverage": { "from": "2023-01", "to": "2025-10" },
 *     "tables": { "registry": { "to": "2025-08" } },
 *     "provisionalMonths": 2,
 *     "synthetic": false,
 *     "producer": "Ditjen Imigrasi, Direktorat Intelijen Keimigrasian",
 *     "sheets": { "arrivals": "Kedatangan 2025" },
 *     "note": "optional free text"
 *   }
 *
 * `tables` is optional: a table whose export ends before the snapshot's coverage does (an agency
 * that reports two months late) names its last month there, `{ "to": "2025-08" }`, and one whose
 * series starts later names its first, `{ "from": "2024-01" }`. Every month of that table's own
 * coverage must hold data; its half-years and years are published only where all their months are
 * inside it.
 *
 * `parseSnapshotSidecar` checks the whole contract and names every field that breaks it; nothing
 * else reads snapshot.json.
 */
import { TABLE_NAMES, type TableName } from './tables.ts';

export interface MonthRange {
  /** First month, YYYY-MM. */
  from: string;
  /** Last month, YYYY-MM. */
  to: string;
}

export interface SnapshotSidecar {
  /** The day the scheduled export was taken (the folder name), YYYY-MM-DD. */
  snapshotDate: string;
  /** First and last month (YYYY-MM) the exports cover; rows outside are refused, and every month inside must hold data. */
  coverage: MonthRange;
  /** A table whose export starts later or ends earlier than the coverage: its own first or last month (YYYY-MM). */
  tables?: Partial<Record<TableName, TableMonths>>;
  /** True for the bundled synthetic sample: every page then says so. Required, never assumed. */
  synthetic: boolean;
  /** Who produced the exports (system or office). */
  producer: string;
  /**
   * How many of the newest months are still provisional: revised in later exports as late reports
   * arrive (0 when absent). A public release publishes a month only once it is final, because the
   * change between a provisional figure and its final one would single out the late-reported
   * persons (docs/disclosure-control.md, "Across releases"); internal builds publish every month.
   */
  provisionalMonths?: number;
  note?: string;
  /**
   * The sheet to read in a table's XLSX export, when more than one visible sheet could be the
   * table: `{ "arrivals": "Kedatangan 2025" }`. Hidden sheets are never read, even when named.
   */
  sheets?: Partial<Record<TableName, string>>;
}

/** The most provisional months a snapshot may declare. */
export const MAX_PROVISIONAL_MONTHS = 12;

/** Where one table's months start or end, when not where the coverage does (at least one of the two). */
export interface TableMonths {
  from?: string;
  to?: string;
}

export const SNAPSHOT_SIDECAR = 'snapshot.json';
export const SNAPSHOT_DIR_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** What `tables.<name>` may say: where the table starts and ends. */
const TABLE_FIELDS = ['from', 'to'] as const;
const FIELDS = ['snapshotDate', 'coverage', 'tables', 'synthetic', 'producer', 'provisionalMonths', 'sheets', 'note'] as const;

/** One broken rule of the contract, about one field. */
export interface SidecarProblem {
  /** Stable identifier, as pipeline issues have. */
  code: 'sidecar-missing' | 'sidecar-unreadable' | 'sidecar-field' | 'sidecar-date-mismatch' | 'sidecar-coverage' | 'sidecar-table-coverage' | 'sidecar-provisional-months';
  /** The field, as a path: "coverage.to", "tables.registry.to"; "" for the file as a whole. */
  field: string;
  found: string;
  expected: string;
  fix: string;
}

export type SidecarReading =
  | { sidecar: SnapshotSidecar; problems: readonly [] }
  | { sidecar: null; problems: readonly SidecarProblem[] };

/** The month before a date (YYYY-MM): a snapshot taken on 2025-10-05 covers up to 2025-09. */
export function monthBefore(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const isMonth = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !SNAPSHOT_DIR_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const shown = (value: unknown): string => (value === undefined ? 'nothing (the field is absent)' : JSON.stringify(value));

/** An example sidecar for a folder, for messages that ask the analyst to write one. */
export function exampleSidecar(date: string): string {
  return JSON.stringify({ snapshotDate: date, coverage: { from: '2023-01', to: monthBefore(date) }, synthetic: false, producer: '…' });
}

/**
 * Reads snapshot.json text. `folderDate` is the name of the folder it sits in, which snapshotDate
 * must equal. Returns the sidecar, or every problem found (never just the first).
 */
export function parseSnapshotSidecar(text: string, folderDate: string): SidecarReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { sidecar: null, problems: [{ code: 'sidecar-unreadable', field: '', found: (error as Error).message, expected: 'a JSON object', fix: `Write snapshot.json as JSON, e.g. ${exampleSidecar(folderDate)}` }] };
  }
  if (!isObject(json)) {
    return { sidecar: null, problems: [{ code: 'sidecar-unreadable', field: '', found: shown(json), expected: 'a JSON object', fix: `Write snapshot.json as one object, e.g. ${exampleSidecar(folderDate)}` }] };
  }
  const problems: SidecarProblem[] = [];
  const field = (name: string, found: unknown, expected: string, fix: string, code: SidecarProblem['code'] = 'sidecar-field') =>
    problems.push({ code, field: name, found: shown(found), expected, fix });

  for (const key of Object.keys(json)) {
    if (!(FIELDS as readonly string[]).includes(key)) field(key, json[key], `only the fields ${FIELDS.map((f) => `"${f}"`).join(', ')}`, `Remove "${key}" from snapshot.json, or correct its spelling: an unknown field is never read, so what it says would be lost.`);
  }

  const { snapshotDate, coverage, tables, synthetic, producer, provisionalMonths, sheets, note } = json;
  const dateOk = isDay(snapshotDate);
  if (!dateOk) field('snapshotDate', snapshotDate, 'the day the export was taken, YYYY-MM-DD', `Set "snapshotDate": "${folderDate}" (the folder's name).`);
  else if (snapshotDate !== folderDate) field('snapshotDate', snapshotDate, `the folder's date ${folderDate}`, 'Make snapshotDate in snapshot.json equal the folder name.', 'sidecar-date-mismatch');

  let range: MonthRange | null = null;
  if (!isObject(coverage)) {
    field('coverage', coverage, 'an object { "from": "YYYY-MM", "to": "YYYY-MM" }', `Add "coverage": { "from": "<first month>", "to": "<last month>" } to snapshot.json.`);
  } else {
    for (const key of Object.keys(coverage)) {
      if (key !== 'from' && key !== 'to') field(`coverage.${key}`, coverage[key], 'only "from" and "to"', `Remove "${key}" from coverage.`);
    }
    for (const end of ['from', 'to'] as const) {
      if (!isMonth(coverage[end])) field(`coverage.${end}`, coverage[end], 'a month YYYY-MM', `Write coverage.${end} as a month, e.g. "2025-09".`, 'sidecar-coverage');
    }
    if (isMonth(coverage.from) && isMonth(coverage.to)) {
      const last = dateOk ? monthBefore(snapshotDate) : null;
      if (coverage.from > coverage.to) field('coverage', coverage, 'from ≤ to', 'Correct coverage in snapshot.json: "from" is the first month, "to" the last.', 'sidecar-coverage');
      else if (last && coverage.to > last) field('coverage.to', coverage.to, `a month up to ${last} (a snapshot cannot cover the month it was taken in)`, 'Correct coverage in snapshot.json.', 'sidecar-coverage');
      else range = { from: coverage.from, to: coverage.to };
    }
  }

  if (tables !== undefined) {
    if (!isObject(tables)) {
      field('tables', tables, `an object such as { "registry": { "to": "YYYY-MM" } }`, 'Remove "tables", or name a table and its last month.');
    } else {
      for (const [name, value] of Object.entries(tables)) {
        const path = `tables.${name}`;
        if (!(TABLE_NAMES as readonly string[]).includes(name)) {
          field(path, value, `one of the tables ${TABLE_NAMES.map((t) => `"${t}"`).join(', ')}`, `Correct the table name "${name}".`);
          continue;
        }
        if (!isObject(value)) {
          field(path, value, '{ "to": "YYYY-MM" }', `Write the table's last month as "${name}": { "to": "YYYY-MM" }.`);
          continue;
        }
        for (const key of Object.keys(value)) {
          if (!(TABLE_FIELDS as readonly string[]).includes(key)) field(`${path}.${key}`, value[key], 'only "from" and "to" (the first and last month of the table)', `Remove "${key}" from ${path}.`);
        }
        if (value.from === undefined && value.to === undefined) field(path, value, '"from", "to" or both', `Write where ${name} starts or ends, e.g. "${name}": { "to": "YYYY-MM" }, or remove it.`, 'sidecar-table-coverage');
        for (const end of TABLE_FIELDS) {
          const month = value[end];
          if (month === undefined) continue;
          if (!isMonth(month)) field(`${path}.${end}`, month, 'a month YYYY-MM', `Write ${path}.${end} as a month, e.g. "2025-08".`, 'sidecar-table-coverage');
          else if (range && (month < range.from || month > range.to)) {
            field(`${path}.${end}`, month, `a month from ${range.from} to ${range.to} (inside the snapshot's coverage)`, `${path}.${end} says where ${name} ${end === 'from' ? 'starts after' : 'ends before'} the coverage does; correct it, or remove it if ${name} covers the whole period.`, 'sidecar-table-coverage');
          }
        }
        if (isMonth(value.from) && isMonth(value.to) && value.from > value.to) field(path, value, 'from ≤ to', `Correct ${path}: "from" is its first month, "to" its last.`, 'sidecar-table-coverage');
      }
    }
  }

  if (typeof synthetic !== 'boolean') field('synthetic', synthetic, 'true or false (without quotes)', 'Set "synthetic": false for official exports (true only for generated sample data); it decides what every page says about the figures.');
  if (typeof producer !== 'string' || producer.trim() === '') field('producer', producer, 'who produced the exports, as text', 'Add "producer": the system or office the exports come from.');
  if (note !== undefined && typeof note !== 'string') field('note', note, 'text', 'Write the note as text, or remove it.');
  if (provisionalMonths !== undefined && !(Number.isInteger(provisionalMonths) && (provisionalMonths as number) >= 0 && (provisionalMonths as number) <= MAX_PROVISIONAL_MONTHS)) {
    field('provisionalMonths', provisionalMonths, `a whole number of months from 0 to ${MAX_PROVISIONAL_MONTHS}`, 'Set provisionalMonths to how many of the newest months later exports still revise as late reports arrive (0 if none).', 'sidecar-provisional-months');
  }
  if (sheets !== undefined) {
    if (!isObject(sheets)) field('sheets', sheets, 'an object such as { "arrivals": "Kedatangan 2025" }', 'Remove "sheets", or name a table and the sheet of its workbook to read.');
    else {
      for (const [name, sheet] of Object.entries(sheets)) {
        if (!(TABLE_NAMES as readonly string[]).includes(name)) field(`sheets.${name}`, sheet, `one of the tables ${TABLE_NAMES.map((t) => `"${t}"`).join(', ')}`, `Correct the table name "${name}".`);
        else if (typeof sheet !== 'string' || sheet.trim() === '') field(`sheets.${name}`, sheet, 'the name of a visible sheet, as text', `Write the sheet's name as it appears on its tab, e.g. "${name}": "Kedatangan 2025".`);
      }
    }
  }

  if (problems.length > 0) return { sidecar: null, problems };
  return { sidecar: json as unknown as SnapshotSidecar, problems: [] };
}

/** A table's own months: the snapshot's coverage, starting later or ending earlier where `tables` says so. */
export function tableCoverage(sidecar: Pick<SnapshotSidecar, 'coverage' | 'tables'>, table: TableName): MonthRange {
  const own = sidecar.tables?.[table];
  return { from: own?.from ?? sidecar.coverage.from, to: own?.to ?? sidecar.coverage.to };
}
