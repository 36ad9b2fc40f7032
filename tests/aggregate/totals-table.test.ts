/**
 * The totals builder sums each view from a finer step that carries hierarchy parents (a port's
 * province). Where the data puts one child under two parents, the view must still get one row per
 * cell; where each child has one parent, the step's rows are already the view's cells.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTotalsTable } from '../../scripts/aggregate/totals-table.ts';
import { openDuckDb, type Db } from '../../scripts/lib/duckdb.ts';
import { DISCLOSURE } from '../../src/schema/disclosure.ts';

let db: Db;
beforeAll(async () => { db = await openDuckDb(); });
afterAll(() => db.closeSync());

/** Arrival rows: the same port, nationality and visa category, by sex, with each row's province. */
const arrivals = (provinces: [string, string]) => `SELECT * FROM (VALUES
  (DATE '2024-01-01', 'CGK', 'CHN', 'voa', 'M', 10::BIGINT, '${provinces[0]}'),
  (DATE '2024-01-01', 'CGK', 'CHN', 'voa', 'F', 20::BIGINT, '${provinces[1]}')) v(month, port_code, nationality, visa_category, sex, count, province_code)`;

const portViews = DISCLOSURE.arrivals.views.filter((v) => v.dims.includes('port_code')).map((v) => v.name);

async function portCells(): Promise<{ view: string; grain: string; rows: number; count: number }[]> {
  const reader = await db.runAndReadAll(`SELECT view, grain, count(*)::INTEGER AS rows, sum(count)::INTEGER AS count FROM t
    WHERE view IN (${portViews.map((v) => `'${v}'`).join(', ')}) GROUP BY ALL ORDER BY ALL`);
  return reader.getRowObjectsJS() as { view: string; grain: string; rows: number; count: number }[];
}

it('gives one row per cell of a port view when the data puts the port under two provinces', async () => {
  await buildTotalsTable(db, 'arrivals', arrivals(['31', '36']), 't');
  const cells = await portCells();
  expect(cells.length).toBe(portViews.length * 3); // each port view at month, half-year and year
  for (const cell of cells) expect(cell, `${cell.view} ${cell.grain}`).toMatchObject({ rows: 1, count: 30 });
});

it('gives the same cells when each port has one province', async () => {
  await buildTotalsTable(db, 'arrivals', arrivals(['36', '36']), 't');
  const cells = await portCells();
  expect(cells.length).toBe(portViews.length * 3);
  for (const cell of cells) expect(cell, `${cell.view} ${cell.grain}`).toMatchObject({ rows: 1, count: 30 });
});
