import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../../scripts/bench/stats.mjs';

/** P(X ≤ k) for X ~ Bin(n, ½), by Pascal's triangle: a second way to the same sums. */
function binomialCdf(n: number, k: number): number {
  let row = [1];
  for (let i = 0; i < n; i++) row = [...row, 0].map((value, j) => (value + (j > 0 ? row[j - 1] : 0)) / 2);
  return row.slice(0, k + 1).reduce((sum, p) => sum + p, 0);
}

describe('medianInterval', () => {
  it('takes the order statistics around the middle that hold the median nine times in ten', () => {
    const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    // Known values for a 90% interval (two-sided): n = 43 → ranks 16 and 28; n = 10 → 2 and 9.
    expect(medianInterval(ranks(43))).toEqual({ low: 16, high: 28 });
    expect(medianInterval(ranks(10))).toEqual({ low: 2, high: 9 });
    for (const n of [5, 9, 20, 43, 87, 129]) {
      const { low } = medianInterval(ranks(n));
      const k = low - 1; // samples left below the interval
      expect(1 - 2 * binomialCdf(n, k)).toBeGreaterThanOrEqual(0.9);
      // One rank narrower would hold it less often.
      expect(1 - 2 * binomialCdf(n, k + 1)).toBeLessThan(0.9);
    }
  });

  it('reads the samples in any order, around their median', () => {
    const ratios = [1.2, 0.95, 1.05, 1.1, 1.0, 1.3, 0.9, 1.15, 1.02, 1.08, 1.07];
    const { low, high } = medianInterval(ratios);
    expect(low).toBeLessThanOrEqual(median(ratios));
    expect(high).toBeGreaterThanOrEqual(median(ratios));
    expect(ratios).toContain(low);
    expect(ratios).toContain(high);
  });

  it('is the whole range of too few samples, and nothing of none', () => {
    expect(medianInterval([3, 1, 2])).toEqual({ low: 1, high: 3 });
    expect(medianInterval([])).toEqual({ low: NaN, high: NaN });
  });
});
