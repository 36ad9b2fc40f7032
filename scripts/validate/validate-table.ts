/**
 * Validate: reads an ingested file in two streaming passes and leaves a compact, typed table of
 * its data rows in DuckDB, or the list of everything wrong with it.
 *
 *   1. profile: the distinct values of every column (one scan, GROUPING SETS), resolved in
 *      JavaScript to codes, months, dates and counts (value maps);
 *   2. check: each row's cells become integer codes (one ENUM cast per cell) in a compact table
 *      sorted by the row's key; values and statuses are looked up by code, rows are classified
 *      (data, blank, "Sumber:" note, "Jumlah" total), and every rule is counted — rules the
 *      value maps show cannot fail are not run over the rows, and duplicate keys are found as
 *      equal neighbours in the sorted table.
 *
 * A large file that passes is never materialised as text. When a rule fails, the rows are read
 * once more with their row numbers, so every error names file, row, column, value and fix.
 */
import type { ColumnSpec, TableSpec } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString, type Db } from '../lib/duckdb.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { startStageClock } from '../lib/trace.ts';
import { csvReadIssue, type IngestedFile } from '../ingest/ingest-file.ts';
import { domainCodes, type LookupKind, type Reference } from '../reference/load-reference.ts';
import { detectNumberConvention, parseCount, type CountStatus } from './parse-count.ts';
import { expectedValue, resolveValue, suggestSpelling, type ValueStatus } from './resolve-values.ts';
import { packedKey, type PackedKey } from './packed-key.ts';
import { tableRules, type Rule } from './table-rules.ts';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_RE2, controlCharacterIssue } from './control-characters.ts';
import { describeLoneRows } from './note-rows.ts';
import { checkRowTotals } from './check-row-totals.ts';
import { renumberedRegionWarnings } from './renumbered-regions.ts';
import { KIND, STATUS, type Coverage } from './cell-codes.ts';

/** Files up to this many rows are always read with row numbers (one pass instead of two). */
const NUMBERED_READ_MAX_ROWS = 2_000_000;

export interface ValidatedTable {
  spec: TableSpec;
  /**
   * DuckDB view of the typed data rows: schema column names, plus <key column>__k integers (value
   * ranks) that sort like the values. Read with preserve_insertion_order on, its rows come sorted
   * by the table's key.
   */
  table: string;
  rows: number;
}

/**
 * A check that rides on the profile scan (the personal-data rule, scripts/anonymise): aggregates
 * over every row, computed in the same scan, then a verdict from them and the distinct values.
 * Issues it returns refuse the file before any value is resolved or quoted in a message.
 */
export interface ProfileGate {
  aggregates: readonly string[];
  check(distinct: ReadonlyMap<string, readonly string[]>, aggregates: readonly number[]): Promise<PipelineIssue[]>;
}

export interface ValidationResult {
  validated: ValidatedTable | null;
  issues: PipelineIssue[];
}

const mapTable = (spec: TableSpec, column: ColumnSpec) => `map_${spec.name}_${column.name}`;

/**
 * Drops a validated table's per-row tables (the codes and the sorted cells) and the views over
 * them, once the published rows have been built from them: nothing reads them after that, and for
 * 20 M arrival rows they held 40 M rows in DuckDB until the Parquet was written.
 */
export async function dropValidatedRows(db: Db, validated: ValidatedTable): Promise<void> {
  const name = validated.spec.name;
  for (const view of [validated.table, `checked_${name}`]) await db.run(`DROP VIEW IF EXISTS ${sqlIdent(view)}`);
  for (const table of [`cells_${name}`, `codes_${name}`]) await db.run(`DROP TABLE IF EXISTS ${sqlIdent(table)}`);
}

/** Size of a column's value map: its distinct raw values, and the distinct values they resolve to. */
interface MapSize {
  entries: number;
  values: number;
  /**
   * When each value has one spelling and the unresolved entries come first (the usual case), a
   * rank is the code minus this offset, and is computed without a lookup; null otherwise.
   */
  rankOffset: number | null;
  /** Every raw value resolved: a row's status is ok without a lookup. */
  allOk: boolean;
}

type MapField = 'value' | 'status' | 'rank';

/** The key columns present in the file, in key order. */
const keyColumns = (spec: TableSpec, ingested: IngestedFile) =>
  spec.key.map((name) => spec.rawColumns.find((c) => c.name === name)!).filter((c) => ingested.columns.has(c.name));

/**
 * Maps up to this many entries are looked up as list constants: `list[k + 1]` gives a row's value
 * without a join, and as a projection it keeps the rows' order. DuckDB copies a constant list into
 * every vector it is used on, so a longer map (counts: 20,000 distinct values in the benchmark
 * cost 4 CPU seconds per 20 million lookups this way) is joined instead where rows are sorted
 * anyway (the cells table), where order does not matter.
 */
const LIST_LOOKUP_MAX_ENTRIES = 1024;

const isJoined = (size: MapSize | undefined) => (size?.entries ?? 0) > LIST_LOOKUP_MAX_ENTRIES;

/** A row's value, status or rank of a column, by its code: arithmetic or a constant where the map allows, else a list constant. */
function lookup(spec: TableSpec, column: ColumnSpec, field: MapField, size: MapSize | undefined, prefix = ''): string {
  const code = `${prefix}${sqlIdent(`${column.name}__k`)}`;
  const offset = size?.rankOffset ?? null;
  if (field === 'rank' && offset !== null) return offset === 0 ? code : `CASE WHEN ${code} >= ${offset} THEN ${code} - ${offset} END`;
  if (field === 'status' && size?.allOk) return `CAST(${STATUS.ok} AS UTINYINT)`;
  return `getvariable('${mapTable(spec, column)}_${field}')[${code} + 1]`;
}

/** The packed key of a table's rows (see packed-key.ts), over the code columns <column>__k. */
function rowKey(spec: TableSpec, ingested: IngestedFile, sizes: Map<string, MapSize>): PackedKey {
  return packedKey(keyColumns(spec, ingested).map((c) => ({ rank: lookup(spec, c, 'rank', sizes.get(c.name)), values: sizes.get(c.name)?.values ?? 0 })));
}

/** Runs statements with preserve_insertion_order on: table order is then the order rows were inserted in. */
async function inInsertionOrder<T>(db: Db, run: () => Promise<T>): Promise<T> {
  await db.run('SET preserve_insertion_order = true');
  try {
    return await run();
  } finally {
    await db.run('SET preserve_insertion_order = false');
  }
}

/** The ENUM type of a code domain (ports, offices, countries, regions, a code list), created once per database. */
async function ensureDomainType(db: Db, kind: LookupKind, reference: Reference): Promise<string> {
  const type = `domain_${kind}`;
  const exists = Number((await db.runAndReadAll(`SELECT count(*) FROM duckdb_types() WHERE type_name = ${sqlString(type)}`)).getRows()[0]![0]) > 0;
  if (!exists) await db.run(`CREATE TYPE ${sqlIdent(type)} AS ENUM (${domainCodes(kind, reference).map(sqlString).join(', ')})`);
  return type;
}

/** Order of resolved values: nulls first, then numbers or text (ISO dates sort as text). */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Pass 1: distinct raw values per column, the row count, and a gate's aggregates, in one scan. */
async function profile(db: Db, spec: TableSpec, ingested: IngestedFile, gate: readonly string[]): Promise<{ rows: number; distinct: Map<string, string[]>; gated: number[] }> {
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const raw = columns.map((c) => sqlIdent(ingested.columns.get(c.name)!));
  const sets = [...raw.map((r) => `(${r})`), '()'].join(', ');
  const result = await db.runAndReadAll(
    `SELECT ${[...raw, `GROUPING_ID(${raw.join(', ')}) AS g`, 'count(*) AS n', ...gate].join(', ')} FROM ${ingested.relation} GROUP BY GROUPING SETS (${sets})`,
  );
  const m = columns.length;
  const distinct = new Map<string, string[]>(columns.map((c) => [c.name, []]));
  let rows = 0;
  let gated: number[] = [];
  for (const row of result.getRows()) {
    const g = Number(row[m]);
    if (g === 2 ** m - 1) { rows = Number(row[m + 1]); gated = row.slice(m + 2).map(Number); continue; }
    const k = columns.findIndex((_, i) => g === 2 ** m - 1 - 2 ** (m - 1 - i));
    distinct.get(columns[k]!.name)!.push((row[k] as string | null) ?? '');
  }
  return { rows, distinct, gated };
}

/**
 * Value maps: one small DuckDB table per column, raw text → typed value, status and rank (the
 * value's position among the column's distinct resolved values), also held as list variables.
 * Returns the issues and each column's number of distinct resolved values.
 */
async function buildValueMaps(db: Db, spec: TableSpec, ingested: IngestedFile, distinct: Map<string, string[]>, reference: Reference): Promise<{ issues: PipelineIssue[]; sizes: Map<string, MapSize> }> {
  const issues: PipelineIssue[] = [];
  const sizes = new Map<string, MapSize>();
  const countValues = spec.rawColumns.filter((c) => c.isCount).flatMap((c) => distinct.get(c.name) ?? []);
  const numbers = detectNumberConvention(countValues, ingested.delimiter);
  if (numbers.idExample && numbers.enExample && ingested.delimiter !== ';') {
    issues.push({
      severity: 'error', code: 'ambiguous-number-format', file: ingested.file, found: `"${numbers.idExample}" and "${numbers.enExample}" in the same file`,
      expected: 'one convention per file: 1.234 (Indonesian) or 1,234 (English)',
      fix: 'Export again with plain numbers (no thousands separators), or with one convention throughout.',
    });
  }
  for (const column of spec.rawColumns) {
    if (!ingested.columns.has(column.name)) continue;
    const name = mapTable(spec, column);
    // k is the raw value's position in an ENUM of the raw values: pass 2 turns each row's text
    // into that small integer with one vectorised cast, and looks everything else up by it.
    const entries = [...new Set(distinct.get(column.name) ?? [])].map((raw) => {
      if (column.isCount) {
        const parsed = parseCount(raw, numbers.convention);
        return { raw, value: parsed.value, status: STATUS[parsed.status] };
      }
      const resolved = resolveValue(column, raw, reference);
      return { raw, value: resolved.value, status: STATUS[resolved.status] };
    });
    entries.sort((a, b) => compareValues(a.value, b.value) || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
    // Spellings of one value share its rank, so keys of ranks compare and sort by value.
    let values = 0;
    let previous: string | number | null = null;
    const ranks = entries.map((e) => {
      if (e.status !== STATUS.ok) return null;
      if (values === 0 || e.value !== previous) values++;
      previous = e.value;
      return values - 1;
    });
    const leading = ranks.findIndex((r) => r !== null);
    const shifted = leading >= 0 && ranks.every((r, i) => (i < leading ? r === null : r === i - leading));
    sizes.set(column.name, { entries: entries.length, values, rankOffset: shifted ? leading : null, allOk: entries.every((e) => e.status === STATUS.ok) });
    const rawType = `raw_${spec.name}_${column.name}`;
    await db.run(`DROP TYPE IF EXISTS ${sqlIdent(rawType)}`);
    await db.run(`CREATE TYPE ${sqlIdent(rawType)} AS ENUM (${entries.map((e) => sqlString(e.raw)).join(', ')})`);
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(name)} (k UINTEGER, raw VARCHAR, value ${column.isCount ? 'DOUBLE' : 'VARCHAR'}, status UTINYINT, rank UINTEGER)`);
    const appender = await db.createAppender(name);
    entries.forEach(({ raw, value, status }, k) => {
      appender.appendUInteger(k);
      appender.appendVarchar(raw);
      if (value === null) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else appender.appendVarchar(value);
      appender.appendUTinyInt(status);
      const rank = ranks[k]!;
      if (rank === null) appender.appendNull();
      else appender.appendUInteger(rank);
      appender.endRow();
    });
    appender.closeSync();
    if (column.parse === 'month' || column.parse === 'date') {
      await db.run(`ALTER TABLE ${sqlIdent(name)} ALTER value TYPE DATE USING CAST(value AS DATE)`);
    } else if (!column.isCount && column.parse !== 'text') {
      // Codes become an ENUM over the whole reference domain (one or two bytes a row, and
      // enum_code() indexes the reference list, so names are looked up without a join).
      const type = await ensureDomainType(db, column.parse as LookupKind, reference);
      await db.run(`ALTER TABLE ${sqlIdent(name)} ALTER value TYPE ${sqlIdent(type)} USING CAST(value AS ${sqlIdent(type)})`);
    }
    for (const field of ['value', 'status', 'rank'] as const) {
      await db.run(`SET VARIABLE ${name}_${field} = (SELECT list(${field} ORDER BY k) FROM ${sqlIdent(name)})`);
    }
    // Each rank stands for one value: the sorted cells keep ranks only, and get values by rank.
    await db.run(`SET VARIABLE ${name}_by_rank = (SELECT list(value ORDER BY rank) FROM (SELECT rank, any_value(value) AS value FROM ${sqlIdent(name)} WHERE rank IS NOT NULL GROUP BY rank))`);
  }
  return { issues, sizes };
}

/**
 * Pass 2: each row becomes one small integer per column (its raw value's position in the value
 * map), in a compact table; the checked view looks values and statuses up by those integers.
 * With `numbered`, rows keep their row number and raw text, for error messages. Then the rows
 * whose key resolved are sorted into the cells table: just the packed key and the other columns'
 * values, so the sort moves few bytes, duplicates become neighbours, and publishing needs no sort.
 */
async function buildCheckedTable(db: Db, spec: TableSpec, ingested: IngestedFile, numbered: boolean, sizes: Map<string, MapSize>, key: PackedKey): Promise<string> {
  const clock = startStageClock();
  const codes = `codes_${spec.name}`;
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  // enum_code() is the smallest unsigned integer that fits: one or two bytes a cell.
  const select: string[] = numbered ? ['rowid AS __row'] : [];
  columns.forEach((column) => {
    const raw = sqlIdent(ingested.columns.get(column.name)!);
    select.push(`enum_code(CAST(coalesce(${raw}, '') AS ${sqlIdent(`raw_${spec.name}_${column.name}`)})) AS ${sqlIdent(`${column.name}__k`)}`);
    if (numbered) select.push(`${raw} AS ${sqlIdent(`${column.name}__raw`)}`);
  });
  const rowsOf = (source: string) => `SELECT ${select.join(', ')} FROM ${source}`;
  if (numbered) {
    // Row numbers need the file's order: rowid of a copy made in insertion order.
    await inInsertionOrder(db, () => db.run(`CREATE OR REPLACE TABLE ${sqlIdent(`numbered_${spec.name}`)} AS SELECT * FROM ${ingested.relation}`));
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(codes)} AS ${rowsOf(sqlIdent(`numbered_${spec.name}`))}`);
    await db.run(`DROP TABLE ${sqlIdent(`numbered_${spec.name}`)}`);
  } else {
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(codes)} AS ${rowsOf(ingested.relation)}`);
  }
  clock.lap('code table');
  const view: string[] = ['c.*'];
  columns.forEach((column) => {
    view.push(`${lookup(spec, column, 'value', sizes.get(column.name), 'c.')} AS ${sqlIdent(column.name)}`,
      `${lookup(spec, column, 'status', sizes.get(column.name), 'c.')} AS ${sqlIdent(`${column.name}__status`)}`);
  });
  const statuses = columns.map((c) => sqlIdent(`${c.name}__status`));
  const filled = statuses.map((s) => `CAST(${s} <> ${STATUS.blank} AS UTINYINT)`).join(' + ');
  const kind = `CASE WHEN ${statuses.map((s) => `${s} = ${STATUS.blank}`).join(' AND ')} THEN ${KIND.blank}
    WHEN ${STATUS.note} IN (${statuses.join(', ')}) THEN ${KIND.note}
    WHEN ${STATUS.total} IN (${statuses.join(', ')}) THEN ${KIND.total}
    WHEN ${filled} = 1 AND NOT (${statuses.map((s) => `${s} IN (${STATUS.ok}, ${STATUS.blank})`).join(' AND ')}) THEN ${KIND.lone}
    ELSE ${KIND.data} END`;
  const checked = `checked_${spec.name}`;
  // __key: the packed key of a data row whose key values all resolved, else NULL.
  await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(checked)} AS SELECT *, CASE WHEN __kind = ${KIND.data} THEN ${key.sql} END AS __key
    FROM (SELECT *, ${kind} AS __kind FROM (SELECT ${view.join(', ')} FROM ${sqlIdent(codes)} c))`);
  // Kept in insertion order, the cells table holds its rows in key order. Long maps are joined
  // (see LIST_LOOKUP_MAX_ENTRIES).
  const keyNames = new Set(keyColumns(spec, ingested).map((c) => c.name));
  const others = columns.filter((c) => !keyNames.has(c.name));
  const joined = others.filter((c) => isJoined(sizes.get(c.name)));
  const values = others.map((c) => (joined.includes(c) ? `m${joined.indexOf(c)}.value AS ${sqlIdent(c.name)}` : `c.${sqlIdent(c.name)}`));
  const joins = joined.map((c, i) => `JOIN ${sqlIdent(mapTable(spec, c))} m${i} ON c.${sqlIdent(`${c.name}__k`)} = m${i}.k`);
  await inInsertionOrder(db, () => db.run(`CREATE OR REPLACE TABLE ${sqlIdent(`cells_${spec.name}`)} AS
    SELECT ${['c.__key', ...values].join(', ')} FROM ${sqlIdent(checked)} c ${joins.join(' ')} WHERE c.__key IS NOT NULL ORDER BY c.__key`));
  clock.lap('sorted cells');
  return checked;
}

/**
 * The typed data rows, from the sorted cells: key values unpacked from the key (rank → value),
 * counts as BIGINT. A projection of the cells table, so it keeps their key order.
 */
async function createTypedView(db: Db, spec: TableSpec, ingested: IngestedFile, key: PackedKey): Promise<string> {
  const keys = keyColumns(spec, ingested);
  const select = spec.rawColumns.filter((c) => ingested.columns.has(c.name)).flatMap((c) => {
    const i = keys.indexOf(c);
    if (i < 0) return [c.isCount ? `CAST(${sqlIdent(c.name)} AS BIGINT) AS ${sqlIdent(c.name)}` : sqlIdent(c.name)];
    const rank = key.rankOf(i, '__key');
    return [`getvariable('${mapTable(spec, c)}_by_rank')[${rank} + 1] AS ${sqlIdent(c.name)}`, `${rank} AS ${sqlIdent(`${c.name}__k`)}`];
  });
  const typed = `typed_${spec.name}`;
  await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(typed)} AS SELECT ${select.join(', ')} FROM ${sqlIdent(`cells_${spec.name}`)}`);
  return typed;
}

/** Refusals of values holding a control character (control-characters.ts): the first row of each column that has one. */
async function findControlCharacters(db: Db, spec: TableSpec, ingested: IngestedFile, distinct: Map<string, string[]>): Promise<PipelineIssue[]> {
  const issues: PipelineIssue[] = [];
  // An XLSX cannot hold them (XML 1.0): its temporary CSV holds only the number-cell mark, U+001E.
  if (ingested.format.startsWith('xlsx')) return issues;
  for (const column of spec.rawColumns) {
    const raw = ingested.columns.get(column.name);
    if (raw === undefined || !(distinct.get(column.name) ?? []).some((v) => CONTROL_CHARACTER.test(v))) continue;
    const [first] = (await inInsertionOrder(db, () => db.runAndReadAll(`SELECT rn, v FROM (SELECT row_number() OVER () - 1 AS rn, ${sqlIdent(raw)} AS v FROM ${ingested.relation})
      WHERE regexp_matches(v, ${sqlString(CONTROL_CHARACTER_RE2)}) ORDER BY rn LIMIT 1`))).getRows();
    if (!first) continue;
    const rowId = Number(first[0]);
    const line = (await ingested.lineOf([rowId])).get(rowId);
    issues.push(controlCharacterIssue(ingested.file, spec.name, line, ingested.spreadHeaderOf?.(column.name, rowId) ?? columnHeader(ingested, column), String(first[1])));
  }
  return issues;
}

/**
 * Error messages for a failing rule, with row numbers: grouped by the value found, the first five
 * values listed; the first issue says how many rows fail the rule in all, with how many values.
 */
async function describeFailures(db: Db, checked: string, rule: Rule, ingested: IngestedFile, failingRows: number): Promise<PipelineIssue[]> {
  const found = rule.found ?? (rule.column ? `${sqlIdent(`${rule.column.name}__raw`)}` : "''");
  const rows = await db.runAndReadAll(
    `SELECT CAST(${found} AS VARCHAR) AS found, count(*) AS n, min(__row) AS first, count(*) OVER () AS values FROM ${checked} WHERE ${rule.where} GROUP BY 1 ORDER BY first LIMIT 5`,
  );
  const examples = rows.getRows().map(([value, n, first, values]) => ({ value: (value as string | null) ?? '', n: Number(n), first: Number(first), values: Number(values) }));
  const lines = await ingested.lineOf(examples.map((e) => e.first));
  const columnLabel = rule.columnLabel ?? (rule.column ? columnHeader(ingested, rule.column) : undefined);
  return examples.map((e, i) => ({
    severity: rule.severity ?? 'error',
    code: rule.code,
    file: ingested.file,
    table: rule.table,
    row: lines.get(e.first) ?? e.first + 1,
    ...(columnLabel !== undefined ? { column: ingested.spreadHeaderOf?.(rule.column?.name, e.first) ?? columnLabel } : {}),
    found: e.value,
    expected: rule.expected,
    fix: typeof rule.fix === 'function' ? rule.fix(e.value) : rule.fix,
    ...(e.n > 1 ? { moreRows: e.n - 1 } : {}),
    ...(i === 0 ? { ruleTotal: { rows: failingRows, values: e.values } } : {}),
  }));
}

/** A column's header as the file writes it ("Nationality", "JUMLAH (ORANG)"), else its first raw header. */
function columnHeader(ingested: IngestedFile, column: ColumnSpec): string {
  const raw = ingested.columns.get(column.name);
  const written = raw === undefined ? undefined : ingested.headerOf.get(raw);
  return written !== undefined && written !== '' ? written : column.rawHeaders[0]!;
}

export async function validateTable(db: Db, spec: TableSpec, ingested: IngestedFile, reference: Reference, coverage: Coverage, gate?: ProfileGate): Promise<ValidationResult> {
  const clock = startStageClock();
  let rows: number;
  let distinct: Map<string, string[]>;
  let gated: number[];
  try {
    ({ rows, distinct, gated } = await profile(db, spec, ingested, gate?.aggregates ?? []));
  } catch (error) {
    return { validated: null, issues: [csvReadIssue(ingested.file, error as Error, ingested.firstDataLine)] };
  }
  if (rows === 0) {
    return { validated: null, issues: [{ severity: 'error', code: 'no-data-rows', file: ingested.file, found: 'a header with no data rows below it', fix: 'The export is empty: export the data again for the snapshot period.' }] };
  }
  clock.lap('profile');
  const controls = await findControlCharacters(db, spec, ingested, distinct);
  if (controls.length > 0) return { validated: null, issues: controls };
  const refused = gate ? await gate.check(distinct, gated) : [];
  if (refused.length > 0) return { validated: null, issues: refused };
  const { issues, sizes } = await buildValueMaps(db, spec, ingested, distinct, reference);
  issues.push(...renumberedRegionWarnings(spec, ingested, distinct, reference));
  const key = rowKey(spec, ingested, sizes);
  clock.lap('value maps');
  const rules: Rule[] = [];
  const opened = new Map(reference.offices.filter((o) => o.opened).map((o) => [o.code, o.opened]));
  const splits = reference.regionCodeChanges.filter((c) => c.new_code === '');
  const candidates = tableRules(spec, ingested, coverage, (column, raw) => suggestSpelling(column, raw, reference), expectedValue, opened, splits);
  for (const rule of candidates) {
    if (!rule.possibleIf || Number((await db.runAndReadAll(rule.possibleIf)).getRows()[0]![0]) > 0) rules.push(rule);
  }

  let numbered = rows <= NUMBERED_READ_MAX_ROWS;
  let checked = await buildCheckedTable(db, spec, ingested, numbered, sizes, key);
  clock.lap('checked table');
  // Count queries rely on the table's order (see Rule.countQuery); NULL means "scan instead".
  const counted = new Map<Rule, number>();
  for (const rule of rules.filter((r) => r.countQuery)) {
    const n = await inInsertionOrder(db, async () => (await db.runAndReadAll(rule.countQuery!)).getRows()[0]![0]);
    if (n !== null) counted.set(rule, Number(n));
  }
  const scanned = rules.filter((r) => !counted.has(r));
  // When every distinct value of every column resolved cleanly and no rule needs the rows, every
  // row is a data row: the rows need no further scan.
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const special = columns.map((c) => `(SELECT count(*) FROM ${sqlIdent(mapTable(spec, c))} WHERE status <> ${STATUS.ok})`).join(' + ');
  const allClean = scanned.length === 0 && Number((await db.runAndReadAll(`SELECT ${special}`)).getRows()[0]![0]) === 0;
  const scannedCounts = allClean ? [0, rows, 0] : (await db.runAndReadAll(
    `SELECT ${[...scanned.map((r) => `count(*) FILTER (WHERE ${r.where})`), ''].join(', ')} count(*) FILTER (WHERE __kind = ${KIND.total}),
       count(*) FILTER (WHERE __kind = ${KIND.data}), count(*) FILTER (WHERE __kind = ${KIND.lone}) FROM ${checked}`,
  )).getRows()[0]!.map(Number);
  const counts: number[] = [];
  for (const rule of rules) counts.push(counted.get(rule) ?? scannedCounts[scanned.indexOf(rule)]!);
  counts.push(scannedCounts[scanned.length]!, scannedCounts[scanned.length + 1]!);
  clock.lap('rules');
  const failing = rules.filter((_, i) => counts[i]! > 0);
  const totals = counts[rules.length]!;
  const lone = scannedCounts[scanned.length + 2]!;
  if ((failing.length > 0 || totals > 0 || lone > 0) && !numbered) {
    numbered = true;
    checked = await buildCheckedTable(db, spec, ingested, true, sizes, key);
  }
  for (const rule of failing) issues.push(...(await describeFailures(db, checked, rule, ingested, counts[rules.indexOf(rule)]!)));
  if (totals > 0) issues.push(...(await checkStatedTotals(db, spec, checked, ingested)));
  if (lone > 0) issues.push(...(await describeLoneRows(db, spec, checked, ingested)));
  issues.push(...(await checkRowTotals(db, spec, ingested)));
  if (issues.some((i) => i.severity === 'error')) return { validated: null, issues };

  // The typed table is a view: the cells are not copied again.
  const typed = await createTypedView(db, spec, ingested, key);
  return { validated: { spec, table: typed, rows: counts[rules.length + 1]! }, issues };
}

/**
 * "Jumlah"/"Total" rows. One at the very end is a stated grand total: it must equal the sum of the
 * rows above it, and is then dropped. Any other is a subtotal inside the data and is refused,
 * because summing the table would count those rows twice. A cross-tab's total row is one file row
 * read as one long row per column: each is compared with the sum of its own column.
 */
async function checkStatedTotals(db: Db, spec: TableSpec, checked: string, ingested: IngestedFile): Promise<PipelineIssue[]> {
  const counts = spec.rawColumns.filter((c) => c.isCount && ingested.columns.has(c.name));
  const perRow = ingested.crossTab?.perRow ?? 1;
  const totalRows = (await db.runAndReadAll(
    `SELECT __row, (SELECT max(__row) FROM ${checked} WHERE __kind = ${KIND.data}) AS last_data, ${counts.map((c) => sqlIdent(c.name)).join(', ')}
     FROM ${checked} WHERE __kind = ${KIND.total} ORDER BY __row`,
  )).getRows();
  const lines = await ingested.lineOf(totalRows.map((r) => Number(r[0])));
  const fileRows = new Set(totalRows.map((r) => Math.floor(Number(r[0]) / perRow)));
  const [first] = totalRows;
  if (fileRows.size === 1 && first && Number(first[0]) > Number(first[1])) {
    const sums = new Map((await db.runAndReadAll(`SELECT __row % ${perRow}, ${counts.map((c) => `sum(${sqlIdent(c.name)})`).join(', ')} FROM ${checked} WHERE __kind = ${KIND.data} GROUP BY 1`)).getRows()
      .map(([part, ...values]) => [Number(part), values.map(Number)] as const));
    return totalRows.flatMap((r) => counts.flatMap((c, i) => {
      const stated = r[2 + i] === null ? null : Number(r[2 + i]);
      const sum = sums.get(Number(r[0]) % perRow)?.[i] ?? 0;
      return stated === null || stated === sum ? [] : [{
        severity: 'error' as const, code: 'total-mismatch', file: ingested.file, table: spec.name, row: lines.get(Number(r[0])) ?? Number(r[0]) + 1,
        column: ingested.spreadHeaderOf?.(c.name, Number(r[0])) ?? c.rawHeaders[0]!, found: `a stated total of ${stated}`, expected: `the sum of the rows above it, ${sum}`,
        fix: 'Rows are missing or changed after the total was computed: export the table again, or remove the total row.',
      }];
    }));
  }
  const seen = new Set<number>();
  return totalRows.filter((r) => {
    const line = Math.floor(Number(r[0]) / perRow);
    return !seen.has(line) && seen.add(line);
  }).map((r) => ({
    severity: 'error' as const, code: 'subtotal-row', file: ingested.file, table: spec.name, row: lines.get(Number(r[0])) ?? Number(r[0]) + 1,
    found: 'a "Jumlah"/"Total" row among the data rows', expected: 'data rows only (a single grand total is allowed as the last row)',
    fix: 'Delete the subtotal rows: the dashboard computes totals itself, and keeping them would count those rows twice.',
  }));
}
