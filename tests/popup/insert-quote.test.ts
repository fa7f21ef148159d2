import { expect, test } from 'vitest';
import { insertQuote } from '../../src/popup/quote';

test('a quote goes on lines of its own wherever the caret is', () => {
  expect(insertQuote('', 0, 'hello')).toEqual({ text: '> hello\n\n', caret: 9 });
  expect(insertQuote('Why:', 4, 'hello').text).toBe('Why:\n\n> hello\n\n');
  expect(insertQuote('a\n', 2, 'hello').text).toBe('a\n\n> hello\n\n');
  expect(insertQuote('a\n\nrest', 3, 'hello').text).toBe('a\n\n> hello\n\nrest');
});
