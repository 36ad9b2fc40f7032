/** The release calendar a reader is promised: next dates from config/schedule.json, and when the data counts as late. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseSchedule } from '../../src/schema/schedule.ts';
import { freshUntil, isStale, scheduledDatesAfter } from '../../src/shared/release-schedule.ts';
import { ROOT } from '../helpers/pipeline-fixture.ts';

const schedule = parseSchedule(readFileSync(join(ROOT, 'config/schedule.json'), 'utf8'));

it('lists the next scheduled dates after a day, across a year end', () => {
  expect(schedule.dayOfMonth).toBe(5);
  expect(scheduledDatesAfter(schedule, '2025-11-05', 3)).toEqual(['2025-12-05', '2026-01-05', '2026-02-05']);
  expect(scheduledDatesAfter(schedule, '2025-11-04', 1)).toEqual(['2025-11-05']);
});

it('calls the data late only after the next scheduled date plus the grace days', () => {
  const until = freshUntil(schedule, '2025-10-05');
  expect(until).toBe('2025-11-15');
  expect(isStale(schedule, '2025-10-05', '2025-11-15')).toBe(false);
  expect(isStale(schedule, '2025-10-05', '2025-11-16')).toBe(true);
  expect(isStale(schedule, '2025-12-05', '2025-11-16')).toBe(false);
});

it('refuses a schedule the months cannot all keep, naming the field', () => {
  expect(() => parseSchedule('{"cadence":"monthly","dayOfMonth":31,"graceDays":10,"upcoming":3}', 'x.json')).toThrow(/x\.json: "dayOfMonth"/);
});
