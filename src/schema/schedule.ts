/**
 * config/schedule.json: when scheduled snapshots are taken, the one contract for the release
 * calendar (methodology page), the stale-data notice on every page, and the timers in deploy/ and
 * .github/workflows/ (which must say the same day).
 *
 *   { "cadence": "monthly", "dayOfMonth": 5, "graceDays": 10, "upcoming": 3 }
 *
 * dayOfMonth: the day of each month the export is taken (1–28, so every month has it).
 * graceDays: how many days after a scheduled date a missing snapshot is tolerated before every
 * page says the data is older than the schedule promises. upcoming: how many next dates the
 * methodology page lists.
 */
import { z } from 'zod';

export const SCHEDULE_FILE = 'config/schedule.json';

export const scheduleSchema = z.object({
  cadence: z.literal('monthly'),
  dayOfMonth: z.number().int().min(1).max(28),
  graceDays: z.number().int().min(0).max(60),
  upcoming: z.number().int().min(1).max(12),
}).strict();

export type Schedule = z.infer<typeof scheduleSchema>;

/** Parses schedule.json text; throws an Error naming the file and every broken field. */
export function parseSchedule(text: string, source = SCHEDULE_FILE): Schedule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${(error as Error).message})`);
  }
  const result = scheduleSchema.safeParse(json);
  if (!result.success) throw new Error(`${source}: ${result.error.issues.map((i) => `"${i.path.join('.')}": ${i.message}`).join('; ')}`);
  return result.data;
}
