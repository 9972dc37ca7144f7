/**
 * The `p` percentile of `values` (0 ≤ p ≤ 1) with linear interpolation between the closest ranks,
 * as PostgreSQL's percentile_cont; null for none. For figures computed in JS (business time).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
