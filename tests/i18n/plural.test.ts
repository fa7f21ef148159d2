import { describe, expect, test } from 'vitest';
import { plural } from '../../src/i18n/plural';

describe('plural', () => {
  test('counts things', () => {
    expect(plural(1, 'talk')).toBe('1 talk');
    expect(plural(0, 'note')).toBe('0 notes');
    expect(plural(2000, 'note')).toBe(`${(2000).toLocaleString()} notes`);
  });
});
