/**
 * The rules a table's rows must meet, each a SQL condition over the checked table (value,
 * status and raw text per column) that selects the failing rows, with the words used to report it.
 */
import type { ColumnSpec, TableSpec, TableName } from '../../src/schema/tables.ts';
import { sqlIdent, sqlString } from '../lib/duckdb.ts';
import type { Severity } from '../lib/pipeline-issue.ts';
import type { IngestedFile } from '../ingest/ingest-file.ts';
import { isNumberCellSql, officeTextSql } from '../lib/number-cell.ts';
import { KIND, STATUS, type Coverage } from './cell-codes.ts';
import { whyNotAPeriod } from '../lib/parse-period.ts';
import { EXCEL_ERROR_VALUES, excelErrorFix } from '../lib/excel-error-value.ts';
import type { RegionCodeChangeRow } from '../../src/schema/reference.ts';

export interface Rule {
  code: string;
  severity?: Severity;
  table: TableName;
  column?: ColumnSpec;
  columnLabel?: string;
  /** Selects failing rows of the checked table. */
  where: string;
  /**
   * A cheap query on the value maps that returns a count > 0 only if the rule can fail at all
   * (e.g. some distinct value is unresolved); when it returns 0 the rows are not scanned for it.
   */
  possibleIf?: string;
  /**
   * A cheaper query giving the number of failing rows, used instead of counting `where` over the
   * checked view; run with preserve_insertion_order on, so it may rely on the checked table's
   * key order. It may answer NULL when it cannot tell; the rule is then counted with `where`.
   */
  countQuery?: string;
  /** SQL for the value shown as "found" (defaults to the column's raw text). */
  found?: string;
  expected: string;
  fix: string | ((found: string) => string);
}

const S = { ...STATUS, notNumber: STATUS['not-number'] };
const DATA = `__kind = ${KIND.data}`;

const status = (c: ColumnSpec) => sqlIdent(`${c.name}__status`);
const mapHas = (spec: TableSpec, c: ColumnSpec, code: number) => `SELECT count(*) FROM ${sqlIdent(`map_${spec.name}_${c.name}`)} WHERE status = ${code}`;
const value = (c: ColumnSpec) => sqlIdent(c.name);
/** A value-map row whose raw text is an Excel error value (#REF!, #N/A, …). */
const EXCEL_ERROR_SQL = `upper(trim(raw)) IN (${EXCEL_ERROR_VALUES.map(sqlString).join(', ')})`;

const REGION_DIGITS: Record<string, number> = { provinsi: 2, kabupaten_kota: 4, kecamatan: 6, kelurahan_desa: 10 };

export function tableRules(
  spec: TableSpec,
  ingested: IngestedFile,
  coverage: Coverage,
  suggest: (column: ColumnSpec, raw: string) => string | null,
  expectedValue: (column: ColumnSpec) => string,
  /** Offices that opened after the data began: code → first month of work (YYYY-MM). */
  openedOffices: ReadonlyMap<string, string> = new Map(),
  /** Provinces split since (region-code-changes.csv rows without a new code): their figures from before cannot be read. */
  splitProvinces: readonly RegionCodeChangeRow[] = [],
): Rule[] {
  const present = spec.rawColumns.filter((c) => ingested.columns.has(c.name));
  const rules: Rule[] = [];
  for (const column of present) {
    const base = { table: spec.name, column, expected: expectedValue(column) };
    const map = sqlIdent(`map_${spec.name}_${column.name}`);
    const rawIs = (condition: string) => `${sqlIdent(`${column.name}__k`)} IN (SELECT k FROM ${map} WHERE ${condition})`;
    const excelError = {
      ...base, code: column.isCount ? 'count-excel-error' : 'value-excel-error', expected: `${base.expected}, not an Excel error value`,
      possibleIf: `SELECT count(*) FROM ${map} WHERE status IN (${S.notNumber}, ${S.unresolved}) AND ${EXCEL_ERROR_SQL}`,
      where: `${DATA} AND ${status(column)} IN (${S.notNumber}, ${S.unresolved}) AND ${rawIs(EXCEL_ERROR_SQL)}`,
      fix: excelErrorFix,
    };
    if (column.isCount) {
      const found = officeTextSql(sqlIdent(`${column.name}__raw`));
      const numberCell = isNumberCellSql('raw');
      rules.push(
        { ...base, code: 'count-missing', possibleIf: mapHas(spec, column, S.blank), where: `${DATA} AND ${status(column)} = ${S.blank}`, fix: 'Fill in the count; write 0 (or "-") for none.' },
        { ...excelError, found },
        {
          ...base, code: 'count-not-a-number', found, possibleIf: `${mapHas(spec, column, S.notNumber)} AND NOT ${EXCEL_ERROR_SQL}`,
          where: `${DATA} AND ${status(column)} = ${S.notNumber} AND NOT ${rawIs(EXCEL_ERROR_SQL)}`,
          fix: (f) => `Write "${f}" as a whole number such as 1234 or 1.234 (Indonesian thousands separator).`,
        },
        { ...base, code: 'count-negative', found, possibleIf: mapHas(spec, column, S.negative), where: `${DATA} AND ${status(column)} = ${S.negative}`, fix: 'Counts cannot be negative: correct the value, or report a correction as a revised count for the month.' },
        {
          // A number cell (Excel stores the number; separators are only how it is shown).
          ...base, code: 'count-fractional', found, possibleIf: `${mapHas(spec, column, S.fractional)} AND ${numberCell}`,
          where: `${DATA} AND ${status(column)} = ${S.fractional} AND ${rawIs(numberCell)}`,
          fix: (f) => /^\d{1,3},\d{3}$/.test(f)
            ? `The cell holds the number ${f} (${f.replace(',', '.')} in English notation), a fraction: Excel keeps the number itself, and a thousands separator is only how a number is shown. If ${f.replace(',', '')} was meant, type ${f.replace(',', '')} into the cell.`
            : `The cell holds the number ${f}, not a whole number: people and events are counted in whole numbers. Correct the value in the workbook.`,
        },
        {
          ...base, code: 'count-fractional', found, possibleIf: `${mapHas(spec, column, S.fractional)} AND NOT ${numberCell}`,
          where: `${DATA} AND ${status(column)} = ${S.fractional} AND NOT ${rawIs(numberCell)}`,
          fix: (f) => /^\d{1,3},\d{3}$/.test(f.trim())
            ? `In this file "," is the decimal comma (Indonesian convention), so "${f}" is not the whole number ${f.trim().replace(',', '')}. For a whole number write ${f.trim().replace(',', '.')} or ${f.trim().replace(',', '')}.`
            : `"${f}" is not a whole number: people and events are counted in whole numbers. Correct the value.`,
        },
      );
      continue;
    }
    rules.push(excelError);
    if (column.parse === 'text') {
      rules.push({
        ...base, code: 'text-formula', expected: 'text that does not begin with "=", "+", "-", "@", a tab or a carriage return',
        possibleIf: `${mapHas(spec, column, S.unresolved)} AND NOT ${EXCEL_ERROR_SQL}`,
        where: `${DATA} AND ${status(column)} = ${S.unresolved} AND NOT ${rawIs(EXCEL_ERROR_SQL)}`,
        fix: 'Spreadsheet programs run text that begins with "=", "+", "-", "@", a tab or a carriage return as a formula when they open a download (CSV injection). Remove the leading character, so the text begins with a letter (e.g. "Imigrasi, Polri").',
      });
      continue;
    }
    rules.push(
      { ...base, code: 'value-missing', possibleIf: mapHas(spec, column, S.blank), where: `${DATA} AND ${status(column)} = ${S.blank}`, fix: `Fill in "${column.rawHeaders[0]}" on every data row.` },
      {
        ...base, code: 'value-unknown', possibleIf: `${mapHas(spec, column, S.unresolved)} AND NOT ${EXCEL_ERROR_SQL}`,
        where: `${DATA} AND ${status(column)} = ${S.unresolved} AND NOT ${rawIs(EXCEL_ERROR_SQL)}`,
        fix: (f) => {
          if (column.parse === 'month' || column.parse === 'date') return whyNotAPeriod(f, column.parse) ?? `Write ${expectedValue(column)}.`;
          const guess = suggest(column, f);
          const where = column.parse === 'office' || column.parse === 'port' ? ` If it is a new ${column.parse}, add it to data/reference/${column.parse}s.csv with its source.` : '';
          return guess ? `Did you mean ${guess}? Use that spelling or code.${where}` : `Use a value from the reference list.${where}`;
        },
      },
      { ...base, code: 'value-ambiguous', possibleIf: mapHas(spec, column, S.ambiguous), where: `${DATA} AND ${status(column)} = ${S.ambiguous}`, fix: 'This spelling matches more than one entry: use the code instead.' },
    );
  }

  const period = present.find((c) => c.name === spec.periodColumn);
  if (period) {
    rules.push({
      code: 'period-out-of-range', table: spec.name, column: period,
      possibleIf: `SELECT count(*) FROM ${sqlIdent(`map_${spec.name}_${period.name}`)} WHERE status = ${S.ok} AND (date_trunc('month', value) < DATE ${sqlString(`${coverage.from}-01`)} OR date_trunc('month', value) > DATE ${sqlString(`${coverage.to}-01`)})`,
      where: `${DATA} AND ${status(period)} = ${S.ok} AND (date_trunc('month', ${value(period)}) < DATE ${sqlString(`${coverage.from}-01`)} OR date_trunc('month', ${value(period)}) > DATE ${sqlString(`${coverage.to}-01`)})`,
      expected: `a month from ${coverage.from} to ${coverage.to} (the snapshot's coverage in snapshot.json)`,
      fix: 'Remove rows outside the snapshot period, or correct the coverage in snapshot.json if the export really covers more.',
    });
  }

  const office = present.find((c) => c.parse === 'office');
  if (office && period && openedOffices.size > 0) {
    const codes = [...openedOffices.keys()].map(sqlString).join(', ');
    const opened = `(CASE CAST(${value(office)} AS VARCHAR) ${[...openedOffices].map(([code, month]) => `WHEN ${sqlString(code)} THEN DATE ${sqlString(`${month}-01`)}`).join(' ')} END)`;
    rules.push({
      code: 'office-not-yet-open', table: spec.name, column: office,
      possibleIf: `SELECT count(*) FROM ${sqlIdent(`map_${spec.name}_${office.name}`)} WHERE status = ${S.ok} AND CAST(value AS VARCHAR) IN (${codes})`,
      where: `${DATA} AND ${status(office)} = ${S.ok} AND ${status(period)} = ${S.ok} AND date_trunc('month', ${value(period)}) < ${opened}`,
      found: `concat(CAST(${value(office)} AS VARCHAR), ' in ', strftime(${value(period)}, '%Y-%m'))`,
      expected: 'a month when the office was at work (its "opened" month in data/reference/offices.csv or later)',
      fix: 'The office had not opened yet: the figure probably belongs to the office that served the area before. Correct the office, or its opened month in data/reference/offices.csv (with a source).',
    });
  }

  const region = present.find((c) => c.parse === 'region');
  if (region && period) {
    for (const split of splitProvinces) {
      rules.push({
        code: 'province-before-split', table: spec.name, column: region,
        possibleIf: `SELECT count(*) FROM ${sqlIdent(`map_${spec.name}_${region.name}`)} WHERE status = ${S.ok} AND CAST(value AS VARCHAR) = ${sqlString(split.old_code)}`,
        where: `${DATA} AND ${status(region)} = ${S.ok} AND ${status(period)} = ${S.ok} AND CAST(${value(region)} AS VARCHAR) = ${sqlString(split.old_code)} AND ${value(period)} < DATE ${sqlString(split.changed_on)}`,
        found: `concat(CAST(${value(region)} AS VARCHAR), ' in ', strftime(${value(period)}, '%Y-%m-%d'))`,
        expected: `a figure for one of today's provinces (${split.old_code} changed on ${split.changed_on})`,
        fix: `Before ${split.changed_on} the code ${split.old_code} meant ${split.old_name} (${split.source}). A province figure from then covers several of today's provinces and cannot be split among them: report it by regency (the old regency codes are read through data/reference/region-code-changes.csv), or leave those days out of the export.`,
      });
    }
  }

  const key = spec.key.filter((k) => ingested.columns.has(k));
  if (key.length === spec.key.length) {
    const keyList = key.map(sqlIdent).join(', ');
    rules.push({
      code: 'duplicate-cell', table: spec.name,
      // Two data rows hold the same cell when their packed keys (key value ranks, see
      // packed-key.ts) are equal. The cells table holds those keys sorted, so duplicates are
      // neighbours: one streaming pass compares each key with the one before. If the pass ever
      // sees a key smaller than its predecessor, the rows did not arrive in key order, and the
      // query answers NULL so the rule is counted with `where` instead.
      countQuery: `SELECT CASE WHEN bool_or(__key < previous) THEN NULL ELSE count(*) FILTER (WHERE __key = previous) END
        FROM (SELECT __key, lag(__key) OVER () AS previous FROM ${sqlIdent(`cells_${spec.name}`)})`,
      where: `${DATA} AND (${keyList}) IN (SELECT (${keyList}) FROM checked_${spec.name} WHERE ${DATA} GROUP BY ALL HAVING count(*) > 1)`,
      found: `concat_ws(' / ', ${key.map((k) => `CAST(${sqlIdent(k)} AS VARCHAR)`).join(', ')})`,
      expected: `one row per ${key.join(' × ')}`,
      fix: 'The same cell appears more than once: merge the rows into one (sum them if they are parts), or delete the copy.',
    });
  }

  if (spec.name === 'operations' && ingested.columns.has('findings') && ingested.columns.has('foreigners_checked')) {
    rules.push({
      code: 'findings-exceed-checked', table: spec.name, columnLabel: 'temuan',
      where: `${DATA} AND findings > foreigners_checked`, found: "concat(findings, ' findings > ', foreigners_checked, ' checked')",
      expected: 'violations found ≤ foreigners checked', fix: 'Correct the counts: there cannot be more findings than foreigners checked.',
    });
    rules.push({
      code: 'follow-ups-exceed-findings', table: spec.name, columnLabel: 'tindak lanjut',
      where: `${DATA} AND follow_ups > findings`, found: "concat(follow_ups, ' follow-ups > ', findings, ' findings')",
      expected: 'sanction proceedings opened ≤ violations found', fix: 'Correct the counts: proceedings follow from findings.',
    });
    rules.push({
      code: 'region-level-mismatch', table: spec.name, columnLabel: 'kode wilayah',
      where: `${DATA} AND length(replace(CAST(region_code AS VARCHAR), '.', '')) <> (CASE CAST(level AS VARCHAR) ${Object.entries(REGION_DIGITS).map(([l, d]) => `WHEN '${l}' THEN ${d}`).join(' ')} END)`,
      found: "concat(CAST(level AS VARCHAR), ' with region code ', CAST(region_code AS VARCHAR))",
      expected: 'a province code for provinsi, a regency code for kabupaten/kota, a district code for kecamatan, a village code for kelurahan/desa',
      fix: 'Use the Kemendagri code of the area at the activity\'s level.',
    });
  }
  if (spec.name === 'registry' && ingested.columns.has('region_code')) {
    rules.push({
      code: 'region-not-regency', table: spec.name, columnLabel: 'kode wilayah',
      where: `${DATA} AND length(replace(CAST(region_code AS VARCHAR), '.', '')) <> 4`, found: 'CAST(region_code AS VARCHAR)',
      expected: 'a regency/city code (e.g. 36.72)', fix: 'Report registry figures per regency/city, with its Kemendagri code.',
    });
  }
  return rules;
}
