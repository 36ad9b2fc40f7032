/**
 * Validate: reads an ingested file in two streaming passes and leaves a compact, typed table of
 * its data rows in DuckDB, or the list of everything wrong with it.
 *
 *   1. profile: the distinct values of every column (one scan, GROUPING SETS), resolved in
 *      JavaScript to codes, months, dates and counts (value maps);
 *   2. check: the rows joined to the value maps (DuckDB hash joins), typed and classified
 *      (data, blank, "Sumber:" note, "Jumlah" total), then every rule is counted in one query.
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
import { tableRules, type Rule } from './table-rules.ts';

/** Status codes stored per cell (UTINYINT). */
export const STATUS: Record<ValueStatus | CountStatus, number> = {
  ok: 0, blank: 1, total: 2, note: 3, unresolved: 4, ambiguous: 5, 'not-number': 6, negative: 7, fractional: 8,
};
/** Row kinds (UTINYINT). */
export const KIND = { data: 0, blank: 1, note: 2, total: 3 } as const;

/** Files up to this many rows are always read with row numbers (one pass instead of two). */
const NUMBERED_READ_MAX_ROWS = 2_000_000;

export interface Coverage { from: string; to: string }

export interface ValidatedTable {
  spec: TableSpec;
  /** DuckDB view of the typed data rows: schema column names, plus <column>__k integers that sort like the values. */
  table: string;
  rows: number;
}

export interface ValidationResult {
  validated: ValidatedTable | null;
  issues: PipelineIssue[];
}

const mapTable = (spec: TableSpec, column: ColumnSpec) => `map_${spec.name}_${column.name}`;

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

/** Pass 1: distinct raw values per column, and the row count, in one scan. */
async function profile(db: Db, spec: TableSpec, ingested: IngestedFile): Promise<{ rows: number; distinct: Map<string, string[]> }> {
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const raw = columns.map((c) => sqlIdent(ingested.columns.get(c.name)!));
  const sets = [...raw.map((r) => `(${r})`), '()'].join(', ');
  const result = await db.runAndReadAll(
    `SELECT ${raw.join(', ')}, GROUPING_ID(${raw.join(', ')}) AS g, count(*) AS n FROM ${ingested.relation} GROUP BY GROUPING SETS (${sets})`,
  );
  const m = columns.length;
  const distinct = new Map<string, string[]>(columns.map((c) => [c.name, []]));
  let rows = 0;
  for (const row of result.getRows()) {
    const g = Number(row[m]);
    if (g === 2 ** m - 1) { rows = Number(row[m + 1]); continue; }
    const k = columns.findIndex((_, i) => g === 2 ** m - 1 - 2 ** (m - 1 - i));
    distinct.get(columns[k]!.name)!.push((row[k] as string | null) ?? '');
  }
  return { rows, distinct };
}

/** Value maps: one small DuckDB table per column, raw text → typed value + status. */
async function buildValueMaps(db: Db, spec: TableSpec, ingested: IngestedFile, distinct: Map<string, string[]>, reference: Reference): Promise<PipelineIssue[]> {
  const issues: PipelineIssue[] = [];
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
    // into that small integer with one vectorised cast, and joins on integers only. Raw values
    // are ordered by what they resolve to, so sorting rows by k sorts them by value.
    const entries = [...new Set(distinct.get(column.name) ?? [])].map((raw) => {
      if (column.isCount) {
        const parsed = parseCount(raw, numbers.convention);
        return { raw, value: parsed.value, status: STATUS[parsed.status] };
      }
      const resolved = resolveValue(column, raw, reference);
      return { raw, value: resolved.value, status: STATUS[resolved.status] };
    });
    entries.sort((a, b) => compareValues(a.value, b.value) || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0));
    const rawType = `raw_${spec.name}_${column.name}`;
    await db.run(`DROP TYPE IF EXISTS ${sqlIdent(rawType)}`);
    await db.run(`CREATE TYPE ${sqlIdent(rawType)} AS ENUM (${entries.map((e) => sqlString(e.raw)).join(', ')})`);
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(name)} (k UINTEGER, raw VARCHAR, value ${column.isCount ? 'DOUBLE' : 'VARCHAR'}, status UTINYINT)`);
    const appender = await db.createAppender(name);
    entries.forEach(({ raw, value, status }, k) => {
      appender.appendUInteger(k);
      appender.appendVarchar(raw);
      if (value === null) appender.appendNull();
      else if (typeof value === 'number') appender.appendDouble(value);
      else appender.appendVarchar(value);
      appender.appendUTinyInt(status);
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
  }
  return issues;
}

/**
 * Pass 2: each row becomes one small integer per column (its raw value's position in the value
 * map), in a compact table; the checked view joins those integers to values and statuses. With
 * `numbered`, rows keep their row number and raw text, for error messages.
 */
async function buildCheckedTable(db: Db, spec: TableSpec, ingested: IngestedFile, numbered: boolean): Promise<string> {
  const codes = `codes_${spec.name}`;
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  // enum_code() is the smallest unsigned integer that fits: one or two bytes a cell.
  const select: string[] = numbered ? ['rowid AS __row'] : [];
  columns.forEach((column) => {
    const raw = sqlIdent(ingested.columns.get(column.name)!);
    select.push(`enum_code(CAST(coalesce(${raw}, '') AS ${sqlIdent(`raw_${spec.name}_${column.name}`)})) AS ${sqlIdent(`${column.name}__k`)}`);
    if (numbered) select.push(`${raw} AS ${sqlIdent(`${column.name}__raw`)}`);
  });
  if (numbered) {
    // Row numbers need the file's order: keep insertion order for this copy only.
    await db.run('SET preserve_insertion_order = true');
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(`numbered_${spec.name}`)} AS SELECT * FROM ${ingested.relation}`);
    await db.run('SET preserve_insertion_order = false');
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(codes)} AS SELECT ${select.join(', ')} FROM ${sqlIdent(`numbered_${spec.name}`)}`);
    await db.run(`DROP TABLE ${sqlIdent(`numbered_${spec.name}`)}`);
  } else {
    await db.run(`CREATE OR REPLACE TABLE ${sqlIdent(codes)} AS SELECT ${select.join(', ')} FROM ${ingested.relation}`);
  }
  const view: string[] = ['c.*'];
  const joins: string[] = [];
  columns.forEach((column, i) => {
    view.push(`m${i}.value AS ${sqlIdent(column.name)}`, `m${i}.status AS ${sqlIdent(`${column.name}__status`)}`);
    joins.push(`JOIN ${sqlIdent(mapTable(spec, column))} m${i} ON c.${sqlIdent(`${column.name}__k`)} = m${i}.k`);
  });
  const statuses = columns.map((_, i) => `m${i}.status`);
  view.push(`CASE WHEN ${statuses.map((s) => `${s} = ${STATUS.blank}`).join(' AND ')} THEN ${KIND.blank}
    WHEN ${STATUS.note} IN (${statuses.join(', ')}) THEN ${KIND.note}
    WHEN ${STATUS.total} IN (${statuses.join(', ')}) THEN ${KIND.total} ELSE ${KIND.data} END AS __kind`);
  const checked = `checked_${spec.name}`;
  await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(checked)} AS SELECT ${view.join(', ')} FROM ${sqlIdent(codes)} c ${joins.join(' ')}`);
  return checked;
}

/** Error messages for a failing rule, with row numbers: grouped by the value found. */
async function describeFailures(db: Db, checked: string, rule: Rule, ingested: IngestedFile): Promise<PipelineIssue[]> {
  const found = rule.found ?? (rule.column ? `${sqlIdent(`${rule.column.name}__raw`)}` : "''");
  const rows = await db.runAndReadAll(
    `SELECT CAST(${found} AS VARCHAR) AS found, count(*) AS n, min(__row) AS first FROM ${checked} WHERE ${rule.where} GROUP BY 1 ORDER BY first LIMIT 5`,
  );
  const examples = rows.getRows().map(([value, n, first]) => ({ value: (value as string | null) ?? '', n: Number(n), first: Number(first) }));
  const lines = await ingested.lineOf(examples.map((e) => e.first));
  return examples.map((e) => ({
    severity: rule.severity ?? 'error',
    code: rule.code,
    file: ingested.file,
    table: rule.table,
    row: lines.get(e.first) ?? e.first + 1,
    ...(rule.column ? { column: rule.columnLabel ?? rule.column.rawHeaders[0]! } : {}),
    found: e.value,
    expected: rule.expected,
    fix: typeof rule.fix === 'function' ? rule.fix(e.value) : rule.fix,
    ...(e.n > 1 ? { moreRows: e.n - 1 } : {}),
  }));
}

export async function validateTable(db: Db, spec: TableSpec, ingested: IngestedFile, reference: Reference, coverage: Coverage): Promise<ValidationResult> {
  const clock = startStageClock();
  let rows: number;
  let distinct: Map<string, string[]>;
  try {
    ({ rows, distinct } = await profile(db, spec, ingested));
  } catch (error) {
    return { validated: null, issues: [csvReadIssue(ingested.file, error as Error, ingested.firstDataLine)] };
  }
  if (rows === 0) {
    return { validated: null, issues: [{ severity: 'error', code: 'no-data-rows', file: ingested.file, found: 'a header with no data rows below it', fix: 'The export is empty: export the data again for the snapshot period.' }] };
  }
  clock.lap('profile');
  const issues = await buildValueMaps(db, spec, ingested, distinct, reference);
  clock.lap('value maps');
  const injective = new Set<string>();
  for (const column of spec.rawColumns.filter((c) => ingested.columns.has(c.name))) {
    const [n, values] = (await db.runAndReadAll(`SELECT count(*), count(DISTINCT value) FROM ${sqlIdent(mapTable(spec, column))} WHERE status = ${STATUS.ok}`)).getRows()[0]!.map(Number);
    if (n === values) injective.add(column.name);
  }
  const rules: Rule[] = [];
  const candidates = tableRules(spec, ingested, coverage, (column, raw) => suggestSpelling(column, raw, reference), expectedValue, (names) => names.every((n) => injective.has(n)));
  for (const rule of candidates) {
    if (!rule.possibleIf || Number((await db.runAndReadAll(rule.possibleIf)).getRows()[0]![0]) > 0) rules.push(rule);
  }

  let numbered = rows <= NUMBERED_READ_MAX_ROWS;
  let checked = await buildCheckedTable(db, spec, ingested, numbered);
  clock.lap('checked table');
  const scanned = rules.filter((r) => !r.countQuery);
  // When every distinct value of every column resolved cleanly and no rule needs the rows, every
  // row is a data row: the rows need no further scan.
  const columns = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const special = columns.map((c) => `(SELECT count(*) FROM ${sqlIdent(mapTable(spec, c))} WHERE status <> ${STATUS.ok})`).join(' + ');
  const allClean = scanned.length === 0 && Number((await db.runAndReadAll(`SELECT ${special}`)).getRows()[0]![0]) === 0;
  const scannedCounts = allClean ? [0, rows] : (await db.runAndReadAll(
    `SELECT ${[...scanned.map((r) => `count(*) FILTER (WHERE ${r.where})`), ''].join(', ')} count(*) FILTER (WHERE __kind = ${KIND.total}),
       count(*) FILTER (WHERE __kind = ${KIND.data}) FROM ${checked}`,
  )).getRows()[0]!.map(Number);
  const counts: number[] = [];
  for (const rule of rules) {
    counts.push(rule.countQuery ? Number((await db.runAndReadAll(rule.countQuery)).getRows()[0]![0]) : scannedCounts[scanned.indexOf(rule)]!);
  }
  counts.push(scannedCounts[scanned.length]!, scannedCounts[scanned.length + 1]!);
  clock.lap('rules');
  const failing = rules.filter((_, i) => counts[i]! > 0);
  const totals = counts[rules.length]!;
  if ((failing.length > 0 || totals > 0) && !numbered) {
    numbered = true;
    checked = await buildCheckedTable(db, spec, ingested, true);
  }
  for (const rule of failing) issues.push(...(await describeFailures(db, checked, rule, ingested)));
  if (totals > 0) issues.push(...(await checkStatedTotals(db, spec, checked, ingested)));
  if (issues.some((i) => i.severity === 'error')) return { validated: null, issues };

  // The typed table is a view: the checked rows are not copied again.
  const typed = `typed_${spec.name}`;
  await db.run(`CREATE OR REPLACE VIEW ${sqlIdent(typed)} AS SELECT ${columns
    .flatMap((c) => [c.isCount ? `CAST(${sqlIdent(c.name)} AS BIGINT) AS ${sqlIdent(c.name)}` : sqlIdent(c.name), sqlIdent(`${c.name}__k`)])
    .join(', ')} FROM ${checked} WHERE __kind = ${KIND.data}`);
  return { validated: { spec, table: typed, rows: counts[rules.length + 1]! }, issues };
}

/**
 * "Jumlah"/"Total" rows. One at the very end is a stated grand total: it must equal the sum of the
 * rows above it, and is then dropped. Any other is a subtotal inside the data and is refused,
 * because summing the table would count those rows twice.
 */
async function checkStatedTotals(db: Db, spec: TableSpec, checked: string, ingested: IngestedFile): Promise<PipelineIssue[]> {
  const counts = spec.rawColumns.filter((c) => c.isCount && ingested.columns.has(c.name));
  const totalRows = (await db.runAndReadAll(
    `SELECT __row, (SELECT max(__row) FROM ${checked} WHERE __kind = ${KIND.data}) AS last_data, ${counts.map((c) => sqlIdent(c.name)).join(', ')}
     FROM ${checked} WHERE __kind = ${KIND.total} ORDER BY __row`,
  )).getRows();
  const lines = await ingested.lineOf(totalRows.map((r) => Number(r[0])));
  const [first] = totalRows;
  if (totalRows.length === 1 && first && Number(first[0]) > Number(first[1])) {
    const sums = (await db.runAndReadAll(`SELECT ${counts.map((c) => `sum(${sqlIdent(c.name)})`).join(', ')} FROM ${checked} WHERE __kind = ${KIND.data}`)).getRows()[0]!;
    return counts.flatMap((c, i) => {
      const stated = first[2 + i] === null ? null : Number(first[2 + i]);
      const sum = Number(sums[i]);
      return stated === null || stated === sum ? [] : [{
        severity: 'error' as const, code: 'total-mismatch', file: ingested.file, table: spec.name, row: lines.get(Number(first[0])) ?? Number(first[0]) + 1,
        column: c.rawHeaders[0]!, found: `a stated total of ${stated}`, expected: `the sum of the rows above it, ${sum}`,
        fix: 'Rows are missing or changed after the total was computed: export the table again, or remove the total row.',
      }];
    });
  }
  return totalRows.map((r) => ({
    severity: 'error' as const, code: 'subtotal-row', file: ingested.file, table: spec.name, row: lines.get(Number(r[0])) ?? Number(r[0]) + 1,
    found: 'a "Jumlah"/"Total" row among the data rows', expected: 'data rows only (a single grand total is allowed as the last row)',
    fix: 'Delete the subtotal rows: the dashboard computes totals itself, and keeping them would count those rows twice.',
  }));
}
