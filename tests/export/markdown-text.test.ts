import { describe, expect, test } from 'vitest';
import { escapeInline, escapeLinkDestination, guardLineStart, singleLine } from '../../src/export/markdown-text';
import { childrenOf, parseBlocks, plainText } from './markdown-outline';

/** What a paragraph made of `line` reads as, and what kind of block it became. */
function readBack(line: string): { type: string; text: string } {
  const blocks = parseBlocks(line);
  expect(blocks).toHaveLength(1);
  return { type: blocks[0].type, text: plainText(blocks[0]) };
}

describe('escapeInline', () => {
  test.each([
    ['[Not a link](https://evil.example)', '\\[Not a link](https://evil.example)'],
    ['*a* _b_ **c** ~d~ ~~e~~ a ~ b', '\\*a\\* \\_b\\_ \\*\\*c\\*\\* \\~d\\~ \\~\\~e\\~\\~ a ~ b'],
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['`code` | pipe # hash !bang', '\\`code\\` | pipe # hash !bang'],
    ['ends with \\', 'ends with \\\\'],
    ['&amp; &#65; &#x41; & &c; R&D', '\\&amp; \\&#65; \\&#x41; & \\&c; R&D'],
    ['  Two\r\n  lines\n\nand\rmore  ', 'Two lines and more'],
    ['Prometheus - 2.0: faster (really). 1. not first', 'Prometheus - 2.0: faster (really). 1. not first'],
    // What hand-written markdown leaves alone stays alone.
    ['Rust [unsafe] & *You*: `#` <tricks>', 'Rust \\[unsafe] & \\*You\\*: \\`#\\` \\<tricks>'],
    ['snake_case_names and 2 * 3 = 6, a_b', 'snake_case_names and 2 * 3 = 6, a_b'],
    ['C# & F#, 1 < 2 > 0, !important, a\\b', 'C# & F#, 1 < 2 > 0, !important, a\\b'],
    ['__init__ and *args', '\\_\\_init\\_\\_ and \\*args'],
    ['a \\*b and \\', 'a \\\\\\*b and \\\\'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeInline(text)).toBe(escaped);
    expect(readBack(guardLineStart(escaped))).toEqual({ type: 'paragraph', text: singleLine(text) });
  });

  test('link text also escapes ]; a heading, a closing run of #', () => {
    expect(escapeInline('Rust [unsafe] & *You*: `#` <tricks>', { linkText: true })).toBe('Rust \\[unsafe\\] & \\*You\\*: \\`#\\` \\<tricks>');
    const [link] = childrenOf(parseBlocks(`[${escapeInline('a] b [c]', { linkText: true })}](https://a.example/)`)[0]);
    expect([link.type, plainText(link)]).toEqual(['link', 'a] b [c]']);
    for (const title of ['C#', 'Not a closing #', '#', '## ##', 'Ends in # ']) {
      const [heading] = parseBlocks(`## ${escapeInline(title, { heading: true })}`);
      expect(plainText(heading)).toBe(title.trim());
    }
    expect(escapeInline('C#', { heading: true })).toBe('C#');
    expect(escapeInline('Not a closing #', { heading: true })).toBe('Not a closing \\#');
  });
});

describe('guardLineStart', () => {
  test.each(['1. Foo', '2) Foo', '- x', '-', '+ z', '===', '---', '---- - -', '= = =', '> y', '# h', '###### h', '~~~'])('%j stays a paragraph', (line) => {
    expect(readBack(guardLineStart(escapeInline(line)))).toEqual({ type: 'paragraph', text: line });
  });

  test.each(['```', '<div>', '***', '___', '* x', '* * *'])('%j is escaped inline already', (line) => {
    expect(guardLineStart(escapeInline(line))).toBe(escapeInline(line));
    expect(readBack(escapeInline(line))).toEqual({ type: 'paragraph', text: line });
  });

  test('leaves lines that start no block alone', () => {
    for (const line of ['-x', '+1', '1.5 hours', '2021 was', '=x', '--x', 'Speaker · 31:20', '#hashtag', '~~', '####### seven']) {
      expect(guardLineStart(line)).toBe(line);
    }
  });
});

describe('escapeLinkDestination', () => {
  test.each([
    ['https://www.youtube.com/watch?v=XXXXXXXXXXX&t=252s', 'https://www.youtube.com/watch?v=XXXXXXXXXXX&t=252s'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', '<https://en.wikipedia.org/wiki/Foo_(bar)>'],
    ['https://a.example/a b)c', '<https://a.example/a b)c>'],
    ['https://a.example/<x>\\y', '<https://a.example/\\<x\\>\\\\y>'],
    ['https://a.example/line\nbreak', '<https://a.example/line%0Abreak>'],
  ])('%j → %j', (url, destination) => {
    expect(escapeLinkDestination(url)).toBe(destination);
    const [link] = childrenOf(parseBlocks(`[x](${destination})`)[0]);
    expect(link.type).toBe('link');
    expect(link.destination).toBe(encodeURI(url));
  });
});
