import { expect, test } from 'vitest';
import { mergeSorted, SortedRuns } from '../../src/options/sorted-runs';

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
