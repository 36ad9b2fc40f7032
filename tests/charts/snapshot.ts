/**
 * Committed snapshots: a test compares what it drew with the file, and fails when the file is
 * missing. Only an explicit run writes them (`npm run test:update-snapshots`, which sets
 * UPDATE_SNAPSHOTS=1); review the diff before committing it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect } from 'vitest';

export const UPDATE_SNAPSHOTS = process.env.UPDATE_SNAPSHOTS === '1';

/** Passes when `actual` equals the snapshot at `path`; with `update`, writes it instead. */
export function checkSnapshot(path: string, actual: string, update = UPDATE_SNAPSHOTS): void {
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`${basename(path)} has no snapshot: write it with \`npm run test:update-snapshots\`, review it, and commit it`);
  }
  expect(actual, `${basename(path)} differs from its snapshot (\`npm run test:update-snapshots\` to accept an intended change)`).toBe(readFileSync(path, 'utf8'));
}

/**
 * Coordinates rounded to one decimal, so a snapshot survives floating-point noise: only numbers
 * inside attribute values (positions, sizes, paths). Text is compared exactly, so "7.550.087" in a
 * label stays "7.550.087".
 */
export const roundCoordinates = (markup: string): string =>
  markup.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
