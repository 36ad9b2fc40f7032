/**
 * The explorer's result: totals rows (from src/explorer/totals-query.ts) reshaped into a table a person
 * reads — breakdown values down, periods across — and into a CSV a machine reads. Runs at build
 * time (the static default table) and in the browser (after each query), so both render through
 * the same function and the page does not shift when scripts take over.
 *
 * Arquero does the reshaping: `pivot` turns one row per (breakdown, period) cell into one row per
 * breakdown value with a column per period, and `toCSV` writes the download.
 */
import { from } from 'arquero';
import { explorerText } from '../i18n/explorer.ts';
import { formatCount, formatMonthShort, monthName } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales.ts';
import { GRAIN_MONTHS, WITHHELD, withheldColumn, type PeriodGrain } from '../schema/disclosure.ts';
import { ACTION_GROUPS, ENUMS, enumOfColumn } from '../schema/tables.ts';
import { neutraliseFormula } from '../schema/spreadsheet-formula.ts';
import type { TotalsPlan } from './totals-query.ts';

export type TotalsRow = Record<string, string | number | boolean | null>;

export interface ExplorerCell {
  value: number | null;
  withheld: boolean;
}

export interface ExplorerModel {
  caption: string;
  /** Headers of the row-label columns (one per breakdown dimension, or "Year"). */
  rowHeaders: string[];
  columns: { key: string; label: string }[];
  rows: { key: string; headers: string[]; cells: (ExplorerCell | null)[] }[];
  /** Rows before the display limit. */
  totalRows: number;
  hasWithheld: boolean;
  hasMissing: boolean;
}

/** A dimension value's label: reference name from the query, code list label, or the code. */
export function dimLabel(dim: string, row: TotalsRow, plan: TotalsPlan, locale: Locale): string {
  const code = row[dim];
  if (dim === 'is_tak') return explorerText(locale).isTak[code ? 'true' : 'false'];
  const label = plan.labels[dim] ? row[plan.labels[dim]] : null;
  if (typeof label === 'string' && label) return label;
  const codeList = enumOfColumn(dim);
  const list = dim === 'action_group' ? ACTION_GROUPS : codeList ? (ENUMS[codeList] as readonly { code: string; id: string; en: string }[]) : null;
  const item = list?.find((entry) => entry.code === code);
  return item ? item[locale] : String(code ?? '–');
}

/**
 * Label of a period (first day 'YYYY-MM-DD') at a grain: "Jan 2024", "Semester I 2024", "2024".
 * A year or half-year that the coverage ends inside says so — "2025 (Jan–Sep)" — so a partial
 * total is not read as a whole one.
 */
export function periodLabel(period: string, grain: PeriodGrain, locale: Locale, coverageTo?: string): string {
  const year = period.slice(0, 4);
  const label = grain === 'year' ? year : grain === 'half' ? explorerText(locale).half(year, period.slice(5, 7) === '01' ? 1 : 2) : formatMonthShort(period, locale);
  if (!coverageTo || grain === 'month') return label;
  const first = Number(period.slice(5, 7));
  const last = `${year}-${String(first + GRAIN_MONTHS[grain] - 1).padStart(2, '0')}`;
  if (coverageTo >= last || coverageTo < period.slice(0, 7)) return label;
  const month = (m: string) => monthName(Number(m.slice(5, 7)), locale, 'short');
  return `${label} (${month(period.slice(0, 7))}–${month(coverageTo)})`;
}

/** Rows shown on the page; the CSV has them all. */
export const DISPLAY_LIMIT = 100;

/**
 * The pivoted table. The national total at month grain reads as a calendar (years down, months
 * across); any breakdown reads with its values down and the periods across, largest last period
 * first.
 */
export function explorerModel(
  rows: readonly TotalsRow[],
  plan: TotalsPlan,
  measure: string,
  locale: Locale,
  tableTitle: string,
  measureTitle: string,
  /** Last month of the publication (YYYY-MM): marks a year or half-year still partial. */
  coverageTo?: string,
): ExplorerModel {
  const text = explorerText(locale);
  const dims = plan.view.dims;
  const calendar = dims.length === 0 && plan.grain === 'month';
  const withheld = withheldColumn(measure);
  const headersOf = new Map<string, string[]>();
  const rowKey = (row: TotalsRow) => (calendar ? String(row.period).slice(0, 4) : dims.map((d) => String(row[d])).join('\u0001'));
  for (const row of rows) {
    const key = rowKey(row);
    if (!headersOf.has(key)) headersOf.set(key, calendar ? [key] : dims.length === 0 ? [text.viewTotal] : dims.map((d) => dimLabel(d, row, plan, locale)));
  }
  const cells = from(rows.map((row) => ({
    row: rowKey(row),
    column: calendar ? String(row.period).slice(5, 7) : String(row.period),
    cell: { value: row[withheld] ? null : (row[measure] as number | null), withheld: row[withheld] === true } satisfies ExplorerCell,
  })));
  const wide = rows.length === 0 ? null : cells.groupby('row').pivot('column', 'cell');
  const columnKeys = wide ? wide.columnNames().filter((name) => name !== 'row').sort() : [];
  const last = columnKeys.at(-1);
  const objects = (wide?.objects() ?? []) as Record<string, unknown>[];
  const lastValue = (object: Record<string, unknown>) => (last ? (object[last] as ExplorerCell | undefined)?.value ?? -1 : -1);
  objects.sort(calendar
    ? (a, b) => String(a.row).localeCompare(String(b.row))
    : (a, b) => lastValue(b) - lastValue(a) || String(a.row).localeCompare(String(b.row)));
  const modelRows = objects.map((object) => ({
    key: String(object.row),
    headers: headersOf.get(String(object.row)) ?? [String(object.row)],
    cells: columnKeys.map((key) => (object[key] as ExplorerCell | undefined) ?? null),
  }));
  const viewName = dims.length === 0 ? text.viewTotal : dims.map((d) => text.dims[d] ?? d).join(' × ');
  return {
    caption: text.caption(tableTitle, measureTitle, viewName),
    rowHeaders: calendar ? [text.year] : dims.length === 0 ? [text.view] : dims.map((d) => text.dims[d] ?? d),
    columns: columnKeys.map((key) => ({
      key,
      label: calendar ? monthName(Number(key), locale, 'short') : periodLabel(key, plan.grain, locale, coverageTo),
    })),
    rows: modelRows.slice(0, DISPLAY_LIMIT),
    totalRows: modelRows.length,
    hasWithheld: modelRows.some((row) => row.cells.some((cell) => cell?.withheld)),
    hasMissing: modelRows.some((row) => row.cells.some((cell) => cell === null)),
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The model as an HTML table (a string, so the build and the browser produce the same markup). */
export function explorerTableHtml(model: ExplorerModel, locale: Locale): string {
  const text = explorerText(locale);
  const cell = (c: ExplorerCell | null) => {
    if (c === null) return '<td class="num" data-missing>–</td>';
    if (c.withheld) return `<td class="num" data-withheld>${escapeHtml(WITHHELD.symbol)}</td>`;
    return `<td class="num" data-value="${c.value ?? ''}">${c.value === null ? '–' : formatCount(c.value, locale)}</td>`;
  };
  const head = `<tr>${model.rowHeaders.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}${model.columns.map((c) => `<th scope="col" class="num" data-column="${escapeHtml(c.key)}">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
  const body = model.rows
    .map((row) => `<tr data-row="${escapeHtml(row.key)}">${row.headers.map((h) => `<th scope="row">${escapeHtml(h)}</th>`).join('')}${row.cells.map(cell).join('')}</tr>`)
    .join('');
  const notes = [
    model.totalRows > model.rows.length ? `<p>${escapeHtml(text.rowsShown(formatCount(model.rows.length, locale), formatCount(model.totalRows, locale)))}</p>` : '',
    model.hasWithheld ? `<p id="explorer-withheld" data-withheld-note>${escapeHtml(text.withheldNote)}</p>` : '',
    model.hasMissing ? `<p>${escapeHtml(text.noRecord)}</p>` : '',
  ].join('');
  if (model.rows.length === 0) return `<p data-empty>${escapeHtml(text.empty)}</p>`;
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(model.caption)}"><table class="data-table explorer-table"><caption>${escapeHtml(model.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>${notes ? `<div class="table-notes">${notes}</div>` : ''}`;
}

/**
 * The query result as CSV: one row per published cell (tidy), codes and their labels, the measure
 * in machine format (no thousands separator) and its withheld flag; a withheld count is empty.
 * Starts with a UTF-8 byte order mark so spreadsheet programs read the names correctly. Text
 * that a spreadsheet would run as a formula is written with a leading apostrophe.
 */
export function explorerCsv(rows: readonly TotalsRow[], plan: TotalsPlan, measure: string, locale: Locale): string {
  const withheld = withheldColumn(measure);
  const dims = plan.view.dims;
  const text = (value: string | number | boolean | null | undefined) => (typeof value === 'string' ? neutraliseFormula(value) : value ?? null);
  const table = from(
    rows.map((row) => {
      const out: Record<string, string | number | boolean | null> = { period: row.period ?? null, grain: plan.grain };
      for (const dim of dims) {
        out[dim] = text(row[dim]);
        out[`${dim}_label`] = text(dimLabel(dim, row, plan, locale));
      }
      out[measure] = row[withheld] ? null : row[measure] ?? null;
      out[withheld] = row[withheld] === true;
      return out;
    }),
  );
  return `\uFEFF${table.toCSV()}`;
}
