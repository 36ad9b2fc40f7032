/**
 * Months and dates as offices write them: "2024-01", "Januari 2024", "Jan-24", "01/2024",
 * "15/01/2024", "2024-01-15", "15 Januari 2024", and Excel serial day numbers (45292 = 1 Jan 2024).
 * Returns ISO text (YYYY-MM-01 for months, YYYY-MM-DD for dates) or null when the text is not one.
 */
import { excelSerialToIso } from './excel-serial-date.ts';

const MONTH_NAMES: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, agst: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

/** The month (1–12) a name or abbreviation stands for ("Januari", "Peb", "Sept"); undefined otherwise. */
export function monthOfName(name: string): number | undefined {
  const key = name.trim().toLowerCase().replace(/\.$/, '');
  return Object.hasOwn(MONTH_NAMES, key) ? MONTH_NAMES[key] : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));


export function parseDate(text: string): string | null {
  const s = text.trim().toLowerCase();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$/))) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  if ((m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/))) return isoDate(fullYear(m[3]!), +m[2]!, +m[1]!);
  if ((m = s.match(/^(\d{1,2})[\s-]+([a-z]+)[\s-]+(\d{4})$/))) {
    const month = MONTH_NAMES[m[2]!];
    return month ? isoDate(+m[3]!, month, +m[1]!) : null;
  }
  if ((m = s.match(/^(\d{5})(?:[.,]0+)?$/))) return excelSerialToIso(Number(m[1]));
  return null;
}

export function parseMonth(text: string): string | null {
  const s = text.trim().toLowerCase();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return isoDate(+m[1]!, +m[2]!, 1);
  if ((m = s.match(/^(\d{1,2})[-/.](\d{4})$/))) return isoDate(+m[2]!, +m[1]!, 1);
  if ((m = s.match(/^([a-z]+)[\s\-'.]+(\d{2}|\d{4})$/))) {
    const month = MONTH_NAMES[m[1]!];
    return month ? isoDate(fullYear(m[2]!), month, 1) : null;
  }
  const date = parseDate(s);
  return date ? `${date.slice(0, 7)}-01` : null;
}

const MONTH_NAMES_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why a text that looks like a month or date is not one, for the fix of an error message:
 * "2024-13" names month 13, "30/02/2024" a day February does not have, "1899-01" a year outside
 * what the tables hold. Null when the text does not look like a period at all.
 */
export function whyNotAPeriod(text: string, kind: 'month' | 'date'): string | null {
  const s = text.trim();
  const noun = kind === 'month' ? 'a month' : 'a date';
  const write = kind === 'month' ? 'Write the month as "2024-01" or "Januari 2024".' : 'Write the date as "15/01/2024" or "2024-01-15".';
  let year: number, month: number, day: number | null = null;
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/))) [year, month, day] = [+m[1]!, +m[2]!, m[3] ? +m[3] : null];
  else if ((m = s.match(/^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$/))) [year, month, day] = [+m[3]!, +m[2]!, m[1] ? +m[1] : null];
  else return /\d/.test(s) ? `"${s}" is not ${noun}. ${write}` : null;
  if (month < 1 || month > 12) return `"${s}" is not ${noun}: months are numbered 01 to 12, and ${month} is not one. ${write}`;
  if (year < 1990 || year > 2100) return `"${s}" is not ${noun} these tables can hold: the year ${year} is outside 1990–2100. Check the year.`;
  if (day !== null && (day < 1 || day > daysIn(year, month))) {
    return `"${s}" is not ${noun}: ${MONTH_NAMES_ID[month - 1]} ${year} has ${daysIn(year, month)} days. Check the day (dates are written day/month/year).`;
  }
  return `"${s}" is not ${noun}. ${write}`;
}
