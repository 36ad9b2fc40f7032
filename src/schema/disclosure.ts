/**
 * Disclosure control configuration, declared once: which counts are protected (k per measure) and
 * which totals ("views") are published beside each fact table for the site.
 *
 * The site never sums protected cells in the browser to make a total: every total it shows comes
 * from `<table>_totals.parquet`, one row per cell of every view below, at every period grain. A
 * view is a GROUP BY of the fact table over `dims` (plus the period). The views of a table and the
 * table itself are linked by sums (a province's total is the sum of its ports' totals; a year is the
 * sum of its halves and months), and disclosure control protects them together.
 *
 * Both the pipeline (scripts/aggregate, scripts/anonymise) and the site (src/charts) import this.
 */
import type { CountUnit, TableName } from './table-name.ts';

/** Periods a total is published for. `period` holds the first day of the month, half-year or year. */
export const PERIOD_GRAINS = ['month', 'half', 'year'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/** How many months one period of each grain spans. */
export const GRAIN_MONTHS: Readonly<Record<PeriodGrain, number>> = { month: 1, half: 6, year: 12 };

export interface ProtectedMeasure {
  /** Column in the fact table (or `activities`, the number of rows, for operations). */
  name: string;
  /**
   * Counts from 1 to k − 1 are withheld. null: published exactly (events such as meetings are not
   * people). Zeros are always shown.
   */
  k: number | null;
  unit: CountUnit;
  /**
   * Whether the public detail rows carry this measure, where it differs from the table's
   * `publicDetail` (operations publish each activity, but not the persons it checked). Where they
   * do not, the detail rows hold null with a null flag: not published, which is not "withheld".
   */
  inPublicDetail?: boolean;
  /**
   * A measure this one never exceeds in the same cell (findings ≤ foreigners checked: a rule the
   * validation enforces, so anyone can rely on it). A published value of one bounds a withheld
   * value of the other, so measures tied this way are audited together (disclosure-control.ts).
   * Tied measures must share one design.
   */
  atMost?: string;
}

export interface TotalsView {
  /** Stable name used in `<table>_totals.parquet`'s `view` column, e.g. "province_code+nationality". */
  name: string;
  /** Dimension columns of the view, in the fact table's column order; [] is the national total. */
  dims: readonly string[];
  /** Period grains the view is published at (all three unless a table's design says otherwise). */
  grains: readonly PeriodGrain[];
  /**
   * Grains per measure where a measure is published at fewer of them than the view ([] for none):
   * operations publish activities in every view, but the persons they counted only in the
   * national total. Elsewhere the measure is null with a null flag: not published.
   */
  measureGrains?: Readonly<Record<string, readonly PeriodGrain[]>>;
}

export interface DisclosureRule {
  measures: readonly ProtectedMeasure[];
  /**
   * Hierarchies the site can show: a child dimension whose values sum into a parent
   * (port → province). Views may use either level; the relation links them.
   */
  hierarchies: readonly { child: string; parent: string }[];
  views: readonly TotalsView[];
  /**
   * Whether the public build publishes the detail rows (`<table>.parquet`) beside the views. When
   * false, the views are the whole public release: the cells of the views nothing finer refines
   * ("atoms") are what an attacker solves for, and the views must be designed so that any total two
   * of those atom views share is never withheld (docs/disclosure-control.md, "Table design").
   * Internal builds always publish the detail rows.
   */
  publicDetail: boolean;
  /**
   * A design per value of one dimension, where quantities that share a table need different ones
   * (registry: mixed marriages are a flow of small counts, foreign residents a stock counted at a
   * date). Every view must break down by `column`, so the cells of two values never add up into
   * one: each value's cells are protected as a table of their own (scripts/anonymise/protect-table.ts)
   * and published only at the grains its design lists. Values not listed are not published.
   */
  partition?: DisclosurePartition;
}

export interface DisclosurePartition {
  column: string;
  designs: Readonly<Record<string, PartitionDesign>>;
}

export interface PartitionDesign {
  /** The grains each view is published at for this value; a view not listed is not published for it. */
  grains: Readonly<Record<string, readonly PeriodGrain[]>>;
  /** Whether this value's detail rows are published (with the table's `publicDetail`). */
  publicDetail: boolean;
  /** Why the design is what it is: docs/disclosure-control.md shows it. */
  reason: string;
}

const view = (...dims: string[]): TotalsView => ({ name: dims.length === 0 ? 'total' : dims.join('+'), dims, grains: PERIOD_GRAINS });

/** The same views, published only at these grains. */
const at = (grains: readonly PeriodGrain[], views: readonly TotalsView[]): TotalsView[] => views.map((v) => ({ ...v, grains }));

/** The grains a view publishes a measure at (without a measure: the grains its rows exist at). */
export const grainsOf = (view: TotalsView, measure?: string): readonly PeriodGrain[] => (measure === undefined ? undefined : view.measureGrains?.[measure]) ?? view.grains;

/** Whether a view is published at a grain (for a measure, when given). */
export const publishesGrain = (view: TotalsView, grain: PeriodGrain, measure?: string): boolean => grainsOf(view, measure).includes(grain);

/**
 * What the public build publishes of one measure, and so what its disclosure control protects:
 * the views (each at the grains it carries the measure), the hierarchies, and whether the detail
 * rows carry it.
 */
export interface DisclosureDesign {
  views: readonly TotalsView[];
  hierarchies: DisclosureRule['hierarchies'];
  publicDetail: boolean;
}

export function measureDesign(table: TableName, measure: string, partitionValue?: string): DisclosureDesign {
  const rule = DISCLOSURE[table];
  const spec = rule.measures.find((m) => m.name === measure);
  if (!spec) throw new Error(`${table} has no measure ${measure}`);
  const part = partitionValue === undefined ? undefined : rule.partition?.designs[partitionValue];
  if (partitionValue !== undefined && !part) throw new Error(`${table} has no design for ${rule.partition?.column ?? 'a partition'} = ${partitionValue}`);
  const grains = (v: TotalsView) => (part ? grainsOf(v, measure).filter((g) => part.grains[v.name]?.includes(g)) : grainsOf(v, measure));
  return {
    views: rule.views.map((v) => ({ name: v.name, dims: v.dims, grains: grains(v) })).filter((v) => v.grains.length > 0),
    hierarchies: rule.hierarchies,
    publicDetail: (spec.inPublicDetail ?? rule.publicDetail) && (part?.publicDetail ?? true),
  };
}

/** The values a partitioned table's designs are for (none for a table with one design). */
export const partitionValues = (table: TableName): string[] => Object.keys(DISCLOSURE[table].partition?.designs ?? {});

/**
 * SQL condition over a totals row (alias): the cell is one the public design publishes at its
 * grain, for a partitioned table by its partition's design (`true` for a table with one design:
 * its totals hold only the grains each view is published at).
 */
export function partitionGrainsSql(table: TableName, alias: string, quote: (text: string) => string): string {
  const partition = DISCLOSURE[table].partition;
  if (!partition) return 'true';
  const col = `${alias}.${partition.column}`;
  const cases = Object.entries(partition.designs).map(([value, design]) => {
    const cells = Object.entries(design.grains).filter(([, g]) => g.length > 0).map(([name, g]) => `(${alias}.view::VARCHAR = ${quote(name)} AND ${alias}.grain::VARCHAR IN (${g.map(quote).join(', ')}))`);
    return `(${col}::VARCHAR = ${quote(value)} AND ${cells.length > 0 ? `(${cells.join(' OR ')})` : 'false'})`;
  });
  return `(${cases.join(' OR ')})`;
}

/** Every subset of `dims` (including none), each with `extra` first: the filters × breakdowns a page offers. */
function subsetViews(dims: readonly string[], extra: readonly string[] = []): TotalsView[] {
  const out: TotalsView[] = [];
  for (let mask = 0; mask < 1 << dims.length; mask += 1) {
    out.push(view(...extra, ...dims.filter((_, i) => mask & (1 << i))));
  }
  return out;
}

/** Operations' counts of persons (the rest of its measures count activities). */
const OPERATION_PERSON_MEASURES = ['foreigners_checked', 'findings', 'follow_ups'] as const;

/**
 * The grains operations publish person counts at, per view; views not listed have none: national
 * figures only. Any breakdown would be a second table beside the monthly one, and the activity
 * rows, which are published, tie such tables together: a month whose operations were all held by
 * one office, or were all joint operations, gives that office's or that kind's persons away
 * through the monthly total. By kind of activity and month alone (one table) was tried too: most
 * kinds other than joint operations count 1 to 9 persons a month, and protecting them withheld
 * 4 of 33 national monthly follow-up totals. docs/disclosure-control.md, "Table design".
 */
const PERSON_GRAINS: Readonly<Record<string, readonly PeriodGrain[]>> = {
  total: PERIOD_GRAINS,
};

const withPersonGrains = (v: TotalsView): TotalsView => ({
  ...v,
  measureGrains: Object.fromEntries(OPERATION_PERSON_MEASURES.map((m) => [m, PERSON_GRAINS[v.name] ?? []])),
});

/** The name of a measure's withheld flag column, e.g. `count_withheld`. */
export const withheldColumn = (measure: string): string => `${measure}_withheld`;

/**
 * How every withheld cell is marked, on every page, chart, tooltip, map tile and table, in both
 * languages: "[c]", confidential, as the Office for National Statistics marks it, explained in a
 * footnote. The mark states no range. Counts 1..k−1 are withheld, but so are cells of any size that
 * would let one be worked out, and cells the previous release withheld: "<10" was false for those,
 * and beside the manifest's counts it narrowed what they could be. What a reader may conclude is
 * what the attacker tests assume too: a withheld cell is at least `least` (zeros are always shown).
 * The CSV downloads leave a withheld value empty and set its `<measure>_withheld` flag.
 */
export const WITHHELD = {
  symbol: '[c]',
  meaning: {
    id: 'dirahasiakan: angka ini tidak dipublikasikan agar tidak ada orang yang dapat dikenali; angka nol selalu ditampilkan',
    en: 'confidential: this figure is not published so that nobody can be singled out; zeros are always shown',
  },
  least: 1,
} as const;

/** k of a measure (counts 1..k−1 are withheld), or null when it is published exactly. */
export const thresholdOf = (table: TableName, measure: string): number | null => DISCLOSURE[table].measures.find((m) => m.name === measure)?.k ?? null;

export const DISCLOSURE: Record<TableName, DisclosureRule> = {
  arrivals: {
    publicDetail: true,
    measures: [{ name: 'count', k: 5, unit: 'events' }],
    hierarchies: [{ child: 'port_code', parent: 'province_code' }],
    views: [
      // filters province × nationality × visa category, any combination, for every chart
      ...subsetViews(['province_code', 'nationality', 'visa_category']),
      // ports of entry, filtered by nationality and visa category
      ...subsetViews(['nationality', 'visa_category'], ['port_code']),
      view('sex'),
    ],
  },
  sanctions: {
    // Persons sanctioned are few per office, nationality and month: 98 % of the detail cells are
    // 1..9, and so are most cells of any breakdown by month. Suppressing such cells only withholds
    // nearly everything, so the public design is coarser, as τ-Argus users redesign sparse tables
    // before suppressing them: national figures by month, half-year and year; breakdowns by
    // half-year (the semester the releases quote) and, for nationalities, by year; by action
    // group (the rare actions together as "other TAK"); and no detail rows. Two tables carry every
    // breakdown, nationality × action group and office × action group; they meet only in the
    // national per-group totals, which are large and never withheld. Offices and provinces by
    // year as well would tie each half-year to the other through the year cells, and small cells
    // in either would withhold both: on the sample that withheld every office's TAK total, the
    // ranking leaders quote.
    publicDetail: false,
    measures: [{ name: 'count', k: 10, unit: 'persons' }],
    hierarchies: [
      { child: 'office_code', parent: 'province_code' },
      { child: 'action', parent: 'action_group' },
      { child: 'action_group', parent: 'is_tak' },
      { child: 'action', parent: 'is_tak' },
    ],
    views: [
      view(),
      view('is_tak'),
      view('action_group'),
      view('action'),
      view('violation'),
      // No breakdown of all actions together: TAK and detention are different things, and a
      // total of both beside the TAK total would give detention by subtraction, so small
      // detention counts would withhold the TAK totals leaders quote (the office ranking).
      ...at(['half'], [
        view('province_code', 'is_tak'),
        view('province_code', 'action_group'),
        view('office_code', 'is_tak'),
        view('office_code', 'action_group'),
      ]),
      ...at(['half', 'year'], [view('nationality', 'is_tak'), view('nationality', 'action_group')]),
    ],
  },
  operations: {
    // Activities are events, published exactly: each activity as a detail row, every view by
    // month. The persons they counted (checked, found in violation, proceedings opened) are few
    // per activity and per office and month: a joint operation finds 0 to 5 violators. Withholding
    // those cells withheld most national monthly totals through their complements, so person counts
    // are published as national figures by month, half-year and year (PERSON_GRAINS), and not in
    // the detail rows.
    publicDetail: true,
    measures: [
      { name: 'activities', k: null, unit: 'events' },
      { name: 'foreigners_checked', k: 10, unit: 'persons', inPublicDetail: false },
      { name: 'findings', k: 10, unit: 'persons', inPublicDetail: false, atMost: 'foreigners_checked' },
      { name: 'follow_ups', k: 10, unit: 'persons', inPublicDetail: false, atMost: 'findings' },
    ],
    // No office → province hierarchy here: an activity's province is the area it took place in, and
    // some offices organise activities in more than one province (Kanwil Papua in 91 and 93).
    hierarchies: [],
    views: [...subsetViews(['province_code', 'level', 'activity']), view('office_code'), view('office_code', 'activity')].map(withPersonGrains),
  },
  registry: {
    publicDetail: true,
    measures: [{ name: 'count', k: 10, unit: 'persons' }],
    hierarchies: [{ child: 'region_code', parent: 'province_code' }],
    views: [view('metric', 'source_agency'), view('province_code', 'metric', 'source_agency'), view('region_code', 'metric', 'source_agency')],
    partition: {
      column: 'metric',
      designs: {
        // A flow of small counts: a regency registers a handful of mixed marriages a month, so by
        // regency and month nearly every cell is 1..9, and protecting them withheld national monthly
        // figures too. Published nationally by month; by province and regency/city by half-year and
        // year (the regency cells are the unknowns an attacker solves for, the national months a
        // second table, and the two meet only in the national half-years and years, far above k).
        // Not by province per month: province months and regency half-years would be two tables
        // meeting in the province half-years, which are small in most provinces, and a small total
        // two tables share cannot be protected (docs/disclosure-control.md, "Limits").
        mixed_marriages: {
          publicDetail: false,
          grains: { 'metric+source_agency': ['month', 'half', 'year'], 'province_code+metric+source_agency': ['half', 'year'], 'region_code+metric+source_agency': ['half', 'year'] },
          reason: 'A flow of small counts: nationally by month; by province and regency/city by half-year and year.',
        },
        // A stock counted at a date (end of June and of December): by regency/city at each date,
        // never added over months.
        foreign_residents: {
          publicDetail: true,
          grains: { 'metric+source_agency': ['month'], 'province_code+metric+source_agency': ['month'], 'region_code+metric+source_agency': ['month'] },
          reason: 'A stock at the end of June and of December: by regency/city at each date, months only.',
        },
      },
    },
  },
};

/** Measures protected in the detail rows too (k set, and a column of the fact table): each gets a `<measure>_withheld` column there. */
export function protectedDetailMeasures(table: TableName, rawColumns: readonly { name: string }[]): ProtectedMeasure[] {
  return DISCLOSURE[table].measures.filter((m) => m.k !== null && rawColumns.some((c) => c.name === m.name));
}

/** Every dimension column used by some view of a table, in first-use order. */
export function totalsDimensions(table: TableName): string[] {
  return [...new Set(DISCLOSURE[table].views.flatMap((v) => v.dims))];
}

/** File name of a table's published totals. */
export const totalsTableName = (table: TableName): string => `${table}_totals`;
