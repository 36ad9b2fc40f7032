/**
 * What disclosure control did to a table: how many cells each rule withheld, per protected
 * measure. The analyst sees these (console, and the release's basis: disclosure-report.json); the
 * public manifest gets only how many cells are withheld. Per-rule counts beside the published
 * flags would pin values: when a release adds no complementary cell, every cell first withheld in
 * it is provably 1..k−1.
 */
import type { SuppressionCounts } from '../../src/schema/manifest.ts';

export interface MeasureRuleCounts {
  k: number;
  /** Cells withheld because their count is 1..k−1. */
  primary: number;
  /** Cells withheld so that no withheld value can be derived from the published cells and totals. */
  secondary: number;
  /** Cells withheld because the previous public release withheld them. */
  frozen: number;
  lpSolves: number;
  auditRounds: number;
  unresolved: number;
  derivable: number;
}

export interface DisclosureCounts {
  k: number | null;
  primary: number;
  secondary: number;
  frozen: number;
  audited: boolean;
  lpSolves: number;
  seconds: number;
  measures: Record<string, MeasureRuleCounts>;
}

/** An internal (unsuppressed) build: nothing withheld. */
export const NOTHING_WITHHELD: DisclosureCounts = { k: null, primary: 0, secondary: 0, frozen: 0, audited: false, lpSolves: 0, seconds: 0, measures: {} };

/** What the public manifest says: cells withheld, not which rule withheld them. */
export function publicSuppression(c: DisclosureCounts): SuppressionCounts {
  return {
    k: c.k,
    withheld: c.primary + c.secondary + c.frozen,
    audited: c.audited,
    lpSolves: c.lpSolves,
    seconds: c.seconds,
    measures: Object.fromEntries(Object.entries(c.measures).map(([name, m]) => [name, {
      k: m.k, withheld: m.primary + m.secondary + m.frozen, lpSolves: m.lpSolves, auditRounds: m.auditRounds, unresolved: m.unresolved, derivable: m.derivable,
    }])),
  };
}
