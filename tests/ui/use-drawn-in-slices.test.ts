import { expect, test } from 'vitest';
import { nextSliceSize, SLICE_MS } from '../../src/ui/use-drawn-in-slices';

test('a slice draws as many items as fit in its time at the last one’s pace', () => {
  expect(nextSliceSize(4, SLICE_MS)).toBe(4);
  expect(nextSliceSize(4, SLICE_MS * 2)).toBe(2);
  expect(nextSliceSize(6, SLICE_MS * 1.5)).toBe(4);
});

test('at least one item a slice, however slow the last', () => {
  expect(nextSliceSize(1, SLICE_MS * 40)).toBe(1);
  expect(nextSliceSize(3, SLICE_MS * 10)).toBe(1);
});

test('at most twice as many as the last, however fast it was, or when it took no measurable time', () => {
  expect(nextSliceSize(2, SLICE_MS / 10)).toBe(4);
  expect(nextSliceSize(3, 0)).toBe(6);
});
