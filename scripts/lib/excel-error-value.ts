/**
 * Excel's error values (#REF!, #N/A, …): what a cell shows when the formula that filled it failed.
 * An XLSX keeps the last error as the cell's value (type `e`), and so does a copy pasted as values;
 * a CSV saved from Excel writes it as text. Either way the count is not there: the message names
 * the error and sends the office back to the formula, never to a made-up 0.
 */
const MEANINGS: Record<string, string> = {
  '#REF!': 'the formula refers to a cell or sheet that was deleted',
  '#N/A': 'a lookup such as VLOOKUP or XLOOKUP found no match',
  '#VALUE!': 'the formula was given text or a value of the wrong kind',
  '#DIV/0!': 'the formula divides by zero or by an empty cell',
  '#NAME?': 'the formula uses a function or name Excel does not know',
  '#NUM!': 'the formula gave an impossible number',
  '#NULL!': 'the formula intersects two ranges that do not meet',
  '#SPILL!': 'the formula\'s result could not spill into the cells beside it',
  '#CALC!': 'the formula could not be calculated',
  '#GETTING_DATA': 'the formula was still loading external data',
};

export const EXCEL_ERROR_VALUES: readonly string[] = Object.keys(MEANINGS);

export const isExcelErrorValue = (text: string): boolean => Object.hasOwn(MEANINGS, text.trim().toUpperCase());

/** The fix for a cell holding `text`, an Excel error value. */
export function excelErrorFix(text: string): string {
  const code = text.trim().toUpperCase();
  return `The cell holds the Excel error ${code} (${MEANINGS[code] ?? 'a formula failed'}), not a value. Repair the formula in the source workbook so that it gives the figure, paste the sheet as values (Paste Special → Values) and export again.`;
}
