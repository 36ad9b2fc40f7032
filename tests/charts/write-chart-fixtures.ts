/**
 * Writes the fixed rows the chart snapshot tests draw from: each chart's query on the current
 * publication (default filters), with a few cells marked withheld the way disclosure control marks
 * them (value null, flag true), so the snapshots show "[c]" too. Run when a chart's SQL changes:
 *   npx tsx tests/charts/write-chart-fixtures.ts
 * then write the snapshots again (npm run test:update-snapshots) and review their diff.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartRow } from '../../src/charts/chart-definition.ts';
import { CHARTS } from '../../src/charts/registry.ts';
import { queryPublished } from '../../src/build/query-published.ts';
import { thresholdOf } from '../../src/schema/disclosure.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';

/**
 * Withholds a count in every seventh row that has one (from the fourth), and in the last row of a
 * chart with fewer rows than that, so every chart with a protected measure shows withheld cells:
 * value null, its flag true.
 */
function withholdSome(rows: ChartRow[], columns: { key: string; withheld?: string }[]): ChartRow[] {
  if (columns.length === 0) return rows;
  return rows.map((row, i) => {
    if (i % 7 !== 3 && !(rows.length <= 3 && i === rows.length - 1)) return row;
    const copy = { ...row };
    for (const column of columns) {
      if (column.withheld && typeof copy[column.key] === 'number') {
        copy[column.key] = null;
        copy[column.withheld] = true;
        // Derived values of a withheld input are withheld too.
        for (const derived of ['share', 'change', 'rate', 'gap']) if (derived in copy) copy[derived] = null;
        if ('rate_withheld' in copy) copy.rate_withheld = true;
        break;
      }
    }
    return copy;
  });
}

for (const chart of CHARTS.values()) {
  const rows = await queryPublished(chart.sql(NO_FILTERS));
  // Only protected measures (k set) are ever withheld: events such as meetings are published exactly.
  const protectedColumns = chart.columns.filter((c) => thresholdOf(chart.table, c.measure ?? chart.measures[0]!) !== null);
  const fixture = withholdSome(rows, protectedColumns);
  writeFileSync(join(import.meta.dirname, 'fixtures', `${chart.id}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
  console.error(`${chart.id}: ${fixture.length} rows`);
}
