/**
 * Checks the figures a revisions page shows against the two releases' published files, read here
 * with SQL of its own (not with src/build/revisions): every value shown for a release is the value
 * that release publishes for the figure (WITHHELD.symbol where it withholds it, 0 where it has no
 * row in a period it covers), a difference is shown only where both releases publish the figure and
 * is their difference, and a percentage is that difference over the older value. A number the page
 * shows for a withheld cell, or a difference that involves one, is reported.
 */
import { join } from 'node:path';
import type { Db } from '../../scripts/lib/duckdb.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { DISCLOSURE, WITHHELD, withheldColumn } from '../../src/schema/disclosure.ts';
import type { TableName } from '../../src/schema/tables.ts';

/** What a page shows of one figure: its id (`table|measure|view|grain|period|dim=value…`) and the texts of its values. */
export interface ShownFigure { id: string; before?: string; after?: string; change?: string; relative?: string }

/** A count or signed count as the page writes it, in its language ("1.234" / "1,234", "+12" / "−3"). */
export function parseShownNumber(text: string, locale: Locale): number {
  const sign = /^[−-]/.test(text.trim()) ? -1 : 1;
  const digits = text.trim().replace(/^[+−-]/, '').replace(locale === 'id' ? /\./g : /,/g, '').replace(',', '.').replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) throw new Error(`not a number: "${text}"`);
  return sign * Number(digits);
}

export interface FigureId { table: TableName; measure: string; view: string; grain: string; period: string; dims: [string, string][] }

export function parseFigureId(id: string): FigureId {
  const [table, measure, view, grain, period, ...dims] = id.split('|');
  return { table: table as TableName, measure: measure!, view: view!, grain: grain!, period: period!, dims: dims.map((d) => d.split('=') as [string, string]) };
}

/** A release's value of a figure: a number, WITHHELD.symbol, or 0 for no row. */
export async function publishedValue(db: Db, releaseDir: string, figure: FigureId): Promise<number | typeof WITHHELD.symbol> {
  const view = DISCLOSURE[figure.table].views.find((v) => v.name === figure.view);
  if (!view) throw new Error(`no view ${figure.view} in ${figure.table}`);
  const m = figure.measure;
  const rows = (await db.runAndReadAll(`SELECT ${m} AS v, ${withheldColumn(m)} AS w FROM '${join(releaseDir, `${figure.table}_totals.parquet`)}'
    WHERE view = '${figure.view}' AND grain = '${figure.grain}' AND period = DATE '${figure.period}' AND ${figure.dims.map(([d, v]) => `${d}::VARCHAR = '${v}'`).join(' AND ') || 'true'}
      AND (${m} IS NOT NULL OR ${withheldColumn(m)})`)).getRowObjectsJS();
  if (rows.length > 1) throw new Error(`${rows.length} rows for one figure`);
  if (rows.length === 0) return 0;
  return rows[0]!.w === true ? WITHHELD.symbol : Number(rows[0]!.v);
}

/** Every problem with the figures shown, compared with the releases (none when the page says only what they publish). */
export async function figureProblems(db: Db, beforeDir: string, afterDir: string, shown: readonly ShownFigure[], locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  for (const figure of shown) {
    const id = parseFigureId(figure.id);
    const before = await publishedValue(db, beforeDir, id);
    const after = await publishedValue(db, afterDir, id);
    const check = (side: 'before' | 'after', text: string | undefined, value: number | string) => {
      if (text === undefined) return;
      if (text === WITHHELD.symbol) { if (value !== WITHHELD.symbol) problems.push(`${figure.id}: ${side} shown withheld, published ${value}`); return; }
      if (value === WITHHELD.symbol) { problems.push(`${figure.id}: ${side} shows ${text} for a withheld cell`); return; }
      if (parseShownNumber(text, locale) !== value) problems.push(`${figure.id}: ${side} shows ${text}, published ${value}`);
    };
    check('before', figure.before, before);
    check('after', figure.after, after);
    if (figure.change !== undefined || figure.relative !== undefined) {
      if (before === WITHHELD.symbol || after === WITHHELD.symbol) { problems.push(`${figure.id}: a difference involving a withheld cell`); continue; }
      if (figure.change !== undefined && parseShownNumber(figure.change, locale) !== after - before) problems.push(`${figure.id}: difference ${figure.change}, published ${after - before}`);
      if (figure.relative !== undefined) {
        const percent = parseShownNumber(figure.relative, locale);
        const decimals = figure.relative.split(/[.,]/)[1]?.replace('%', '').length ?? 0;
        if (before === 0 || Math.abs(percent - ((after - before) / before) * 100) > 0.5 * 10 ** -decimals + 1e-9) problems.push(`${figure.id}: change ${figure.relative}, published ${before} → ${after}`);
      }
    }
  }
  return problems;
}

/**
 * How many figures both releases publish with different values (`revised`), publish then withhold
 * (`newlyWithheld`), or withhold then publish (`newlyPublished`), over the months both releases
 * cover: a half-year or year only where both cover the same months of it.
 */
export async function changedFigureCounts(db: Db, before: { dir: string; from: string; to: string }, after: { dir: string; from: string; to: string }, table: TableName): Promise<Record<'revised' | 'newlyWithheld' | 'newlyPublished', number>> {
  const counts = { revised: 0, newlyWithheld: 0, newlyPublished: 0 };
  const dims = [...new Set(DISCLOSURE[table].views.flatMap((v) => v.dims))];
  const covered = (span: { from: string; to: string }, alias: string, len: string) =>
    `list_filter(generate_series(0, ${len} - 1), i -> strftime(${alias}.period + to_months(i::INTEGER), '%Y-%m') BETWEEN '${span.from}' AND '${span.to}')`;
  const length = (alias: string) => `CASE ${alias}.grain WHEN 'month' THEN 1 WHEN 'half' THEN 6 ELSE 12 END`;
  for (const { name: m } of DISCLOSURE[table].measures) {
    const side = (dir: string) => `SELECT * FROM '${join(dir, `${table}_totals.parquet`)}' WHERE ${m} IS NOT NULL OR ${withheldColumn(m)}`;
    const rows = (await db.runAndReadAll(`WITH j AS (SELECT coalesce(x.view, y.view) AS view, coalesce(x.grain, y.grain) AS grain, coalesce(x.period, y.period) AS period,
        CASE WHEN x.view IS NULL THEN 0 WHEN x.${withheldColumn(m)} THEN NULL ELSE x.${m} END AS b, x.view IS NOT NULL AND x.${withheldColumn(m)} AS bw,
        CASE WHEN y.view IS NULL THEN 0 WHEN y.${withheldColumn(m)} THEN NULL ELSE y.${m} END AS a, y.view IS NOT NULL AND y.${withheldColumn(m)} AS aw
      FROM (${side(before.dir)}) x FULL JOIN (${side(after.dir)}) y ON x.view = y.view AND x.grain = y.grain AND x.period = y.period AND ${dims.map((d) => `x.${d} IS NOT DISTINCT FROM y.${d}`).join(' AND ')})
      SELECT count(*) FILTER (WHERE NOT bw AND NOT aw AND a <> b) AS revised, count(*) FILTER (WHERE NOT bw AND aw) AS newly_withheld, count(*) FILTER (WHERE bw AND NOT aw) AS newly_published
      FROM j p WHERE len(${covered(before, 'p', length('p'))}) > 0 AND ${covered(before, 'p', length('p'))} = ${covered(after, 'p', length('p'))}`)).getRowObjectsJS()[0]!;
    counts.revised += Number(rows.revised);
    counts.newlyWithheld += Number(rows.newly_withheld);
    counts.newlyPublished += Number(rows.newly_published);
  }
  return counts;
}
