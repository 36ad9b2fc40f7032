/**
 * Tile-grid cartogram of Indonesia's 38 provinces, keyed by the official Kemendagri/BPS code and
 * laid out roughly geographically (Sumatra west, Java and Nusa Tenggara south, Kalimantan and
 * Sulawesi in the middle, Maluku and the six Papua provinces east). Every province gets one equal
 * tile, so DKI Jakarta, DIY, Bali and Kepri are as visible as Papua. No boundary data is needed.
 */
export interface ProvinceTile {
  code: string;
  /** Short label on the tile. */
  abbr: string;
  col: number;
  row: number;
}

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '11', abbr: 'ACEH', col: 0, row: 0 },
  { code: '12', abbr: 'SUMUT', col: 0, row: 1 },
  { code: '14', abbr: 'RIAU', col: 1, row: 1 },
  { code: '21', abbr: 'KEPRI', col: 2, row: 1 },
  { code: '13', abbr: 'SUMBAR', col: 0, row: 2 },
  { code: '15', abbr: 'JAMBI', col: 1, row: 2 },
  { code: '19', abbr: 'BABEL', col: 2, row: 2 },
  { code: '17', abbr: 'BKL', col: 0, row: 3 },
  { code: '16', abbr: 'SUMSEL', col: 1, row: 3 },
  { code: '18', abbr: 'LPG', col: 1, row: 4 },
  { code: '36', abbr: 'BANTEN', col: 1, row: 5 },
  { code: '31', abbr: 'DKI', col: 2, row: 5 },
  { code: '32', abbr: 'JABAR', col: 3, row: 5 },
  { code: '33', abbr: 'JATENG', col: 4, row: 5 },
  { code: '34', abbr: 'DIY', col: 4, row: 6 },
  { code: '35', abbr: 'JATIM', col: 5, row: 5 },
  { code: '51', abbr: 'BALI', col: 6, row: 5 },
  { code: '52', abbr: 'NTB', col: 7, row: 5 },
  { code: '53', abbr: 'NTT', col: 8, row: 5 },
  { code: '61', abbr: 'KALBAR', col: 3, row: 1 },
  { code: '62', abbr: 'KALTENG', col: 4, row: 1 },
  { code: '64', abbr: 'KALTIM', col: 5, row: 1 },
  { code: '65', abbr: 'KALTARA', col: 5, row: 0 },
  { code: '63', abbr: 'KALSEL', col: 5, row: 2 },
  { code: '75', abbr: 'GTLO', col: 7, row: 0 },
  { code: '71', abbr: 'SULUT', col: 8, row: 0 },
  { code: '76', abbr: 'SULBAR', col: 6, row: 1 },
  { code: '72', abbr: 'SULTENG', col: 7, row: 1 },
  { code: '73', abbr: 'SULSEL', col: 6, row: 2 },
  { code: '74', abbr: 'SULTRA', col: 7, row: 2 },
  { code: '82', abbr: 'MALUT', col: 9, row: 1 },
  { code: '81', abbr: 'MALUKU', col: 9, row: 2 },
  { code: '96', abbr: 'PBD', col: 10, row: 1 },
  { code: '92', abbr: 'PABAR', col: 11, row: 1 },
  { code: '91', abbr: 'PAPUA', col: 12, row: 1 },
  { code: '94', abbr: 'PAPTENG', col: 11, row: 2 },
  { code: '95', abbr: 'PAPEG', col: 12, row: 2 },
  { code: '93', abbr: 'PAPSEL', col: 12, row: 3 },
];

export const TILE_COLUMNS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.col));
export const TILE_ROWS = 1 + Math.max(...PROVINCE_TILES.map((t) => t.row));
