/**
 * What changed between two published (protected) releases (pure): from the pairs of figures both
 * releases publish in the periods they both cover (read-figure-pairs.ts), the revised figures
 * ranked by absolute and by relative size, the figures newly withheld and newly published; with the
 * months each table added or dropped and the revisions the newer manifest says are held.
 *
 * Only what the two releases publish goes in: a value is a published value of one release, a change
 * is the difference of two published values of the same figure. A figure withheld in either release
 * has no change here (it is newly withheld or newly published, shown with its one published value),
 * and a figure withheld in both is not mentioned at all: nothing on the revisions page says more
 * about a withheld cell than the releases themselves (docs/disclosure-control.md, "Revisions page").
 */
import type { PeriodGrain } from '../../schema/disclosure.ts';
import type { TableName } from '../../schema/tables.ts';

/** One published figure: a cell of a `<table>_totals` view, for one measure. */
export interface FigureKey {
  table: TableName;
  measure: string;
  view: string;
  grain: PeriodGrain;
  /** First day of the period, YYYY-MM-DD. */
  period: string;
  /** The view's dimension values (codes), in the view's order. */
  dims: Readonly<Record<string, string | boolean>>;
}

/** A figure as a release publishes it: its value, or null when withheld. A cell a release has no row for, in a period it covers, is 0. */
export type PublishedValue = number | null;

/** A figure both releases could publish, where something about it differs. */
export interface FigurePair {
  key: FigureKey;
  before: PublishedValue;
  after: PublishedValue;
}

export interface FigureRevision {
  key: FigureKey;
  before: number;
  after: number;
  change: number;
  /** change / before; null when the figure was 0 before. */
  relative: number | null;
}

/** A figure one release publishes and the other withholds: its one published value. */
export interface FigureShown {
  key: FigureKey;
  value: number;
}

export interface ReleaseComparison {
  /** Snapshot dates. */
  before: string;
  after: string;
  /** Per table, the months the newer release publishes and the older did not (YYYY-MM). */
  newMonths: Partial<Record<TableName, string[]>>;
  /** Per table, the months the older release published and the newer does not. */
  droppedMonths: Partial<Record<TableName, string[]>>;
  /** Every revised figure (published by both, values differ), largest absolute change first. */
  revised: FigureRevision[];
  /** The revised figures that were not 0 before, largest relative change first. */
  revisedByRelative: FigureRevision[];
  /** Published before, withheld now: the old value, largest first. */
  newlyWithheld: FigureShown[];
  /** Withheld before, published now: the new value, largest first. */
  newlyPublished: FigureShown[];
  /** Per table, the months the newer manifest says revise a published month and wait (held). */
  held: Partial<Record<TableName, string[]>>;
}

/** A stable text of a figure's key: the same figure gives the same text in every release. */
export const figureId = (key: FigureKey): string =>
  [key.table, key.measure, key.view, key.grain, key.period, ...Object.entries(key.dims).map(([d, v]) => `${d}=${String(v)}`)].join('|');

const byKey = (a: { key: FigureKey }, b: { key: FigureKey }) => (figureId(a.key) < figureId(b.key) ? -1 : figureId(a.key) > figureId(b.key) ? 1 : 0);

/** The revised, newly withheld and newly published figures among pairs, each ranked. */
export function classifyPairs(pairs: readonly FigurePair[]): Pick<ReleaseComparison, 'revised' | 'revisedByRelative' | 'newlyWithheld' | 'newlyPublished'> {
  const revised: FigureRevision[] = [];
  const newlyWithheld: FigureShown[] = [];
  const newlyPublished: FigureShown[] = [];
  for (const { key, before, after } of pairs) {
    if (before !== null && after !== null) {
      if (before !== after) revised.push({ key, before, after, change: after - before, relative: before === 0 ? null : (after - before) / before });
    } else if (before !== null) newlyWithheld.push({ key, value: before });
    else if (after !== null) newlyPublished.push({ key, value: after });
  }
  const largest = (a: FigureShown, b: FigureShown) => b.value - a.value || byKey(a, b);
  return {
    revised: revised.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || byKey(a, b)),
    revisedByRelative: revised.filter((r) => r.relative !== null).sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!) || byKey(a, b)),
    newlyWithheld: newlyWithheld.sort(largest),
    newlyPublished: newlyPublished.sort(largest),
  };
}

/** Months per table with at least one month, for the tables given. */
const nonEmpty = (entries: [TableName, string[]][]): Partial<Record<TableName, string[]>> => Object.fromEntries(entries.filter(([, m]) => m.length > 0));

export interface ComparisonInput {
  before: string;
  after: string;
  pairs: readonly FigurePair[];
  newMonths: Partial<Record<TableName, string[]>>;
  droppedMonths: Partial<Record<TableName, string[]>>;
  /** The newer manifest's `revisions` (absent when it records none). */
  revisions?: Partial<Record<TableName, { held: string[]; revised: string[] }>>;
}

/** The comparison of two releases from what they publish. */
export function compareReleases(input: ComparisonInput): ReleaseComparison {
  return {
    before: input.before,
    after: input.after,
    newMonths: nonEmpty(Object.entries(input.newMonths) as [TableName, string[]][]),
    droppedMonths: nonEmpty(Object.entries(input.droppedMonths) as [TableName, string[]][]),
    ...classifyPairs(input.pairs),
    held: nonEmpty(Object.entries(input.revisions ?? {}).map(([t, r]) => [t as TableName, [...r!.held].sort()])),
  };
}
