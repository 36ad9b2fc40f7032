/**
 * Withheld cells: disclosure control publishes a null count and a `<measure>_withheld` flag; every
 * view shows "<k", with k from the disclosure configuration, and a footnote.
 */
import { DISCLOSURE } from '../schema/disclosure.ts';
import type { TableName } from '../schema/tables.ts';

/** k of a measure, or null when it is published exactly. */
export function thresholdOf(table: TableName, measure: string): number | null {
  return DISCLOSURE[table].measures.find((m) => m.name === measure)?.k ?? null;
}

/** "<10" for sanctions, "<5" for arrivals; "<k" when a flag is set on a measure without k. */
export function withheldLabel(table: TableName, measure: string): string {
  const k = thresholdOf(table, measure);
  return k === null ? '<k' : `<${k}`;
}
