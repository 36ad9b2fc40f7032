/**
 * One spelling rule for every name or code lookup: lower case, accents removed, anything that is
 * not a letter or digit becomes one space. "Soekarno-Hatta", "SOEKARNO HATTA " and "soekarno.hatta"
 * all become "soekarno hatta".
 */
export function normaliseSpelling(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Similarity in 0..1 from the edit distance (Levenshtein, with a swap of two neighbouring letters
 * as one edit: "Bogro" is one slip from "Bogor"); used only to suggest a fix in messages.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  // rows[i][j]: edits between the first i letters of a and the first j of b
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return 1 - rows[a.length]![b.length]! / Math.max(a.length, b.length);
}
