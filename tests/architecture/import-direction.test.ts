/**
 * Imports go the way docs/architecture.md ("What each folder may import") says: a folder imports
 * only the folders and packages its rule lists, so browser code never pulls in build-only code,
 * src/schema stays importable by everything, and the pipeline reaches the site only through
 * src/schema and src/shared. The rule table below is the one place to change the rules; the
 * checker is tested on a made-up graph first, so a rule that cannot fail would show.
 *
 * The pipeline's stages import downward (ingest → validate → aggregate → anonymise → publish, with
 * scripts/reference and scripts/lib below all), and no files in scripts/ import each other in a
 * cycle, of two files or more (so within a stage, too, every arrow points one way).
 */
import { describe, expect, test } from 'vitest';
import { codeFiles, importEdges, repositoryRoot, type ImportEdge } from './import-graph.ts';

export interface ImportRule {
  /** The files the rule is about: a folder ("src/charts/") or one file. The longest match wins. */
  from: string;
  /** The side of an .astro file the rule is about: its frontmatter (module) or its <script>s. */
  side?: ImportEdge['side'];
  /** Folders or files these files may import (their own folder included). */
  mayImport: readonly string[];
  /** Packages they may import: a list, or 'any'. */
  packages: 'any' | readonly string[];
  /** Why, for the message when the rule is broken. */
  because: string;
}

const SCHEMA = 'src/schema/';
const SHARED = 'src/shared/';
const NEUTRAL = [SCHEMA, SHARED];
const ASTRO = ['src/pages/', 'src/components/', 'src/layouts/', 'src/styles/'];
/** The pipeline's stages in run order (scripts/pipeline.ts): each imports only the ones before it. */
const STAGES = ['ingest', 'validate', 'aggregate', 'anonymise', 'publish'] as const;

/** The enforced rules, one per folder of src/, and for scripts/ its stages, scripts/lib and the benchmarks. */
export const RULES: readonly ImportRule[] = [
  { from: SCHEMA, mayImport: [SCHEMA], packages: ['zod'], because: 'src/schema is the one source of truth that scripts, the build and the browser all import: it imports nothing of the site' },
  { from: SHARED, mayImport: [SHARED], packages: [], because: 'src/shared holds runtime-neutral helpers anything may import: it depends on nothing' },
  { from: 'src/i18n/', mayImport: ['src/i18n/', ...NEUTRAL], packages: [], because: 'text and formats run at build and in the browser' },
  { from: 'src/charts/', mayImport: ['src/charts/', 'src/i18n/', ...NEUTRAL], packages: ['@observablehq/plot', 'd3'], because: 'a chart definition draws at build and in the browser: it may not import build-only or browser-only code' },
  { from: 'src/explorer/', mayImport: ['src/explorer/', 'src/i18n/', ...NEUTRAL], packages: ['arquero'], because: "the explorer's SQL and table run at build and in the browser" },
  { from: 'src/client/', mayImport: ['src/client/', 'src/charts/', 'src/explorer/', 'src/i18n/', ...NEUTRAL], packages: ['@duckdb/duckdb-wasm', 'apache-arrow', 'reveal.js'], because: 'browser code never imports build-only code (Node APIs, native DuckDB)' },
  { from: 'src/client/offline-service-worker.ts', mayImport: ['src/client/offline-messages.ts'], packages: ['workbox-core', 'workbox-precaching', 'workbox-routing', 'workbox-strategies', 'workbox-cacheable-response', 'workbox-expiration', 'workbox-range-requests'], because: "the service worker runs outside every page: Workbox's modules and the messages it shares with the pages, nothing else" },
  { from: 'src/build/', mayImport: ['src/build/', 'src/charts/', 'src/explorer/', 'src/i18n/', ...NEUTRAL], packages: 'any', because: 'the build renders what charts and the explorer define; browser-only code is not for Node' },
  ...ASTRO.map((from): ImportRule => ({ from, side: 'module', mayImport: [...ASTRO, 'src/build/', 'src/charts/', 'src/explorer/', 'src/i18n/', ...NEUTRAL], packages: 'any', because: 'frontmatter runs at build time: browser code belongs in a <script>' })),
  ...ASTRO.map((from): ImportRule => ({ from, side: 'browser-script', mayImport: ['src/client/', 'src/charts/', 'src/explorer/', 'src/i18n/', ...NEUTRAL], packages: [], because: "an .astro <script> runs in the browser: it loads the page's client code, never build code" })),
  { from: 'astro.config.mjs', mayImport: ['src/build/'], packages: 'any', because: 'the Astro configuration plugs in the build integrations' },
  { from: 'scripts/', mayImport: ['scripts/', ...NEUTRAL], packages: 'any', because: 'the pipeline reaches src/ only through src/schema and src/shared, and never imports tests/' },
  ...STAGES.map((stage, i): ImportRule => ({
    from: `scripts/${stage}/`,
    mayImport: [...STAGES.slice(0, i + 1).map((s) => `scripts/${s}/`), 'scripts/lib/', 'scripts/reference/', ...NEUTRAL],
    packages: 'any',
    because: `stages import downward: ${stage} imports only the stages before it (${STAGES.join(' → ')}), scripts/reference and scripts/lib`,
  })),
  { from: 'scripts/lib/', mayImport: ['scripts/lib/', ...NEUTRAL], packages: 'any', because: 'scripts/lib is below every stage: it imports no stage' },
  { from: 'scripts/reference/', mayImport: ['scripts/reference/', 'scripts/lib/', ...NEUTRAL], packages: 'any', because: 'scripts/reference (the reference lists) is below every stage that reads them: it imports no stage' },
  { from: 'scripts/bench/', mayImport: ['scripts/', ...NEUTRAL, 'src/build/'], packages: 'any', because: 'benchmarks run the pipeline and serve the built site as the build does (src/build), never code from tests/' },
];

/** Packages that only one folder may import, wherever else they would be allowed. */
export const PACKAGE_HOMES: Readonly<Record<string, readonly string[]>> = {
  '@duckdb/duckdb-wasm': ['src/client/'],
};

/**
 * Files in these folders may not import each other in a cycle, of two files or more (found on the
 * whole graph below): the pipeline, and the two folders everything else stands on.
 */
export const NO_CYCLES: readonly string[] = ['scripts/', SCHEMA, SHARED];

const within = (path: string, place: string): boolean => (place.endsWith('/') ? path.startsWith(place) : path === place);

/** Pairs of files under the given folders that import each other, as "a ↔ b". */
export function twoFileCycles(edges: readonly ImportEdge[], folders: readonly string[]): string[] {
  const local = edges.filter((e) => e.kind === 'local' && folders.some((folder) => within(e.from, folder)));
  const seen = new Set(local.map((e) => `${e.from} → ${e.to}`));
  return [...new Set(local.filter((e) => e.from < e.to && seen.has(`${e.to} → ${e.from}`)).map((e) => `${e.from} ↔ ${e.to}`))];
}

/**
 * Import cycles among the files under the given folders, each as its files sorted and joined by
 * " → " (the strongly connected components of more than one file, Tarjan's algorithm).
 */
export function importCycles(edges: readonly ImportEdge[], folders: readonly string[]): string[] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind !== 'local' || !folders.some((folder) => within(e.from, folder)) || !folders.some((folder) => within(e.to, folder))) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!order.has(to)) { visit(to); low.set(file, Math.min(low.get(file)!, low.get(to)!)); }
      else if (onStack.has(to)) low.set(file, Math.min(low.get(file)!, order.get(to)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    for (let top = ''; top !== file; ) { top = stack.pop()!; onStack.delete(top); component.push(top); }
    if (component.length > 1) cycles.push(component.sort().join(' → '));
  };
  for (const file of next.keys()) if (!order.has(file)) visit(file);
  return cycles.sort();
}

/** The rule that governs an edge's importing file: the most specific one for its path and side. */
function ruleFor(edge: ImportEdge, rules: readonly ImportRule[]): ImportRule | undefined {
  return rules
    .filter((rule) => within(edge.from, rule.from) && (rule.side === undefined || rule.side === edge.side))
    .sort((a, b) => b.from.length - a.from.length)[0];
}

/** Every edge that breaks its rule, as "from → to: because". Files no rule covers (tests) are free. */
export function importViolations(edges: readonly ImportEdge[], rules: readonly ImportRule[], homes: Readonly<Record<string, readonly string[]>> = PACKAGE_HOMES): string[] {
  const out: string[] = [];
  for (const edge of edges) {
    const rule = ruleFor(edge, rules);
    if (!rule) continue;
    const home = edge.kind === 'package' ? homes[edge.to] : undefined;
    const allowed = edge.kind === 'local'
      ? within(edge.to, rule.from) || rule.mayImport.some((place) => within(edge.to, place))
      : (rule.packages === 'any' || rule.packages.includes(edge.to)) && (!home || home.some((place) => within(edge.from, place)));
    if (!allowed) out.push(`${edge.from}${edge.side === 'browser-script' ? ' <script>' : ''} → ${edge.to}: ${home && !home.some((place) => within(edge.from, place)) ? `${edge.to} belongs in ${home.join(', ')}` : rule.because}`);
  }
  return out;
}

const ROOT = repositoryRoot();
const EDGES = importEdges(ROOT, [...codeFiles(ROOT, ['src', 'scripts']), 'astro.config.mjs']);

describe('the import checker', () => {
  // A made-up graph with each kind of wrong import, so the checker is seen to catch them.
  const edge = (from: string, to: string, side: ImportEdge['side'] = 'module'): ImportEdge => ({ from, to, side, kind: to.includes('/') && !to.startsWith('@') ? 'local' : 'package' });
  test.each([
    ['client code importing build-only code', edge('src/client/explorer.ts', 'src/build/published.ts')],
    ['client code importing a Node API', edge('src/client/filter-state.ts', 'node:fs')],
    ['the schema importing the site', edge('src/schema/tables.ts', 'src/charts/labels.ts')],
    ['the schema importing i18n', edge('src/schema/disclosure.ts', 'src/i18n/locales.ts')],
    ['a chart importing client code', edge('src/charts/plot-kit.ts', 'src/client/chart-element.ts')],
    ['a chart importing build code', edge('src/charts/registry.ts', 'src/build/query-published.ts')],
    ['a chart importing native DuckDB', edge('src/charts/chart-sql.ts', '@duckdb/node-api')],
    ['src importing scripts', edge('src/build/headlines.ts', 'scripts/lib/duckdb.ts')],
    ['scripts importing site code beyond src/schema and src/shared', edge('scripts/pipeline.ts', 'src/build/published.ts')],
    ['an .astro frontmatter importing client code', edge('src/components/Explorer.astro', 'src/client/explorer.ts')],
    ['an .astro <script> importing build code', edge('src/components/ChartFigure.astro', 'src/build/render-chart.ts', 'browser-script')],
    ['build code importing DuckDB-WASM', edge('src/build/render-chart.ts', '@duckdb/duckdb-wasm')],
    ['a stage importing a later stage', edge('scripts/ingest/ingest-file.ts', 'scripts/anonymise/refuse-identifying-values.ts')],
    ['ingest importing validate', edge('scripts/ingest/map-headers.ts', 'scripts/validate/resolve-values.ts')],
    ['scripts/lib importing a stage', edge('scripts/lib/read-csv-file.ts', 'scripts/ingest/detect-text-format.ts')],
    ['scripts/reference importing a stage', edge('scripts/reference/load-reference.ts', 'scripts/validate/resolve-values.ts')],
    ['a benchmark importing tests/', edge('scripts/bench/bench-query-engine.ts', 'tests/site/browser-session.ts')],
  ])('catches %s', (_, wrong) => {
    expect(importViolations([wrong], RULES)).toHaveLength(1);
  });

  test('lets the right imports through', () => {
    const right = [
      edge('src/client/explorer.ts', 'src/explorer/totals-query.ts'),
      edge('src/client/duckdb-engine.ts', '@duckdb/duckdb-wasm'),
      edge('src/build/render-chart.ts', 'src/charts/registry.ts'),
      edge('src/build/render-chart.ts', 'linkedom'),
      edge('src/components/Explorer.astro', 'src/client/explorer.ts', 'browser-script'),
      edge('src/components/Explorer.astro', 'src/build/query-published.ts'),
      edge('scripts/lib/duckdb.ts', 'src/shared/sql-text.ts'),
      edge('scripts/pipeline.ts', 'src/schema/manifest.ts'),
      edge('scripts/anonymise/protect-table.ts', 'scripts/aggregate/totals-table.ts'),
      edge('scripts/ingest/map-headers.ts', 'scripts/lib/normalise-spelling.ts'),
      edge('scripts/reference/load-reference.ts', 'scripts/lib/normalise-spelling.ts'),
      edge('scripts/validate/validate-table.ts', 'scripts/reference/load-reference.ts'),
      edge('scripts/bench/bench-query-engine.ts', 'src/build/static-server.ts'),
      edge('tests/client/explorer.site.test.ts', 'src/build/browser-copies.ts'),
    ];
    expect(importViolations(right, RULES)).toEqual([]);
  });

  test('finds two files that import each other, and only those', () => {
    const graph = [edge('scripts/validate/a.ts', 'scripts/validate/b.ts'), edge('scripts/validate/b.ts', 'scripts/validate/a.ts'), edge('scripts/validate/c.ts', 'scripts/validate/a.ts')];
    expect(twoFileCycles(graph, ['scripts/'])).toEqual(['scripts/validate/a.ts ↔ scripts/validate/b.ts']);
  });

  test('finds a cycle through three files, and not a file that only imports into it', () => {
    const graph = [
      edge('scripts/anonymise/a.ts', 'scripts/anonymise/b.ts'), edge('scripts/anonymise/b.ts', 'scripts/anonymise/c.ts'), edge('scripts/anonymise/c.ts', 'scripts/anonymise/a.ts'),
      edge('scripts/anonymise/d.ts', 'scripts/anonymise/a.ts'), edge('scripts/anonymise/a.ts', 'scripts/lib/duckdb.ts'),
    ];
    expect(twoFileCycles(graph, ['scripts/'])).toEqual([]);
    expect(importCycles(graph, ['scripts/'])).toEqual(['scripts/anonymise/a.ts → scripts/anonymise/b.ts → scripts/anonymise/c.ts']);
    expect(importCycles(graph.slice(0, 2), ['scripts/'])).toEqual([]);
  });

  test('reads imports of every kind: static, type-only, re-exports, dynamic, ?url, and both sides of an .astro file', () => {
    const chartElement = EDGES.filter((e) => e.from === 'src/client/chart-element.ts').map((e) => e.to);
    expect(chartElement).toContain('src/charts/registry.ts'); // import('../charts/registry.ts')
    expect(chartElement).toContain('src/charts/chart-definition.ts'); // import type
    expect(EDGES.filter((e) => e.from === 'src/client/duckdb-engine.ts').map((e) => e.to)).toContain('@duckdb/duckdb-wasm'); // …wasm?url
    expect(EDGES.filter((e) => e.from === 'scripts/lib/duckdb.ts').map((e) => e.to)).toContain('src/shared/sql-text.ts'); // export … from
    const explorer = EDGES.filter((e) => e.from === 'src/components/Explorer.astro');
    expect(explorer.filter((e) => e.side === 'module').map((e) => e.to)).toContain('src/build/query-published.ts');
    expect(explorer.filter((e) => e.side === 'browser-script').map((e) => e.to)).toEqual(['src/client/explorer.ts']);
  });

  test('has a rule for every folder of src/', () => {
    const folders = new Set(codeFiles(ROOT, ['src']).map((file) => file.split('/').slice(0, 2).join('/') + '/'));
    for (const folder of folders) expect(RULES.some((rule) => rule.from === folder), `no import rule for ${folder}`).toBe(true);
  });
});

describe('the repository', () => {
  test('imports only what each folder may import', () => {
    expect(importViolations(EDGES, RULES)).toEqual([]);
  });

  test('has no two files in scripts/, src/schema or src/shared that import each other', () => {
    expect(twoFileCycles(EDGES, NO_CYCLES)).toEqual([]);
  });

  test('has no import cycle in scripts/, src/schema or src/shared, through any number of files', () => {
    expect(importCycles(EDGES, NO_CYCLES)).toEqual([]);
  });
});
