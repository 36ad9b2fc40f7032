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

/** Similarity in 0..1 from the Levenshtein distance; used only to suggest a fix in error messages. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length);
}
