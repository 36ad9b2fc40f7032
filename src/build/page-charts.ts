/** Which charts each page shows, in order: one list for both languages and for the area pages. */
export const PAGE_CHARTS = {
  arrivals: ['arrivals-trend', 'arrivals-change', 'arrivals-nationalities', 'arrivals-ports', 'arrivals-visa'],
  sanctions: ['sanctions-map', 'sanctions-rate-map', 'sanctions-types', 'sanctions-groups', 'sanctions-nationalities', 'sanctions-violations', 'sanctions-offices'],
  operations: ['operations-levels', 'operations-activities', 'operations-funnel', 'operations-regions'],
  integration: ['registry-gaps', 'registry-trend'],
} as const;

/**
 * A province page: the same charts filtered to the province (national-only charts left out: the
 * persons counted by TIMPORA, in the funnel, are published nationally only).
 */
export const PROVINCE_CHARTS = {
  arrivals: ['arrivals-trend', 'arrivals-nationalities', 'arrivals-ports', 'arrivals-visa'],
  sanctions: ['sanctions-groups', 'sanctions-offices'],
  operations: ['operations-levels'],
  integration: ['registry-gaps', 'registry-trend'],
} as const;

/** An office page: what the published office views answer. */
export const OFFICE_CHARTS = {
  arrivals: ['arrivals-ports'],
  sanctions: ['sanctions-groups'],
  operations: ['operations-activities'],
} as const;
