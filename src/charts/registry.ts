/**
 * Every chart definition by id. Build-time pages and the browser (after a filter change) look
 * charts up here; importing this module pulls in Plot, so client code loads it lazily.
 */
import type { Filters } from '../schema/filters.ts';
import { arrivalsChange } from './arrivals-change.ts';
import { arrivalsNationalities } from './arrivals-nationalities.ts';
import { arrivalsPorts } from './arrivals-ports.ts';
import { arrivalsTrend } from './arrivals-trend.ts';
import { arrivalsVisa } from './arrivals-visa.ts';
import type { AnyChartDefinition } from './chart-definition.ts';
import { UnsupportedFiltersError } from './chart-sql.ts';
import { operationsFunnel } from './operations-funnel.ts';
import { operationsRegions } from './operations-regions.ts';
import { operationsActivities, operationsLevels } from './operations-series.ts';
import { registryGaps } from './registry-gaps.ts';
import { registryTrend } from './registry-trend.ts';
import { sanctionsMap, sanctionsRateMap } from './sanctions-map.ts';
import { sanctionsGroups, sanctionsNationalities, sanctionsOffices, sanctionsViolations } from './sanctions-rankings.ts';
import { sanctionsTypes } from './sanctions-types.ts';

const ALL: readonly AnyChartDefinition[] = [
  arrivalsTrend,
  arrivalsChange,
  arrivalsNationalities,
  arrivalsPorts,
  arrivalsVisa,
  sanctionsMap,
  sanctionsRateMap,
  sanctionsTypes,
  sanctionsNationalities,
  sanctionsViolations,
  sanctionsOffices,
  sanctionsGroups,
  operationsLevels,
  operationsActivities,
  operationsRegions,
  operationsFunnel,
  registryGaps,
  registryTrend,
];

export type ChartId = string;

/** All definitions by id. */
export const CHARTS: ReadonlyMap<ChartId, AnyChartDefinition> = new Map(ALL.map((chart) => [chart.id, chart]));

/** The definition of a chart; throws for an unknown id (a typo in a page should fail the build). */
export function chartById(id: ChartId): AnyChartDefinition {
  const chart = CHARTS.get(id);
  if (!chart) throw new Error(`Unknown chart id "${id}". Known: ${[...CHARTS.keys()].join(', ')}`);
  return chart;
}

/** True when the chart can answer these filters from the published views (else hide it or say so). */
export function supportsFilters(chart: AnyChartDefinition, filters: Filters): boolean {
  try {
    chart.sql(filters);
    return true;
  } catch (error) {
    if (error instanceof UnsupportedFiltersError) return false;
    throw error;
  }
}
