import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { foldForSearch, matchRanges } from '../../src/options/search-text';

/** Letters of several scripts, accents written as marks of their own, ligatures, styled letters and spaces. */
const piece = fc.constantFrom(
  'e',
  'E',
  'b',
  'ru',
  '\u0301',
  '\u0302',
  'é',
  'Ł',
  'ß',
  'ﬁ',
  '𝐊',
  'क',
  'ा',
  'म',
  'ก',
  'ิ',
  'か',
  '\u3099',
  'מ',
  '\u05B4',
  'ö',
  'İ',
  ' ',
  '-',
  '🚀',
);

describe('matchRanges properties', () => {
  test('every word the folded text holds is found, on a span of the text that folds to hold it', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (pieces, at, length) => {
        const text = pieces.join('');
        const folded = foldForSearch(text);
        const start = at % folded.length;
        const word = folded.slice(start, start + length).trim();
        fc.pre(word.length > 0 && !/\s/.test(word));
        const ranges = matchRanges(text, [word]);
        expect(ranges.length).toBeGreaterThan(0);
        for (const [from, to] of ranges) expect(foldForSearch(text.slice(from, to))).toContain(word);
      }),
      { numRuns: 300 },
    );
  });
});
