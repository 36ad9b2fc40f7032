/** Period arithmetic in SQL, shared by the totals (aggregate) and the relations between them (anonymise). */
import type { PeriodGrain } from '../../src/schema/disclosure.ts';

/** SQL for the first day of the period of grain `to` holding a period of grain `from` (a DATE expression). */
export function periodAt(from: PeriodGrain, to: PeriodGrain, period: string): string {
  if (from === to) return period;
  if (to === 'half') return `make_date(year(${period}), CASE WHEN month(${period}) <= 6 THEN 1 ELSE 7 END, 1)`;
  return `make_date(year(${period}), 1, 1)`;
}
