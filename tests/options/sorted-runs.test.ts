import { expect, test } from 'vitest';
import { mergeSorted, SORT_STEP, sortInSteps, SortedRuns } from '../../src/options/sorted-runs';

const byNumber = (x: { n: number }, y: { n: number }) => x.n - y.n;
const numbers = (x: number, y: number) => x - y;

test('mergeSorted interleaves two sorted arrays into one, in order', () => {
  expect(mergeSorted([1, 4, 9], [2, 3, 10, 11], numbers)).toEqual([1, 2, 3, 4, 9, 10, 11]);
  expect(mergeSorted([], [2, 3], numbers)).toEqual([2, 3]);
  expect(mergeSorted([5], [], numbers)).toEqual([5]);
});

test("mergeSorted is stable: of equals, the first array's come first", () => {
  const merged = mergeSorted(
    [
      { n: 1, from: 'a' },
      { n: 2, from: 'a' },
    ],
    [
      { n: 1, from: 'b' },
      { n: 2, from: 'b' },
    ],
    byNumber,
  );
  expect(merged.map(({ n, from }) => `${n}${from}`)).toEqual(['1a', '1b', '2a', '2b']);
});

test('SortedRuns gives everything added in order, whatever the runs', () => {
  const runs = new SortedRuns(numbers);
  expect(runs.all()).toEqual([]);
  const added: number[] = [];
  // Runs of uneven lengths, so that some are merged as they come and some only at the end.
  for (let k = 0; k < 23; k++) {
    const run = Array.from({ length: (k * 7) % 5 }, (_, i) => (k * 37 + i * 101) % 97).sort(numbers);
    added.push(...run);
    runs.add(run);
  }
  expect(runs.all()).toEqual(added.sort(numbers));
});

test('SortedRuns is stable: of equals, those added first come first', () => {
  const runs = new SortedRuns<{ n: number; from: string }>(byNumber);
  for (const from of ['a', 'b', 'c', 'd', 'e']) runs.add([{ n: 1, from }]);
  expect(runs.all().map(({ from }) => from)).toEqual(['a', 'b', 'c', 'd', 'e']);
});

test('SortedRuns keeps few runs however the runs shrink, so that `all` is one pass or two', () => {
  const runs = new SortedRuns(numbers);
  let merged = 0;
  const counting = (x: number, y: number) => (merged++, x - y);
  const counted = new SortedRuns(counting);
  // Runs each shorter than the last: none is as long as the one before it.
  for (let k = 0; k < 200; k++) {
    const run = Array.from({ length: 400 - k }, (_, i) => i * 1000 + k);
    runs.add(run);
    counted.add(run);
  }
  merged = 0;
  const all = counted.all();
  expect(all).toEqual(runs.all());
  expect(all).toHaveLength(200 * 301 - 100);
  // Each kept run is over twice the next: merging them all looks at each item twice at most.
  expect(merged).toBeLessThan(2 * all.length);
});

/** Steps given to `sortInSteps`, run one at a time by the test. */
function manualSteps() {
  const steps: (() => boolean)[] = [];
  return {
    schedule: (step: () => boolean) => void steps.push(step),
    /** Runs the step once; whether it said it is done. */
    runOne: () => steps[0](),
  };
}

test('sortInSteps gives the order of one stable sort, whatever the number of steps', () => {
  for (const length of [0, 1, SORT_STEP - 1, SORT_STEP, SORT_STEP + 1, 5 * SORT_STEP + 17]) {
    // Few distinct keys: many equals, whose order must be kept.
    const items = Array.from({ length }, (_, i) => ({ n: (i * 7919) % 13, i }));
    const steps = manualSteps();
    let sorted: { n: number; i: number }[] | null = null;
    sortInSteps(items, byNumber, steps.schedule, (done) => (sorted = done));
    while (!steps.runOne());
    expect(sorted).toEqual([...items].sort(byNumber));
  }
});

test('sortInSteps compares a step of items at a time, and gives them only once all are in order', () => {
  const items = Array.from({ length: 10 * SORT_STEP }, (_, i) => (i * 7919) % 10007);
  let compared = 0;
  const counting = (x: number, y: number) => (compared++, x - y);
  const steps = manualSteps();
  let sorted: number[] | null = null;
  sortInSteps(items, counting, steps.schedule, (done) => (sorted = done));
  let taken = 0;
  for (;;) {
    compared = 0;
    const done = steps.runOne();
    taken++;
    // Sorting a step's items, plus merging the runs: never a pass over all of them more than twice.
    expect(compared).toBeLessThanOrEqual(2 * items.length);
    if (done) break;
    expect(sorted).toBeNull();
  }
  expect(taken).toBe(11);
  expect(sorted).toEqual([...items].sort(numbers));
});

test('sortInSteps stopped gives nothing', () => {
  const steps = manualSteps();
  let given = false;
  const stop = sortInSteps([3, 1, 2], numbers, steps.schedule, () => (given = true));
  stop();
  expect(steps.runOne()).toBe(true);
  expect(given).toBe(false);
});

test('SortedRuns.allInSlices gives what `all` does, pausing whenever a slice has made its comparisons', () => {
  const runs = new SortedRuns(numbers);
  for (let k = 0; k < 40; k++) runs.add(Array.from({ length: 50 + ((k * 13) % 70) }, (_, i) => (k * 7 + i * 11) % 997).sort(numbers));
  const expected = runs.all();
  let compared = 0;
  const counted = new SortedRuns((x: number, y: number) => (compared++, x - y));
  // The same runs, added again: merged the same way.
  for (let k = 0; k < 40; k++) counted.add(Array.from({ length: 50 + ((k * 13) % 70) }, (_, i) => (k * 7 + i * 11) % 997).sort(numbers));
  const slices = counted.allInSlices(100);
  const comparedEachSlice: number[] = [];
  let step = slices.next();
  for (compared = 0; !step.done; compared = 0) {
    step = slices.next();
    comparedEachSlice.push(compared);
  }
  expect(step.value).toEqual(expected);
  expect(comparedEachSlice.length).toBeGreaterThan(5);
  expect(Math.max(...comparedEachSlice)).toBeLessThanOrEqual(100);
});
