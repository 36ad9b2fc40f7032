/**
 * Dates of the release calendar (config/schedule.json, src/schema/schedule.ts), as YYYY-MM-DD
 * strings in UTC: the next scheduled snapshot dates, and the day after which the published data
 * is older than the schedule promises. Runs at build time and in the browser.
 */
/** The part of a Schedule (src/schema/schedule.ts) the dates depend on; src/shared imports nothing. */
interface Schedule {
  dayOfMonth: number;
  graceDays: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The first `count` scheduled snapshot dates strictly after `after` (YYYY-MM-DD). */
export function scheduledDatesAfter(schedule: Schedule, after: string, count: number): string[] {
  const [y, m] = after.split('-').map(Number) as [number, number];
  const dates: string[] = [];
  for (let i = 0; dates.length < count; i++) {
    const date = iso(new Date(Date.UTC(y, m - 1 + i, schedule.dayOfMonth)));
    if (date > after) dates.push(date);
  }
  return dates;
}

/**
 * The last day the data of a snapshot taken on `snapshotDate` is as fresh as promised: the next
 * scheduled date after it plus the grace days. From the day after, every page says so.
 */
export function freshUntil(schedule: Schedule, snapshotDate: string): string {
  const next = scheduledDatesAfter(schedule, snapshotDate, 1)[0]!;
  const d = new Date(`${next}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + schedule.graceDays);
  return iso(d);
}

/** True when, on `today` (YYYY-MM-DD), the data is older than the schedule promises. */
export const isStale = (schedule: Schedule, snapshotDate: string, today: string): boolean => today > freshUntil(schedule, snapshotDate);
