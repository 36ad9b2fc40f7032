/**
 * Which chosen filters a chart shows and which it refuses, decided from the real definitions and
 * published views (no publication needed: the SQL is only written), and the words it says.
 */
import { describe, expect, test } from 'vitest';
import { isEmptyResult, planFilters } from '../../src/charts/filter-plan.ts';
import { chartById } from '../../src/charts/registry.ts';
import { emptyResultText, filterCaption, refusedFiltersText } from '../../src/i18n/filter-notes.ts';
import { NO_FILTERS } from '../../src/schema/filters.ts';

const chosen = (filters: Partial<typeof NO_FILTERS>) => ({ ...NO_FILTERS, ...filters });

describe('planFilters', () => {
  test('a trend draws every month, so it refuses a period by name and shows the province', () => {
    const plan = planFilters(chartById('arrivals-trend'), {}, chosen({ period: '2023', province: '51' }));
    expect(plan).toMatchObject({ shown: ['province'], alone: ['period'], together: [], drawsEveryPeriod: true });
    expect(plan.applied).toEqual(chosen({ province: '51' }));
    expect(refusedFiltersText({ chartId: 'arrivals-trend', table: 'arrivals', ...plan }, 'en')).toEqual([
      'This chart cannot be filtered by period: it always shows every period published.',
    ]);
  });

  test('sanctions by office hold no nationality; action groups do, but not with a province', () => {
    const offices = planFilters(chartById('sanctions-offices'), {}, chosen({ nationality: 'CHN' }));
    expect(offices).toMatchObject({ shown: [], alone: ['nationality'] });
    expect(refusedFiltersText({ chartId: 'sanctions-offices', table: 'sanctions', ...offices }, 'id')).toEqual([
      'Grafik ini tidak dapat disaring menurut kewarganegaraan: data sanksi per kantor tidak memuat kewarganegaraan.',
    ]);
    expect(refusedFiltersText({ chartId: 'sanctions-offices', table: 'sanctions', ...offices }, 'en')).toEqual([
      'This chart cannot be filtered by nationality: sanctions data by office do not include nationality.',
    ]);
    expect(planFilters(chartById('sanctions-groups'), {}, chosen({ nationality: 'CHN' }))).toMatchObject({ shown: ['nationality'], alone: [], together: [] });
    const both = planFilters(chartById('sanctions-groups'), {}, chosen({ province: '51', nationality: 'CHN' }));
    expect(both).toMatchObject({ shown: ['province'], alone: [], together: ['nationality'] });
  });

  test('a period the chart publishes at other grains only names the grain', () => {
    const plan = planFilters(chartById('sanctions-offices'), {}, chosen({ period: '2024-03' }));
    expect(plan).toMatchObject({ alone: ['period'], periodGrain: 'month', drawsEveryPeriod: false });
    expect(refusedFiltersText({ chartId: 'sanctions-offices', table: 'sanctions', ...plan }, 'id')[0]).toBe(
      'Grafik ini tidak dapat disaring menurut periode: data sanksi per kantor tidak diterbitkan per bulan.',
    );
  });

  test('a chart’s own build filter stays and is not the reader’s to show or refuse', () => {
    const plan = planFilters(chartById('arrivals-ports'), { province: '51' }, chosen({ province: '31', nationality: 'AUS' }));
    expect(plan.applied).toEqual(chosen({ province: '51', nationality: 'AUS' }));
    expect(plan.shown).toEqual(['nationality']);
  });
});

test('an empty result is no rows or a main count of zero everywhere; a withheld cell is not empty', () => {
  const chart = chartById('arrivals-nationalities');
  expect(isEmptyResult(chart, [])).toBe(true);
  expect(isEmptyResult(chart, [{ code: 'AUS', count: 0, count_withheld: false }])).toBe(true);
  expect(isEmptyResult(chart, [{ code: 'AUS', count: null, count_withheld: true }])).toBe(false);
  expect(isEmptyResult(chart, [{ code: 'AUS', count: 3, count_withheld: false }])).toBe(false);
});

test('the caption and the empty sentence in both languages', () => {
  const labels = { period: '2024', province: 'DKI Jakarta', nationality: 'Australia' };
  expect(filterCaption(labels, 'id')).toBe('Disaring: 2024 · DKI Jakarta · Australia');
  expect(emptyResultText('arrivals', labels, 'id')).toBe('Tidak ada kedatangan WNA Australia di DKI Jakarta pada 2024.');
  expect(emptyResultText('arrivals', labels, 'en')).toBe('No arrivals of nationals of Australia in DKI Jakarta in 2024.');
});
