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
    ['[Not a link](https://evil.example)', '\\[Not a link\\](https://evil.example)'],
    ['*a* _b_ **c** ~d~', '\\*a\\* \\_b\\_ \\*\\*c\\*\\* \\~d\\~'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['`code` | pipe # hash !bang', '\\`code\\` \\| pipe \\# hash \\!bang'],
    ['ends with \\', 'ends with \\\\'],
    ['&amp; &#65; &#x41; & &c; R&D', '\\&amp; &\\#65; &\\#x41; & \\&c; R&D'],
    ['  Two\r\n  lines\n\nand\rmore  ', 'Two lines and more'],
    ['Prometheus - 2.0: faster (really). 1. not first', 'Prometheus - 2.0: faster (really). 1. not first'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeInline(text)).toBe(escaped);
    expect(readBack(guardLineStart(escaped))).toEqual({ type: 'paragraph', text: singleLine(text) });
  });
});

describe('guardLineStart', () => {
  test.each(['1. Foo', '2) Foo', '- x', '-', '+ z', '===', '---', '---- - -', '= = ='])('%j stays a paragraph', (line) => {
    expect(readBack(guardLineStart(escapeInline(line)))).toEqual({ type: 'paragraph', text: line });
  });

  test.each(['> y', '# h', '```', '~~~', '<div>', '***', '___', '* x'])('%j is escaped inline already', (line) => {
    expect(guardLineStart(escapeInline(line))).toBe(escapeInline(line));
    expect(readBack(escapeInline(line))).toEqual({ type: 'paragraph', text: line });
  });

  test('leaves lines that start no block alone', () => {
    for (const line of ['-x', '+1', '1.5 hours', '2021 was', '=x', '--x', 'Speaker · 31:20']) {
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
