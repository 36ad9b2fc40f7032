/**
 * Every CSV the site writes (a chart's download, the explorer's download) keeps a spreadsheet from
 * running text as a formula: text beginning with =, +, -, @, a tab or a carriage return gets a
 * leading apostrophe, and nothing else changes. Each download is written to a file and read back
 * with DuckDB's CSV reader, as a script or spreadsheet import would.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { arrivalsChange } from '../../src/charts/arrivals-change.ts';
import { arrivalsPorts } from '../../src/charts/arrivals-ports.ts';
import { chartCsv } from '../../src/charts/chart-csv.ts';
import { explorerCsv } from '../../src/explorer/explorer-table.ts';
import { totalsQuery } from '../../src/explorer/totals-query.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';
import { neutraliseFormula, startsLikeFormula } from '../../src/schema/spreadsheet-formula.ts';
import { tempDir } from '../helpers/pipeline-fixture.ts';

const HOSTILE = ['=HYPERLINK("http://example.invalid","klik")', '+SUM(1,2)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', ' =1+1', '=1,2;3'];
const ORDINARY = ['Bandara Soekarno-Hatta', 'Cote d\'Ivoire', '2024-01-01', '-', 'Kanim Kelas I "Khusus"', 'e-VoA'];

/** The CSV text read back as DuckDB reads a download: every cell as text, by header. */
async function readBack(csv: string): Promise<Record<string, string | null>[]> {
  const path = join(tempDir(), 'download.csv');
  writeFileSync(path, csv);
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await db.runAndReadAll(`SELECT * FROM read_csv('${path}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`)).getRowObjectsJson() as Record<string, string | null>[];
  } finally {
    db.closeSync();
  }
}

describe('neutraliseFormula', () => {
  it.each(HOSTILE)('writes %j with a leading apostrophe', (text) => expect(neutraliseFormula(text)).toBe(`'${text}`));
  it.each([...ORDINARY, '-12', '+5', '-0.125', '1e5'])('leaves %j as it is', (text) => {
    expect(startsLikeFormula(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('site CSV downloads', () => {
  it('a chart download neutralises formula text and keeps every other value, numbers included', async () => {
    const names = [...HOSTILE, ...ORDINARY];
    const rows = names.map((name, i) => ({ code: `P${i}`, name_id: name, count: 100 + i, count_withheld: false, share: 0.125, period_from: '2024-01-01', period_to: '2024-06-01' }));
    const back = await readBack(chartCsv(arrivalsPorts, rows, 'id'));
    // The ranking chart shortens "Bandar Udara …" names; these fixtures have none, so its label is the name.
    expect(back.map((r) => r.name)).toEqual(names.map((n) => (HOSTILE.includes(n) ? `'${n}` : n)));
    expect(back.map((r) => r.count)).toEqual(names.map((_, i) => String(100 + i)));
    const change = await readBack(chartCsv(arrivalsChange, [{ month: '2024-01-01', count: 900, count_withheld: false, count_year_earlier: 1000, count_year_earlier_withheld: false, change: -0.1 }], 'en'));
    expect(change).toEqual([{ month: '2024-01-01', count: '900', count_withheld: 'false', count_year_earlier: '1000', count_year_earlier_withheld: 'false', change: '-0.1' }]);
  });

  it('an explorer download neutralises formula text in codes and labels', async () => {
    const plan = totalsQuery({ table: 'arrivals', view: 'nationality', measure: 'count', grain: 'year', filters: NO_FILTERS, locale: 'en' });
    const labels = [...HOSTILE, ...ORDINARY];
    const rows = labels.map((label, i) => ({ period: '2024-01-01', nationality: i === 0 ? '@ABC' : `C${i}`, nationality_label: label, count: 10 * (i + 1), count_withheld: false }));
    const back = await readBack(explorerCsv(rows, plan, 'count', 'en'));
    expect(back.map((r) => r.nationality_label)).toEqual(labels.map((l) => (HOSTILE.includes(l) ? `'${l}` : l)));
    expect(back[0]!.nationality).toBe("'@ABC");
    expect(back.map((r) => r.count)).toEqual(labels.map((_, i) => String(10 * (i + 1))));
    expect(back.map((r) => r.period)).toEqual(labels.map(() => '2024-01-01'));
  });
});
