/**
 * The revision model: the generator holds one final dataset; a snapshot shows the newest months as
 * they stood when it was taken. The last month of a snapshot (lag 0) and the one before (lag 1)
 * lack some late reports: a share of their cells is a little lower (0.5–3%, or one person fewer
 * for small counts; a few corrections go the other way) and a few activity reports are missing.
 * From lag 2 on a month is final, so each snapshot revises the last two months of the previous
 * one and never anything before FIRST_REVISABLE_MONTH. Draws are keyed by table, cell and lag,
 * so they do not depend on row order.
 */
import { monthsBetween } from './calendar.ts';
import { FIRST_REVISABLE_MONTH, SEED } from './calibration.ts';
import { createRng } from './prng.ts';

export const REVISED_LAGS = 2;

export function lagOf(month: string, snapshotTo: string): number {
  return monthsBetween(month, snapshotTo);
}

function guard(month: string, lag: number): boolean {
  if (lag >= REVISED_LAGS) return false;
  if (month < FIRST_REVISABLE_MONTH) throw new Error(`revision model would touch ${month}, before ${FIRST_REVISABLE_MONTH}`);
  return true;
}

/** Count as first reported at this lag; 0 means the row is not in the export yet. */
export function preliminaryCount(table: string, key: string, month: string, value: number, lag: number): number {
  if (!guard(month, lag)) return value;
  const rng = createRng(SEED, `revision/${table}/${key}/${lag}`);
  const [pLate, maxShare] = lag === 0 ? [0.35, 0.03] : [0.15, 0.015];
  if (value < 40) return rng.chance(pLate / 3) ? value - 1 : value;
  if (rng.chance(0.04)) return Math.round(value * (1 + rng.range(0.005, 0.01))); // a correction downwards later
  if (!rng.chance(pLate)) return value;
  return Math.round(value * (1 - rng.range(0.005, maxShare)));
}

/** Whether a one-row-per-event record (an activity) has been reported yet at this lag. */
export function reportedYet(table: string, key: string, month: string, lag: number): boolean {
  if (!guard(month, lag)) return true;
  return !createRng(SEED, `revision/${table}/${key}/${lag}`).chance(lag === 0 ? 0.07 : 0.025);
}
