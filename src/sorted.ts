/**
 * Binary search over ascending keys (a base module): the index of the last key
 * at or before `x`, 0 when every key is after it (and for an empty list).
 * Used to map an offset to its line through a sorted list of line starts.
 */
export function lastAtOrBefore(n: number, keyAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
