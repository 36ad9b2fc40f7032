/**
 * The one sentence a city/regency page and deck say about the latest 12 months of arrivals at its
 * checkpoints against the 12 before: the totals, or "not comparable" where a month is withheld
 * (never a guess), or that there are not yet 24 months.
 */
import { describe, expect, it } from 'vitest';
import type { ArrivalsMonthRow } from '../../src/charts/arrivals-trend-sql.ts';
import { twelveMonthSentence } from '../../src/build/regency-figures.ts';
import { WITHHELD } from '../../src/schema/disclosure.ts';

/** 24 consecutive months from January 2024, each with its year-earlier month where there is one. */
function months(count: (i: number) => number | null): ArrivalsMonthRow[] {
  const rows = Array.from({ length: 24 }, (_, i) => ({ month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value: count(i) }));
  return rows.map((r, i) => {
    const prev = i >= 12 ? rows[i - 12]! : null;
    return {
      month: r.month, count: r.value, count_withheld: r.value === null,
      count_year_earlier: prev?.value ?? null, count_year_earlier_withheld: prev ? prev.value === null : null, change: null,
    };
  });
}

describe('latest 12 months of a city/regency\'s arrivals against the 12 before', () => {
  it('states both totals and the change', () => {
    const rows = months((i) => (i < 12 ? 1000 : 1100));
    expect(twelveMonthSentence(rows, 'id')).toBe('12 bulan terakhir (Jan–Des 2025): 13.200 kedatangan, naik 10,0% dari 12.000 pada 12 bulan sebelumnya (Jan–Des 2024).');
    expect(twelveMonthSentence(rows, 'en')).toBe('Latest 12 months (Jan–Dec 2025): 13,200 arrivals, up 10.0% from 12,000 in the 12 months before (Jan–Dec 2024).');
  });

  it('is not comparable where a month of either year is withheld', () => {
    for (const withheld of [3, 15]) {
      const sentence = twelveMonthSentence(months((i) => (i === withheld ? null : 1000)), 'id');
      expect(sentence).toContain(WITHHELD.symbol);
      expect(sentence).not.toMatch(/\d\.\d{3}/);
    }
  });

  it('says so when there are fewer than 24 months', () => {
    expect(twelveMonthSentence(months(() => 1000).slice(12).map((r) => ({ ...r, count_year_earlier: null, count_year_earlier_withheld: null })), 'en')).toMatch(/not yet 24 months/);
  });
});
