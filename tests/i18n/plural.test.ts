import { describe, expect, test } from 'vitest';
import { countText, plural } from '../../src/i18n/plural';

describe('plural', () => {
  test('counts things', () => {
    expect(plural(1, 'talk')).toBe('1 talk');
    expect(plural(0, 'note')).toBe('0 notes');
    expect(plural(2000, 'note')).toBe(`${(2000).toLocaleString()} notes`);
  });

  test('writes a count as the browser writes numbers', () => {
    for (const count of [0, 7, 2000, 1234567]) expect(countText(count)).toBe(count.toLocaleString());
  });
});
