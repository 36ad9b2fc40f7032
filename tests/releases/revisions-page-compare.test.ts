/**
 * What the revisions page says changed between two releases, computed from two small published
 * releases written as real Parquet and read back: revised figures ranked by absolute and relative
 * size, newly withheld and newly published figures, new months with their national figures, held
 * months from the manifest; and nothing for a figure withheld in both, nor for a half-year that
 * grew only because a month was added.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparablePeriods, droppedMonths, newMonths } from '../../src/build/revisions/comparable-periods.ts';
import { figureId } from '../../src/build/revisions/compare-releases.ts';
import { revisionsPageModel, type Part } from '../../src/build/revisions/revisions-page-model.ts';
import { readReleaseRevisions, type PublishedRelease, type ReleaseRevisions } from '../../src/build/revisions/read-figure-pairs.ts';
import { readManifest } from '../../src/build/published.ts';
import { MANIFEST_FILE, type Manifest } from '../../src/schema/manifest.ts';
import { SCHEMA_VERSION } from '../../src/schema/tables.ts';
import { tempDir } from '../helpers/pipeline-fixture.ts';

/** One totals cell of arrivals: [view, grain, period, province, count or 'c' (withheld)]. */
type Cell = [string, 'month' | 'half' | 'year', string, string | null, number | 'c'];

async function writeRelease(date: string, coverage: { from: string; to: string }, cells: Cell[], revisions?: Manifest['revisions']): Promise<PublishedRelease> {
  const dir = join(tempDir('pantau-revisions-'), date);
  mkdirSync(dir, { recursive: true });
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const values = cells.map(([view, grain, period, province, count]) =>
    `('${view}', '${grain}', DATE '${period}', ${province === null ? 'NULL' : `'${province}'`}, NULL, NULL, NULL, NULL, ${count === 'c' ? 'NULL' : count}::BIGINT, ${count === 'c'})`);
  await db.run(`COPY (SELECT * FROM (VALUES ${values.join(', ')}) v(view, grain, period, province_code, nationality, visa_category, port_code, sex, count, count_withheld))
    TO '${join(dir, 'arrivals_totals.parquet')}' (FORMAT parquet)`);
  db.closeSync();
  const manifest: Manifest = {
    schemaVersion: SCHEMA_VERSION, snapshotDate: date, coverage, builtAt: `${date}T00:00:00Z`, synthetic: true, audience: 'public',
    tables: { arrivals_totals: { file: 'arrivals_totals.parquet', rows: cells.length, sha256: '0'.repeat(64), bytes: 0 } },
    sources: [], warnings: [], suppression: {}, previousSnapshotDate: null, licences: [],
    ...(revisions ? { revisions } : {}),
  };
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return { dir, manifest: readManifest(dir) };
}

let result: ReleaseRevisions;
const id = (view: string, grain: string, period: string, province?: string) =>
  figureId({ table: 'arrivals', measure: 'count', view, grain: grain as 'month', period, dims: province ? { province_code: province } : {} });

beforeAll(async () => {
  const before = await writeRelease('2025-03-05', { from: '2025-01', to: '2025-02' }, [
    ['total', 'month', '2025-01-01', null, 1000],
    ['total', 'month', '2025-02-01', null, 2000],
    ['total', 'half', '2025-01-01', null, 3000],
    ['province_code', 'month', '2025-02-01', '51', 500],
    ['province_code', 'month', '2025-02-01', '52', 10],
    ['province_code', 'month', '2025-02-01', '53', 50],
    ['province_code', 'month', '2025-02-01', '54', 'c'],
    ['province_code', 'month', '2025-02-01', '55', 'c'],
  ]);
  const after = await writeRelease('2025-04-05', { from: '2025-01', to: '2025-03' }, [
    ['total', 'month', '2025-01-01', null, 1000],
    ['total', 'month', '2025-02-01', null, 2100],
    ['total', 'month', '2025-03-01', null, 3000],
    ['total', 'half', '2025-01-01', null, 6100],
    ['province_code', 'month', '2025-02-01', '51', 520],
    ['province_code', 'month', '2025-02-01', '52', 40],
    ['province_code', 'month', '2025-02-01', '53', 'c'],
    ['province_code', 'month', '2025-02-01', '54', 60],
    ['province_code', 'month', '2025-02-01', '55', 'c'],
    ['province_code', 'month', '2025-02-01', '56', 15],
  ], { arrivals: { held: ['2025-01'], revised: ['2025-02'] } });
  result = await readReleaseRevisions(before, after);
});

describe('comparing two published releases', () => {
  it('ranks revised figures by absolute change, old → new, a figure absent before counting as 0', () => {
    expect(result.revised.map((r) => [figureId(r.key), r.before, r.after, r.change])).toEqual([
      [id('total', 'month', '2025-02-01'), 2000, 2100, 100],
      [id('province_code', 'month', '2025-02-01', '52'), 10, 40, 30],
      [id('province_code', 'month', '2025-02-01', '51'), 500, 520, 20],
      [id('province_code', 'month', '2025-02-01', '56'), 0, 15, 15],
    ]);
  });

  it('ranks them by relative change, leaving out figures that were 0', () => {
    expect(result.revisedByRelative.map((r) => [figureId(r.key), r.relative])).toEqual([
      [id('province_code', 'month', '2025-02-01', '52'), 3],
      [id('total', 'month', '2025-02-01'), 0.05],
      [id('province_code', 'month', '2025-02-01', '51'), 0.04],
    ]);
  });

  it('gives newly withheld figures their old value and newly published ones their new value, and says nothing of a figure withheld in both', () => {
    expect(result.newlyWithheld.map((f) => [figureId(f.key), f.value])).toEqual([[id('province_code', 'month', '2025-02-01', '53'), 50]]);
    expect(result.newlyPublished.map((f) => [figureId(f.key), f.value])).toEqual([[id('province_code', 'month', '2025-02-01', '54'), 60]]);
    const mentioned = [...result.revised, ...result.newlyWithheld, ...result.newlyPublished].map((f) => figureId(f.key));
    expect(mentioned).not.toContain(id('province_code', 'month', '2025-02-01', '55'));
    // the half-year grew by March, a new month: not a revision
    expect(mentioned).not.toContain(id('total', 'half', '2025-01-01'));
  });

  it('lists the new months with their national figures, and the months the manifest holds', () => {
    expect(result.newMonths).toEqual({ arrivals: ['2025-03'] });
    expect(result.newMonthFigures.map((f) => [figureId(f.key), f.value])).toEqual([[id('total', 'month', '2025-03-01'), 3000]]);
    expect(result.held).toEqual({ arrivals: ['2025-01'] });
  });
});

describe('periods two releases can be compared in', () => {
  it('compares a half-year or year only when both releases cover the same months of it', () => {
    const periods = (b: [string, string], a: [string, string]) => comparablePeriods({ from: b[0], to: b[1] }, { from: a[0], to: a[1] }).map((p) => `${p.grain} ${p.period}`);
    expect(periods(['2025-01', '2025-02'], ['2025-01', '2025-03'])).toEqual(['month 2025-01-01', 'month 2025-02-01']);
    expect(periods(['2024-01', '2024-12'], ['2024-07', '2025-01'])).toEqual([...['07', '08', '09', '10', '11', '12'].map((m) => `month 2024-${m}-01`), 'half 2024-07-01']);
    expect(periods(['2024-01', '2024-12'], ['2024-01', '2025-01'])).toContain('year 2024-01-01');
    expect(newMonths({ from: '2024-01', to: '2024-12' }, { from: '2024-07', to: '2025-02' })).toEqual(['2025-01', '2025-02']);
    expect(droppedMonths({ from: '2024-01', to: '2024-03' }, { from: '2024-03', to: '2024-04' })).toEqual(['2024-01', '2024-02']);
  });
});

describe('the sentences of the page', () => {
  const text = (parts: readonly Part[]): string => parts.map((p) => (typeof p === 'string' ? p : 'time' in p ? p.text : 'label' in p ? p.label : 'count' in p ? p.text
    : `${p.figure.subject} ${text([p.figure.period])} (${text(p.figure.breakdown)}), ${p.figure.before ? `${p.figure.before} → ` : ''}${p.figure.after}${p.figure.change ? ` (${p.figure.change}${p.figure.relative ? `; ${p.figure.relative}` : ''})` : ''}`)).join('');
  const province = (_dim: string, code: string | boolean) => (code === '51' ? 'Bali' : code === '52' ? 'Nusa Tenggara Barat' : code === '53' ? 'Nusa Tenggara Timur' : 'Jawa Barat');

  it('say in plain Indonesian and English what changed, largest first, withheld values as the site marks them', () => {
    expect(revisionsPageModel(result, province, 'id').sentences.map(text)).toEqual([
      'Bulan baru: Maret 2025 (kedatangan).',
      '4 angka yang sudah terbit direvisi; terbesar: kedatangan Februari 2025 (nasional), 2.000 → 2.100 (+100; +5,0%).',
      '1 angka yang sebelumnya terbit kini dirahasiakan; terbesar: kedatangan Februari 2025 (Nusa Tenggara Timur), 50 → [c].',
      '1 angka yang sebelumnya dirahasiakan kini terbit; terbesar: kedatangan Februari 2025 (Jawa Barat), [c] → 60.',
      'Revisi yang ditahan: Januari 2025 (kedatangan): angka bulan itu diterbitkan persis seperti pada rilis sebelumnya sampai revisinya dapat diterbitkan tanpa mengungkap perubahan kecil.',
    ]);
    expect(revisionsPageModel(result, province, 'en').sentences.map(text)[1]).toBe('4 published figures were revised; the largest: arrivals February 2025 (national), 2,000 → 2,100 (+100; +5.0%).');
  });
});
