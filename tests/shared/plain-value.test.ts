/** Values both engines hand back alike: exact integers as numbers (or an error), DATEs as YYYY-MM-DD. */
import { expect, test } from 'vitest';
import { exactNumber, isoDay } from '../../src/shared/plain-value.ts';

test('an integer that a number holds exactly becomes that number; one beyond 2^53 is refused by column', () => {
  expect(exactNumber(0n, 'count')).toBe(0);
  expect(exactNumber(-42n, 'change')).toBe(-42);
  expect(exactNumber(BigInt(Number.MAX_SAFE_INTEGER), 'count')).toBe(Number.MAX_SAFE_INTEGER);
  expect(() => exactNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'count')).toThrow(/count = 9007199254740992 does not fit a JS number exactly/);
  expect(() => exactNumber(-(2n ** 60n), 'total')).toThrow(/total/);
});

test('a date is its UTC day, zero-padded', () => {
  expect(isoDay(new Date(Date.UTC(2024, 0, 1)))).toBe('2024-01-01');
  expect(isoDay(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe('2025-12-31');
  expect(isoDay(new Date(Date.UTC(999, 2, 5)))).toBe('0999-03-05');
});
