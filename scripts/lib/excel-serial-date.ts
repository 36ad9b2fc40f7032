/**
 * Excel's serial day numbers. The 1900 date system (Windows Excel, LibreOffice) counts from
 * 1 January 1900 and keeps Lotus's phantom 29 February 1900; the 1904 system (a workbook saved
 * with `date1904`, old Mac Excel) counts from 1 January 1904. Text has no date system: a serial
 * written as text in a CSV is read in the 1900 system.
 */
export type ExcelDateSystem = 1900 | 1904;

/** Serial 0 of the 1904 system (1 January 1904) is serial 1462 of the 1900 system. */
const DAYS_FROM_1900_TO_1904 = 1462;

/** The ISO date of a whole serial from 1990 to 2099; null for anything else. */
export function excelSerialToIso(serial: number, dateSystem: ExcelDateSystem = 1900): string | null {
  const days = dateSystem === 1904 ? serial + DAYS_FROM_1900_TO_1904 : serial;
  if (!Number.isInteger(days) || days < 32874 || days > 73051) return null; // 1990..2099
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}
