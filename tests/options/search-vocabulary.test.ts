import { expect, test } from 'vitest';
import { foldForSearch } from '../../src/options/search-text';
import { isSpace, SearchVocabulary } from '../../src/options/search-vocabulary';

test('splits words where a regular expression’s \\s does, for every UTF-16 code unit', () => {
  const differ: string[] = [];
  for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code.toString(16));
  expect(differ).toEqual([]);
});

test('numbers the distinct words of texts as splitting their folded text on \\s+ does, each once, in the order they come', () => {
  const vocabulary = new SearchVocabulary();
  const calls = [
    ['  Scrape limits:\tscrape\u00a0LIMITS ', 'label_limit=64\n\nsee\u3000Zürich\ufeffcafé'],
    ['', ' \u2028 '],
    ['café zurich Łódź', 'a b a c\u2009b'],
    ['an unusually-long-word-of-many-letters and another-unusually-long-one'],
  ];
  /** The same, the way it was done before: a split, a map of words to numbers, and a set. */
  const known = new Map<string, number>();
  for (const texts of calls) {
    const expected = new Set<number>();
    for (const text of texts) {
      for (const word of foldForSearch(text).split(/\s+/)) {
        if (word === '') continue;
        if (!known.has(word)) known.set(word, known.size);
        expected.add(known.get(word)!);
      }
    }
    expect([...vocabulary.numbersOf(texts)], JSON.stringify(texts)).toEqual([...expected]);
  }
  expect(vocabulary.size).toBe(known.size);
  // Each number stands for its word: a query word is found in the words that contain it.
  const flags = vocabulary.wordsContaining('limit');
  expect([...known].filter(([word]) => flags[known.get(word)!] === 1).map(([word]) => word)).toEqual(['limits:', 'limits', 'label_limit=64']);
});
