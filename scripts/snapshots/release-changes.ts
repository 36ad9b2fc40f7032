/**
 * What a newly published release changed against the one `current` pointed at before: the lines
 * `npm run snapshot` ends with, read from the two manifests only (counts of published rows and
 * withheld cells, months added or revised), so the summary reveals nothing the releases do not.
 */
import type { Manifest } from '../../src/schema/manifest.ts';
import { TABLE_NAMES } from '../../src/schema/tables.ts';

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return months;
    months.push(month);
    if (++m > 12) { m = 1; y++; }
  }
}

export function releaseChanges(before: Manifest | null, after: Manifest): string[] {
  if (!before) return [`first release: ${after.coverage.from} to ${after.coverage.to}`];
  const lines: string[] = [];
  if (before.snapshotDate === after.snapshotDate && before.builtAt === after.builtAt) return ['nothing changed'];
  lines.push(`against the ${before.snapshotDate} release: coverage ${before.coverage.from}–${before.coverage.to} → ${after.coverage.from}–${after.coverage.to}`);
  const added = after.coverage.to > before.coverage.to ? monthsBetween(before.coverage.to, after.coverage.to).slice(1) : [];
  lines.push(added.length > 0 ? `new months: ${added.join(', ')}` : 'no new months');
  for (const table of TABLE_NAMES) {
    const rows = [before.tables[table]?.rows ?? 0, after.tables[table]?.rows ?? 0] as const;
    const withheld = [before.suppression[table]?.withheld ?? 0, after.suppression[table]?.withheld ?? 0] as const;
    const revised = after.revisions?.[table]?.revised ?? [];
    const held = after.revisions?.[table]?.held ?? [];
    const parts = [`${rows[1]} rows (${rows[1] - rows[0] >= 0 ? '+' : ''}${rows[1] - rows[0]})`, `${withheld[1]} cells withheld (${withheld[1] - withheld[0] >= 0 ? '+' : ''}${withheld[1] - withheld[0]})`];
    if (revised.length > 0) parts.push(`revised months: ${revised.join(', ')}`);
    if (held.length > 0) parts.push(`revisions held back: ${held.join(', ')}`);
    lines.push(`${table}: ${parts.join('; ')}`);
  }
  return lines;
}
