/** The release calendar read once from config/schedule.json at build time (Node only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSchedule, SCHEDULE_FILE, type Schedule } from '../schema/schedule.ts';
import { projectRoot } from './published.ts';

let schedule: Schedule | null = null;

export function readSchedule(): Schedule {
  schedule ??= parseSchedule(readFileSync(join(projectRoot(), SCHEDULE_FILE), 'utf8'));
  return schedule;
}

