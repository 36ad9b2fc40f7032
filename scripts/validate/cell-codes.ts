/**
 * The codes validation stores per cell and per row (UTINYINT columns), and the month range a table
 * must stay within: one home, read by the value maps (validate-table.ts) and the rule queries
 * (table-rules.ts) alike.
 */
import type { CountStatus } from './parse-count.ts';
import type { ValueStatus } from './resolve-values.ts';

/** Status codes stored per cell (UTINYINT). */
export const STATUS: Record<ValueStatus | CountStatus, number> = {
  ok: 0, blank: 1, total: 2, note: 3, unresolved: 4, ambiguous: 5, 'not-number': 6, negative: 7, fractional: 8,
};
/**
 * Row kinds (UTINYINT). `lone`: one filled cell that is not a value of its column ("Sumber: …",
 * "*) data sementara", a note typed in the count column): a note below the data, or a stray
 * line among it (note-rows.ts decides which).
 */
export const KIND = { data: 0, blank: 1, note: 2, total: 3, lone: 4 } as const;

/** The months a table's rows must fall within ("YYYY-MM", inclusive). */
export interface Coverage { from: string; to: string }
