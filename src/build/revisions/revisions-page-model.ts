/**
 * The revisions page of one release, as text in parts (pure): plain sentences first, then the
 * tables. Every number is a published value of one of the two releases or the difference of two
 * published values of the same figure, formatted for the page's language (1.234.567; +0,2%), and
 * carries what it is in the markup (RevisionParts.astro), so a reader of the built page (and the
 * attacker test) can tell each number's figure and release. A withheld value is WITHHELD.symbol.
 */
import { explorerText } from '../../i18n/explorer.ts';
import { formatChange, formatCount, formatMonthYear } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { revisionsText } from '../../i18n/revisions.ts';
import { WITHHELD } from '../../schema/disclosure.ts';
import type { TableName } from '../../schema/tables.ts';
import { figureId, type FigureKey, type FigureRevision, type FigureShown, type PublishedValue } from './compare-releases.ts';
import type { DimensionLabel } from './figure-labels.ts';
import type { NewMonthFigure, ReleaseRevisions } from './read-figure-pairs.ts';

/** A date or period (datetime YYYY-MM or YYYY-MM-DD), a dimension's name, a count of figures, or a figure. */
export type Part =
  | string
  | { time: string; text: string }
  | { label: string }
  | { count: 'revised' | 'newlyWithheld' | 'newlyPublished'; value: number; text: string }
  | { figure: FigureMention };

/** A figure named with its values: the old and new published value, the difference and change where both are published. */
export interface FigureMention {
  id: string;
  subject: string;
  period: Part;
  breakdown: Part[];
  before?: string;
  after?: string;
  change?: string;
  relative?: string;
}

export interface FigureTable {
  id: string;
  heading: string;
  columns: ('before' | 'after' | 'change' | 'relative')[];
  rows: FigureMention[];
  total: number;
}

export interface RevisionsPageModel {
  sentences: Part[][];
  tables: FigureTable[];
}

/** Rows of each table on the page; the sentences give the total. */
export const TABLE_ROWS = 20;

const shown = (value: PublishedValue, locale: Locale) => (value === null ? WITHHELD.symbol : formatCount(value, locale));
const signed = (n: number, locale: Locale) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatCount(Math.abs(n), locale)}`;

/** A change as a percentage: one decimal, two where one would read as no change. */
export function relativeText(ratio: number, locale: Locale): string {
  return Math.abs(ratio) < 0.0005 ? formatChange(ratio, locale, 2) : formatChange(ratio, locale, 1);
}

function periodPart(key: FigureKey, locale: Locale): Part {
  const year = key.period.slice(0, 4);
  const month = key.period.slice(0, 7);
  const text = key.grain === 'month' ? formatMonthYear(month, locale) : key.grain === 'half' ? explorerText(locale).half(year, key.period.slice(5, 7) === '01' ? 1 : 2) : year;
  return { time: key.grain === 'year' ? year : month, text };
}

function mention(key: FigureKey, labels: DimensionLabel, locale: Locale, values: Pick<FigureMention, 'before' | 'after' | 'change' | 'relative'>): FigureMention {
  const t = revisionsText(locale);
  const dims = Object.entries(key.dims);
  const breakdown: Part[] = dims.length === 0 ? [t.national] : dims.flatMap(([d, v], i) => [...(i > 0 ? [', '] : []), { label: labels(d, v, locale) }]);
  return { id: figureId(key), subject: t.subjects[key.table][key.measure] ?? key.measure, period: periodPart(key, locale), breakdown, ...values };
}

const revisionMention = (r: FigureRevision, labels: DimensionLabel, locale: Locale) =>
  mention(r.key, labels, locale, { before: shown(r.before, locale), after: shown(r.after, locale), change: signed(r.change, locale), ...(r.relative === null ? {} : { relative: relativeText(r.relative, locale) }) });
const withheldMention = (f: FigureShown, labels: DimensionLabel, locale: Locale) => mention(f.key, labels, locale, { before: shown(f.value, locale), after: WITHHELD.symbol });
const publishedMention = (f: FigureShown, labels: DimensionLabel, locale: Locale) => mention(f.key, labels, locale, { before: WITHHELD.symbol, after: shown(f.value, locale) });
const newMonthMention = (f: NewMonthFigure, labels: DimensionLabel, locale: Locale) => mention(f.key, labels, locale, { after: shown(f.value, locale) });

/** "Juni 2025 (kedatangan, sanksi), Juli 2025 (registri)": tables grouped by the months they add. */
function monthsByTable(months: Partial<Record<TableName, string[]>>, locale: Locale): Part[] {
  const t = revisionsText(locale);
  const groups = new Map<string, TableName[]>();
  for (const [table, list] of Object.entries(months) as [TableName, string[]][]) {
    const key = list.join(',');
    groups.set(key, [...(groups.get(key) ?? []), table]);
  }
  const parts: Part[] = [];
  [...groups].forEach(([list, tables], g) => {
    if (g > 0) parts.push('; ');
    list.split(',').forEach((m, i) => parts.push(...(i > 0 ? [', '] : []), { time: m, text: formatMonthYear(m, locale) }));
    parts.push(` (${tables.map((x) => t.tableNames[x]).join(', ')})`);
  });
  return parts;
}

/** The page's sentences and tables, in one language. */
export function revisionsPageModel(revisions: ReleaseRevisions, labels: DimensionLabel, locale: Locale): RevisionsPageModel {
  const t = revisionsText(locale);
  const sentences: Part[][] = [];
  sentences.push(Object.keys(revisions.newMonths).length > 0 ? [`${t.newMonths}: `, ...monthsByTable(revisions.newMonths, locale), '.'] : [t.noNewMonths]);
  const counted = (kind: 'revised' | 'newlyWithheld' | 'newlyPublished', list: readonly unknown[], first: FigureMention | undefined): Part[] => {
    const text = t[kind];
    if (!first) return [text.none];
    return [text.some[0], { count: kind, value: list.length, text: formatCount(list.length, locale) }, text.some[1], { figure: first }, '.'];
  };
  sentences.push(counted('revised', revisions.revised, revisions.revised[0] && revisionMention(revisions.revised[0], labels, locale)));
  sentences.push(counted('newlyWithheld', revisions.newlyWithheld, revisions.newlyWithheld[0] && withheldMention(revisions.newlyWithheld[0], labels, locale)));
  sentences.push(counted('newlyPublished', revisions.newlyPublished, revisions.newlyPublished[0] && publishedMention(revisions.newlyPublished[0], labels, locale)));
  sentences.push(Object.keys(revisions.held).length > 0 ? [`${t.held.some}: `, ...monthsByTable(revisions.held, locale), `: ${t.held.why}`] : [t.held.none]);
  if (Object.keys(revisions.droppedMonths).length > 0) sentences.push([`${t.dropped}: `, ...monthsByTable(revisions.droppedMonths, locale), '.']);

  const table = (id: string, heading: string, columns: FigureTable['columns'], rows: FigureMention[], total: number): FigureTable => ({ id, heading, columns, rows, total });
  return {
    sentences,
    tables: [
      table('revisi-selisih', t.tables.byChange, ['before', 'after', 'change', 'relative'], revisions.revised.slice(0, TABLE_ROWS).map((r) => revisionMention(r, labels, locale)), revisions.revised.length),
      table('revisi-persen', t.tables.byRelative, ['before', 'after', 'change', 'relative'], revisions.revisedByRelative.slice(0, TABLE_ROWS).map((r) => revisionMention(r, labels, locale)), revisions.revisedByRelative.length),
      table('kini-dirahasiakan', t.tables.newlyWithheld, ['before', 'after'], revisions.newlyWithheld.slice(0, TABLE_ROWS).map((f) => withheldMention(f, labels, locale)), revisions.newlyWithheld.length),
      table('kini-terbit', t.tables.newlyPublished, ['before', 'after'], revisions.newlyPublished.slice(0, TABLE_ROWS).map((f) => publishedMention(f, labels, locale)), revisions.newlyPublished.length),
      table('bulan-baru', t.tables.newMonths, ['after'], revisions.newMonthFigures.map((f) => newMonthMention(f, labels, locale)), revisions.newMonthFigures.length),
    ],
  };
}
