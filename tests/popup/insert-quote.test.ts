import { Parser, type Node } from 'commonmark';
import { expect, test } from 'vitest';
import { insertQuote } from '../../src/popup/quote';

test('a quote goes on lines of its own wherever the caret is', () => {
  expect(insertQuote('', 0, 'hello')).toEqual({ text: '> hello\n\n', caret: 9 });
  expect(insertQuote('Why:', 4, 'hello').text).toBe('Why:\n\n> hello\n\n');
  expect(insertQuote('a\n', 2, 'hello').text).toBe('a\n\n> hello\n\n');
  expect(insertQuote('a\n\nrest', 3, 'hello').text).toBe('a\n\n> hello\n\nrest');
});

/** Every node of the CommonMark tree: its type and, for text, the text. */
function nodes(markdown: string): { type: string; literal: string | null }[] {
  const found: { type: string; literal: string | null }[] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const node: Node = step.node;
    if (step.entering) found.push({ type: node.type, literal: node.literal });
  }
  return found;
}

test.each([
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<https://evil.example>',
  '*emphasis* and `code` &amp; # heading',
  '- a list',
  '1. a list',
])('a caption enters the note as text, never as markup: %s', (caption) => {
  const tree = nodes(insertQuote('', 0, caption).text);
  // Escapes split the text into several text nodes; nothing else may appear.
  expect([...new Set(tree.map((node) => node.type))]).toEqual(['document', 'block_quote', 'paragraph', 'text']);
  expect(tree.map((node) => node.literal ?? '').join('')).toBe(caption);
});
