import { expect, test } from 'vitest';
import { EXCERPT_HEIGHT, RowEstimate } from '../../src/options/row-estimate';

test('a row not measured yet is taken to be as tall as the rows of its shape measured lately', () => {
  const estimate = new RowEstimate();
  const before = estimate.of(false);
  expect(estimate.of(true)).toBe(before + EXCERPT_HEIGHT);
  for (const height of [95, 95, 115, 95]) estimate.measured(height, false);
  expect(estimate.of(false)).toBe(100);
  // No row with an excerpt measured yet: as a plain row, and the excerpt.
  expect(estimate.of(true)).toBe(100 + EXCERPT_HEIGHT);
  estimate.measured(118, true);
  expect(estimate.of(true)).toBe(118);
  // A window made narrower: within a few dozen rows, the rows as they are now.
  for (let i = 0; i < 200; i++) estimate.measured(140, false);
  expect(estimate.of(false)).toBeCloseTo(140, 0);
});
