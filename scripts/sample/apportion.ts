/**
 * Largest-remainder (Hamilton) apportionment: splits an exact integer total over non-negative
 * weights so the parts are integers that sum to the total exactly. Ties in the remainders go to
 * the lower index, so the result depends only on the inputs (deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total must be a non-negative integer, got ${total}`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new Error('apportion: no weights to share a non-zero total over');
  }
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum <= 0) {
    if (total === 0) return weights.map(() => 0);
    throw new Error('apportion: weights sum to zero');
  }
  const quotas = weights.map((w) => (Math.max(0, w) / sum) * total);
  const parts = quotas.map((q) => Math.floor(q));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q) }))
    .filter(({ i }) => (weights[i] ?? 0) > 0)
    .sort((x, y) => y.r - x.r || x.i - y.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}

/** Expands margins into a list of tokens: apportioned counts become repeated labels. */
export function tokens<T>(counts: readonly (readonly [T, number])[]): T[] {
  const out: T[] = [];
  for (const [label, n] of counts) for (let i = 0; i < n; i++) out.push(label);
  return out;
}

/**
 * Like apportion, but no part may exceed its cap: parts that would are fixed at their cap and the
 * rest is shared again over the others. Throws if the caps cannot hold the total.
 */
export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  const open = new Set(weights.map((_, i) => i).filter((i) => (weights[i] ?? 0) > 0 && (caps[i] ?? 0) > 0));
  let left = total;
  for (;;) {
    const idx = [...open];
    if (idx.length === 0) {
      if (left === 0) return parts;
      throw new Error(`apportionCapped: caps cannot hold ${total}`);
    }
    const trial = apportion(left, idx.map((i) => weights[i]!));
    const over = idx.filter((i, j) => trial[j]! > caps[i]!);
    if (over.length === 0) {
      idx.forEach((i, j) => (parts[i] = trial[j]!));
      return parts;
    }
    for (const i of over) {
      parts[i] = caps[i]!;
      left -= caps[i]!;
      open.delete(i);
    }
  }
}
