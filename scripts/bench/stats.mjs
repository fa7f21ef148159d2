// Small statistics for the bench: figures are medians of several runs, latencies also a 95th percentile.

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Nearest-rank percentile (p in 0–100): a value that was actually measured.
 * @param {number[]} values @param {number} p
 */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** @param {number[]} values */
export function summary(values) {
  return { runs: values.length, median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * A confidence interval for the median of what was sampled (`level` 0.9: an interval made so holds it nine times in
 * ten), from the samples alone: the order statistics around the middle that Bin(n, ½) gives, with no assumption
 * about the shape of the times. A page load ÷ its floor moves by a tenth from one round to the next; the interval
 * says whether the median of the rounds is within a target or only happened to land there.
 * With fewer than 5 samples it is their whole range, which then holds the median less often than `level`.
 * @param {number[]} values @param {number} [level]
 */
export function medianInterval(values, level = 0.9) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { low: NaN, high: NaN };
  // P(X ≤ k) for X ~ Bin(n, ½), summed term by term (n is a few hundred at most).
  let term = 0.5 ** n;
  let below = term;
  let k = 0;
  while (k < n && below + term * ((n - k) / (k + 1)) <= (1 - level) / 2) {
    term *= (n - k) / (k + 1);
    below += term;
    k++;
  }
  // [x(k+1), x(n-k)] (1-based) holds the median with probability at least `level`.
  return { low: sorted[Math.min(k, n - 1)], high: sorted[Math.max(n - 1 - k, 0)] };
}
