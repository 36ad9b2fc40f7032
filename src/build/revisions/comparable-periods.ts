/**
 * Which periods two releases of one table can be compared in (pure). A figure is a revision only
 * where both releases cover the same months of its period: a month the newer release adds is new,
 * not revised, and a half-year or year it extends (July added to a second half-year holding only
 * July before) grows because of that month, so it is not compared either. Months the newer release
 * no longer covers (dropped from the start of a coverage) are not compared: they are not published.
 */
import { GRAIN_MONTHS, PERIOD_GRAINS, type PeriodGrain } from '../../schema/disclosure.ts';

export interface MonthSpan { from: string; to: string }

export interface ComparablePeriod { grain: PeriodGrain; /** First day, YYYY-MM-DD. */ period: string }

/** Months from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to; month = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(month);
    if (m === 12) { y += 1; m = 1; } else m += 1;
  }
  return out;
}

const inSpan = (month: string, span: MonthSpan) => month >= span.from && month <= span.to;

/** Months the newer release publishes that the older did not. */
export const newMonths = (before: MonthSpan, after: MonthSpan): string[] => monthsBetween(after.from, after.to).filter((m) => !inSpan(m, before));

/** Months the older release published that the newer no longer does. */
export const droppedMonths = (before: MonthSpan, after: MonthSpan): string[] => monthsBetween(before.from, before.to).filter((m) => !inSpan(m, after));

/** The months of a period (first day YYYY-MM-DD) at a grain. */
function periodMonths(grain: PeriodGrain, period: string): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return Array.from({ length: GRAIN_MONTHS[grain] }, (_, i) => `${y + Math.floor((m - 1 + i) / 12)}-${String(((m - 1 + i) % 12) + 1).padStart(2, '0')}`);
}

/** The first day of the period of a grain holding a month (YYYY-MM). */
function periodOf(grain: PeriodGrain, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = grain === 'month' ? m : grain === 'half' ? (m <= 6 ? 1 : 7) : 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/**
 * Every period, at every grain, whose months inside each release's coverage are the same (and not
 * none): the periods a change of a figure between the two releases is a revision in.
 */
export function comparablePeriods(before: MonthSpan, after: MonthSpan): ComparablePeriod[] {
  const out: ComparablePeriod[] = [];
  for (const grain of PERIOD_GRAINS) {
    const periods = [...new Set(monthsBetween(before.from, before.to).map((m) => periodOf(grain, m)))];
    for (const period of periods) {
      const months = periodMonths(grain, period);
      const a = months.filter((m) => inSpan(m, before));
      const b = months.filter((m) => inSpan(m, after));
      if (a.length > 0 && a.length === b.length && a.every((m, i) => m === b[i])) out.push({ grain, period });
    }
  }
  return out;
}
