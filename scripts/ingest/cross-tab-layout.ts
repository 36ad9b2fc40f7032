/**
 * Cross-tab exports, the layout offices print: one column per month ("Januari 2024", "Feb-24",
 * or "Jan" … "Des" under a "Tahun" column or a title naming the year) or per category
 * ("Laki-laki" / "Perempuan", "Disdukcapil" / "Kemenag"), usually with a "Jumlah" column of row
 * totals. Found from the header alone: at least two header cells that are values of one column the
 * header lacks. Ingest then reads the file as long rows, one per cell (ingest-file.ts), the header
 * cell becoming that column's value; the total column is never read as a count, only checked
 * against the sum of its row (scripts/validate/check-row-totals.ts). A layout that cannot be read
 * so (two levels across the columns, months without a year, a table of several counts) is refused
 * with the long format to export instead.
 */
import { ENUMS, type ColumnSpec, type EnumName, type TableSpec } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import { monthOfName, parseMonth } from '../lib/parse-period.ts';
import { longFormatExample } from './long-format-example.ts';
import { mapHeaders } from './map-headers.ts';

export interface SpreadCell {
  /** 0-based index of the header cell. */
  index: number;
  /** The header as written ("Februari", "Perempuan"). */
  header: string;
  /** The column's raw value each of its cells stands for ("Februari 2024", "Perempuan"); with a year column, the month name alone. */
  value: string;
}

export interface CrossTabLayout {
  /** The schema column whose values run across the header (month, sex, source_agency…). */
  column: ColumnSpec;
  /** The count column the cells hold. */
  count: ColumnSpec;
  spread: SpreadCell[];
  /** A "Jumlah"/"Total" column of row totals: checked, never read as a count. */
  totalIndex: number | null;
  /** The total column's header as written. */
  totalHeader: string | null;
  /** A "Tahun" column giving the year of month names without one. */
  yearIndex: number | null;
  /** Set when the layout cannot be read: the refusal, naming it and showing the long format. */
  refusal: PipelineIssue | null;
}

/** A row-total column: "Jumlah", "Total", "Jml", with a unit or a word after ("Jumlah WNA", "Total (orang)"), or "L+P". */
const TOTAL_HEADER = /^((jumlah|total|jml|grand total)( .*)?|total keseluruhan|l p)$/;
const YEAR_HEADER = /^(tahun|thn|year)$/;
const YEAR = /\b(19[9]\d|20\d\d)\b/g;

/** Which value of `column` a header cell names, as raw text the column's parser reads; null if none. */
function valueOf(column: ColumnSpec, cell: string): { value: string; needsYear: boolean } | null {
  const text = cell.trim();
  if (text === '') return null;
  if (column.parse === 'month') {
    if (parseMonth(text)) return { value: text, needsYear: false };
    return monthOfName(text) !== undefined ? { value: text, needsYear: true } : null;
  }
  if (!(column.parse in ENUMS)) return null;
  const spelling = normaliseSpelling(text);
  const values = ENUMS[column.parse as EnumName] as readonly { code: string; id: string; en: string; spellings?: readonly string[] }[];
  return values.some((v) => [v.code, v.id, v.en, ...(v.spellings ?? [])].some((s) => normaliseSpelling(s) === spelling)) ? { value: text, needsYear: false } : null;
}

type FoundCell = SpreadCell & { needsYear: boolean };
type Found = { column: ColumnSpec; cells: FoundCell[] };

/** Columns whose values could run across a header: months and code lists. */
const spreadable = (c: ColumnSpec) => !c.isCount && (c.parse === 'month' || c.parse in ENUMS);

/** The header cells (not already a column) that are values of `column`. */
function cellsOf(column: ColumnSpec, header: readonly string[], used: ReadonlySet<number>): FoundCell[] {
  return header.flatMap((cell, index) => {
    if (used.has(index)) return [];
    const found = valueOf(column, cell);
    return found ? [{ index, header: cell, ...found }] : [];
  });
}

/**
 * Columns with at least two values across the header, most first. A single month with its year
 * ("Januari 2024" beside "Jumlah") is a cross-tab too: a monthly report printed for one month.
 */
const across = (columns: readonly ColumnSpec[], header: readonly string[], used: ReadonlySet<number>): Found[] =>
  columns.map((column) => ({ column, cells: cellsOf(column, header, used) }))
    .filter((c) => c.cells.length >= 2 || (c.column.parse === 'month' && c.cells.length === 1 && !c.cells[0]!.needsYear))
    .sort((a, b) => b.cells.length - a.cells.length);

/**
 * Periods longer than a month across the columns: years ("2023", "Tahun 2024"), quarters
 * ("Triwulan I 2024", "TW II", "Q3 2024", "Kuartal 4"), half-years ("Semester I 2024", "H2 2024")
 * or ranges of months ("Jan-Mar 2024", "Januari - Juni 2024"). Every table is published by month,
 * and such a figure cannot be split into months: refused, with the long format by month.
 */
const ROMAN = '(?:i{1,3}|iv|[1-4])';
const COARSE_PERIODS: [RegExp, string][] = [
  [/^(?:tahun |thn |year )?(?:19|20)\d\d$/, 'years'],
  [new RegExp(`^(?:triwulan|tw|kuartal|kwartal|quarter|q) ?${ROMAN}\\b`), 'quarters'],
  [new RegExp(`^${ROMAN} ?(?:triwulan|tw|kuartal|quarter|q)\\b`), 'quarters'],
  [/^(?:semester|smt|sem|half|h) ?(?:i{1,2}|[12])\b/, 'half-years'],
];

function coarsePeriodCells(header: readonly string[], used: ReadonlySet<number>): { kind: string; cells: string[] } | null {
  const found = new Map<string, string[]>();
  header.forEach((cell, index) => {
    if (used.has(index)) return;
    const spelling = normaliseSpelling(cell);
    let kind = COARSE_PERIODS.find(([pattern]) => pattern.test(spelling))?.[1];
    // "Jan-Mar 2024", "Januari - Juni 2024": two month names, one year
    const range = /^([a-z]+) (?:s d |sd |sampai |to )?([a-z]+)(?: (\d{2}|\d{4}))?$/.exec(spelling);
    if (!kind && range && monthOfName(range[1]!) !== undefined && monthOfName(range[2]!) !== undefined) kind = 'ranges of months';
    if (kind) found.set(kind, [...(found.get(kind) ?? []), cell.trim()]);
  });
  const [best] = [...found.entries()].sort((a, b) => b[1].length - a[1].length);
  return best && (best[1].length >= 2 || best[0] !== 'years') ? { kind: best[0], cells: best[1] } : null;
}

/**
 * Merged two-row headers of two levels ("Januari 2024 Laki-laki", "Januari 2024 Perempuan", …):
 * cells that are a value of one missing column followed by a value of another. Refused.
 */
function twoLevelCells(spec: TableSpec, header: readonly string[], mapped: ReadonlyMap<string, number>): (Found & { levels: string[] })[] {
  const used = new Set(mapped.values());
  const columns = spec.rawColumns.filter((c) => spreadable(c) && !mapped.has(c.name));
  const found = new Map<string, Found & { other: ColumnSpec }>();
  header.forEach((cell, index) => {
    if (used.has(index)) return;
    const words = cell.trim().split(/\s+/);
    for (let cut = 1; cut < words.length; cut++) {
      const [left, right] = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
      for (const a of columns) for (const b of columns) {
        if (a === b || !valueOf(a, left) || !valueOf(b, right)) continue;
        const key = `${a.name}|${b.name}`;
        const entry = found.get(key) ?? { column: a, other: b, cells: [] };
        if (!entry.cells.some((c) => c.index === index)) entry.cells.push({ index, header: cell, value: cell, needsYear: false });
        found.set(key, entry);
      }
    }
  });
  return [...found.values()].filter((f) => f.cells.length >= 2).sort((x, y) => y.cells.length - x.cells.length)
    .map((f) => ({ column: f.column, levels: [f.column.rawHeaders[0]!, f.other.rawHeaders[0]!], cells: f.cells }));
}

/**
 * Values of a column the header already has, across the columns too: a cross-tab with that column
 * added ("Bulan" beside "Januari" … "Desember"), as the old advice "add the column bulan" made
 * analysts do. Refused, never read: which of the two gives a count's value is anyone's guess.
 */
function shadowedCrossTab(spec: TableSpec, header: readonly string[], mapped: ReadonlyMap<string, number>): Found[] {
  return across(spec.rawColumns.filter((c) => spreadable(c) && mapped.has(c.name)), header, new Set(mapped.values()));
}

/** The cross-tab layout of a header, or null when it is the long format (or no layout this reads). */
export function findCrossTab(spec: TableSpec, header: readonly string[], titleLines: readonly string[], file: string, headerRow: number): CrossTabLayout | null {
  const counts = spec.rawColumns.filter((c) => c.isCount);
  const mapped = mapHeaders(spec, header, file, headerRow).indexOf;
  const used = new Set(mapped.values());
  const candidates = across(spec.rawColumns.filter((c) => spreadable(c) && !mapped.has(c.name)), header, used);
  const twoLevels = candidates.length > 0 ? [] : twoLevelCells(spec, header, mapped);
  const [best] = candidates.length > 0 ? candidates : twoLevels.length > 0 ? twoLevels : shadowedCrossTab(spec, header, mapped);
  const month = spec.rawColumns.find((c) => c.parse === 'month');
  const coarse = !best && month && !mapped.has(month.name) ? coarsePeriodCells(header, used) : null;
  if (coarse) {
    return {
      column: month!, count: counts[0]!, spread: [], totalIndex: null, totalHeader: null, yearIndex: null,
      refusal: {
        severity: 'error', code: 'cross-tab-layout', file, row: headerRow, column: coarse.cells.slice(0, 4).join(', ') + (coarse.cells.length > 4 ? ', …' : ''),
        found: `${coarse.kind} across the columns (${coarse.cells.slice(0, 2).map((c) => `"${c}"`).join(', ')}${coarse.cells.length > 2 ? ', …' : ''}), and no ${month!.rawHeaders[0]} column`,
        expected: `the long format by month, one row per ${spec.key.join(' × ')} with the count in one column`,
        fix: `Every table is published by month, and a figure for ${coarse.kind} cannot be split into its months. Export the monthly figures in the long format instead, one row per cell: ${longFormatExample(spec)}.`,
      },
    };
  }
  if (!best) return null;

  const count = counts[0]!;
  const countIndex = mapped.get(count.name);
  const totalIndex = countIndex ?? header.findIndex((cell, i) => !used.has(i) && TOTAL_HEADER.test(normaliseSpelling(cell)));
  const yearIndex = header.findIndex((cell) => YEAR_HEADER.test(normaliseSpelling(cell)));
  const refuse = (found: string, why: string): PipelineIssue => ({
    severity: 'error', code: 'cross-tab-layout', file, row: headerRow, column: best.cells.map((c) => c.header).slice(0, 4).join(', ') + (best.cells.length > 4 ? ', …' : ''),
    found, expected: `the long format, one row per ${spec.key.join(' × ')} with the count in one column`,
    fix: `${why} Export the table in the long format instead, one row per cell: ${longFormatExample(spec)}.`,
  });
  let refusal: PipelineIssue | null = null;
  let spread: SpreadCell[] = best.cells.map(({ index, header: h, value }) => ({ index, header: h, value }));
  const existing = mapped.get(best.column.name);
  if (twoLevels.length > 0) {
    refusal = refuse(`two levels across the columns (${best.cells.slice(0, 2).map((c) => `"${c.header}"`).join(', ')}, …: ${twoLevels[0]!.levels.join(' and ')})`,
      'A header of two rows with two kinds of values across the columns (e.g. months, and under each month Laki-laki and Perempuan) cannot be read.');
  } else if (existing !== undefined) {
    refusal = refuse(`a "${header[existing]}" column and ${best.column.rawHeaders[0]} values across the columns as well`,
      `The ${best.column.rawHeaders[0]} is given twice: in the "${header[existing]}" column and by the columns ${best.cells.slice(0, 3).map((c) => `"${c.header}"`).join(', ')}${best.cells.length > 3 ? ', …' : ''}, so it is not clear which the counts belong to (and a "${header[countIndex ?? totalIndex] ?? 'Jumlah'}" column of row totals would be read as counts). Delete the "${header[existing]}" column to have the cross-tab read as it is.`);
  } else if (counts.length !== 1) {
    refusal = refuse(`${best.column.rawHeaders[0]} values across the columns (${best.cells.length} columns)`, `Each ${spec.name} row holds ${counts.length} counts (${counts.map((c) => c.rawHeaders[0]).join(', ')}), so columns of one count per ${best.column.rawHeaders[0]} cannot be read.`);
  } else if (candidates.length > 1) {
    refusal = refuse(`two kinds of values across the columns (${candidates.map((c) => c.column.rawHeaders[0]).join(' and ')})`, 'Only one kind of value across the columns can be read.');
  } else if (best.cells.some((c) => c.needsYear) && yearIndex < 0) {
    const years = [...new Set(titleLines.join(' ').match(YEAR) ?? [])];
    if (years.length === 1) {
      spread = spread.map((c, i) => (best.cells[i]!.needsYear ? { ...c, value: `${c.value} ${years[0]}` } : c));
    } else {
      refusal = refuse(`months without a year across the columns (${best.cells[0]!.header}, ${best.cells[1]!.header}, …)`, `The months have no year${years.length > 1 ? ` and the title names ${years.length} years (${years.join(', ')})` : ''}: add a "Tahun" column, or write the year in each month header ("Januari 2024").`);
    }
  }
  return { column: best.column, count, spread, totalIndex: totalIndex >= 0 ? totalIndex : null, totalHeader: totalIndex >= 0 ? header[totalIndex]! : null, yearIndex: best.cells.some((c) => c.needsYear) && yearIndex >= 0 ? yearIndex : null, refusal };
}
