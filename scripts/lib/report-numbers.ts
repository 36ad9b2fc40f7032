/**
 * Numbers in what the scripts print for the analyst and write into docs/benchmarks.md: English,
 * grouped by thousands (12,822 rows; 4.8 MiB). The site's numbers are Indonesian or English by
 * page and come from src/i18n/format.ts; these are never shown on the site.
 */
const formats = new Map<string, Intl.NumberFormat>();

function format(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits })));
  return f;
}

/** Rounded to at most `maxDigits` decimals, grouped: 20000000 → "20,000,000", 4.83 with 1 → "4.8", 5 with 1 → "5". */
export const reportNumber = (n: number, maxDigits = 0): string => format(0, maxDigits).format(n);

/** With exactly `digits` decimals, grouped: 1234.5 with 2 → "1,234.50". */
export const reportFixed = (n: number, digits: number): string => format(digits, digits).format(n);
