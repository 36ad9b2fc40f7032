/** Months as "YYYY-MM" strings, with the Indonesian names offices write in their exports. */
export const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;

export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

export const yearOf = (month: string): number => Number(month.slice(0, 4));
/** 1..12 */
export const monthNumber = (month: string): number => Number(month.slice(5, 7));

/** Months from a to b (b later is positive). */
export const monthsBetween = (a: string, b: string): number => yearOf(b) * 12 + monthNumber(b) - (yearOf(a) * 12 + monthNumber(a));

/** "Januari 2024" */
export const monthLabelId = (month: string): string => `${MONTHS_ID[monthNumber(month) - 1]} ${yearOf(month)}`;

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(yearOf(month), monthNumber(month), 0)).getUTCDate();
}
