/** An XLSX export refused before its data is used: what is wrong with the file, and what the office should do. */
export class UnsafeXlsxError extends Error {
  /**
   * `where`: an issue code other than "unsafe-xlsx" (e.g. "xlsx-hidden-cells"), and the sheet row
   * and column it is about, for a refusal that concerns one place in the sheet.
   */
  constructor(message: string, readonly fix: string, readonly where: { code?: string; row?: number; column?: string } = {}) {
    super(message);
    this.name = 'UnsafeXlsxError';
  }
}

/** The fix for a workbook that is damaged or not one Excel or LibreOffice wrote. */
export const RESAVE_FIX = 'Open the file in Excel or LibreOffice and save it again as .xlsx (Excel Workbook), or export CSV.';
/** The fix for a workbook larger than the limits. */
export const TOO_LARGE_FIX = 'Send the data as CSV, or split the workbook; a monthly export is a few megabytes at most.';
