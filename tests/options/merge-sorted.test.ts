import { expect, test } from 'vitest';
import { mergeSorted } from '../../src/options/merge-sorted';

const byNumber = (x: { n: number }, y: { n: number }) => x.n - y.n;

test('mergeSorted interleaves two sorted arrays into one, in order', () => {
  expect(mergeSorted([1, 4, 9], [2, 3, 10, 11], (x, y) => x - y)).toEqual([1, 2, 3, 4, 9, 10, 11]);
  expect(mergeSorted([], [2, 3], (x, y) => x - y)).toEqual([2, 3]);
  expect(mergeSorted([5], [], (x, y) => x - y)).toEqual([5]);
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
