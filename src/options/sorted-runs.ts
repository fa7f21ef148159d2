/** Two arrays, each sorted by `compare`, as one sorted array (stable: of equals, `a`'s come first). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(b[j], a[i]) < 0 ? b[j++] : a[i++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}

/**
 * Sorted runs added one at a time, merged into one sorted array bit by bit. The newest two runs are
 * merged while the one before is not more than twice as long as the newest (as TimSort keeps its
 * runs), so each run kept is over twice the next and there are never more than log n: n items added
 * in k runs cost n·log k steps in all, and `all` at most 2n, where merging each run into everything
 * before it would cost n·k. Stable: of equals, those added first come first.
 */
export class SortedRuns<T> {
  private readonly runs: T[][] = [];
  private readonly compare: (x: T, y: T) => number;

  constructor(compare: (x: T, y: T) => number) {
    this.compare = compare;
  }

  add(run: T[]): void {
    this.runs.push(run);
    while (this.runs.length > 1 && this.runs[this.runs.length - 2].length <= 2 * this.runs[this.runs.length - 1].length) {
      const newer = this.runs.pop()!;
      this.runs.push(mergeSorted(this.runs.pop()!, newer, this.compare));
    }
  }

  /** Everything added, in order. */
  all(): T[] {
    return this.runs.reduceRight((newer, older) => mergeSorted(older, newer, this.compare), []);
  }
}

/** Items sorted a step at a time by `sortInSteps`: at most a few milliseconds of comparisons. */
export const SORT_STEP = 1024;

/**
 * Sorts `items` in steps given to `schedule`: each step sorts the next `SORT_STEP` of them and merges
 * them in (`SortedRuns`), the last gives them all in order to `done`; the returned function stops it.
 * The same order as one `sort` (stable too), without a task that compares them all.
 */
export function sortInSteps<T>(
  items: readonly T[],
  compare: (x: T, y: T) => number,
  schedule: (step: () => boolean) => void,
  done: (sorted: T[]) => void,
): () => void {
  const runs = new SortedRuns(compare);
  let next = 0;
  let stopped = false;
  schedule(() => {
    if (stopped) return true;
    if (next < items.length) {
      runs.add(items.slice(next, next + SORT_STEP).sort(compare));
      next += SORT_STEP;
      return false;
    }
    done(runs.all());
    return true;
  });
  return () => {
    stopped = true;
  };
}
