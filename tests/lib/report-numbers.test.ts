/** The English numbers of the console and docs/benchmarks.md: grouped by thousands, rounded as asked. */
import { expect, test } from 'vitest';
import { reportFixed, reportNumber } from '../../scripts/lib/report-numbers.ts';

test('groups thousands and rounds to at most the digits asked', () => {
  expect(reportNumber(20_000_000)).toBe('20,000,000');
  expect(reportNumber(2_969_533.6)).toBe('2,969,534');
  expect(reportNumber(4.83, 1)).toBe('4.8');
  expect(reportNumber(5, 1)).toBe('5');
  expect(reportNumber(0)).toBe('0');
});

test('writes exactly the digits asked when fixed', () => {
  expect(reportFixed(1234.5, 2)).toBe('1,234.50');
  expect(reportFixed(0.049, 1)).toBe('0.0');
  expect(reportFixed(1790.4, 0)).toBe('1,790');
});
