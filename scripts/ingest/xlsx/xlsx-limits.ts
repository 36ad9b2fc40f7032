/**
 * What an XLSX export may cost to read. A workbook beyond any of these is refused as it is being
 * read, at the first byte, element or cell over the limit, so a hostile file never costs more than
 * about the largest workbook accepted (docs/benchmarks.md, "Hostile XLSX files").
 */
const MiB = 1024 * 1024;

export const XLSX_LIMITS = {
  fileBytes: 64 * MiB,
  /** Zip entries (a workbook written by Excel or LibreOffice has 10 to 30). */
  entries: 2_000,
  /**
   * Inflated bytes of the worksheet read: about 150,000 rows of a six-column export (the sample's
   * 10,300 arrival rows take 2.1 MB), read in about a second. Larger exports belong in CSV, which
   * DuckDB streams at millions of rows a second. Parsing XML is the cost that bounds every limit
   * here: what a file may make us parse is what it may cost.
   */
  sheetBytes: 32 * MiB,
  /** Inflated bytes of the shared-strings table. */
  sharedStringsBytes: 16 * MiB,
  /** Inflated bytes of any other part read (workbook, relationships, styles). */
  otherPartBytes: 4 * MiB,
  /** Bytes inflated for one file in all, over every part and every pass. */
  fileInflatedBytes: 40 * MiB,
  /** Ratio of inflated to compressed bytes above which an entry is a zip bomb... */
  compressionRatio: 300,
  /** ...once it has inflated to more than this (tiny parts compress at any ratio). */
  compressionRatioFromBytes: 1 * MiB,
  /** Nesting of XML elements (a worksheet is 5 deep; extensions add a few). */
  xmlDepth: 64,
  /** Characters in one text node or attribute value: Excel's own limit for a cell is 32,767. */
  xmlTextChars: 65_536,
  /** Strings in the shared-strings table. */
  sharedStrings: 1_000_000,
  /** Cells that hold no value (formatting only) in one sheet. */
  emptyCells: 1_000_000,
  /** Excel's own grid: 1,048,576 rows by 16,384 columns (XFD). */
  rows: 1_048_576,
  columns: 16_384,
} as const;
