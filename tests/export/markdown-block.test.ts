import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listItemLines, markdownLines } from '../../src/export/markdown-block';
import { blockShape, parseBlocks, squashedText } from './markdown-outline';

describe('markdownLines', () => {
  test('drops trailing whitespace, surrounding blank lines and repeated blank lines', () => {
    expect(markdownLines('\n \n  a  \n\n\n\nb\t\n\n')).toEqual(['  a', '', 'b']);
    expect(markdownLines(' \r\n\t\r ')).toEqual([]);
  });

  test('keeps up to two blank lines in code', () => {
    expect(markdownLines('```py\ndef a(): pass\n\n\n\ndef b(): pass\n```')).toEqual(['```py', 'def a(): pass', '', '', 'def b(): pass', '```']);
  });

  test('closes a code fence left open, with the same marker', () => {
    expect(markdownLines('````js\ncode\n```\n\n')).toEqual(['````js', 'code', '```', '````']);
    expect(markdownLines('~~~\ncode')).toEqual(['~~~', 'code', '~~~']);
    expect(markdownLines('```\nclosed\n```')).toEqual(['```', 'closed', '```']);
    expect(markdownLines('```inline` code')).toEqual(['```inline` code']);
    expect(markdownLines('    ```\n    indented code')).toEqual(['    ```', '    indented code']);
  });

  test('closes an HTML block that only its end marker would close', () => {
    expect(markdownLines('<!-- draft\nnot shown')).toEqual(['<!-- draft', 'not shown', '-->']);
    expect(markdownLines('<Script type="x">\nalert(1)')).toEqual(['<Script type="x">', 'alert(1)', '</script>']);
    expect(markdownLines('<?php\necho 1;')).toEqual(['<?php', 'echo 1;', '?>']);
    expect(markdownLines('<!DOCTYPE html')).toEqual(['<!DOCTYPE html', '>']);
    expect(markdownLines('<![CDATA[\nx')).toEqual(['<![CDATA[', 'x', ']]>']);
    expect(markdownLines('<!-- one line -->\ntext')).toEqual(['<!-- one line -->', 'text']);
    expect(markdownLines('<pre>\ncode\n</pre>\n<div>')).toEqual(['<pre>', 'code', '</pre>', '<div>']);
  });

  test('expands tabs in indentation and after block markers, not in text or code', () => {
    expect(markdownLines('a\tb\n\tcode\n-\tx\n >\t1.\ty')).toEqual(['a\tb', '    code', '-   x', ' >  1.  y']);
    expect(markdownLines('```\n\tcode\n```')).toEqual(['```', '\tcode', '```']);
  });

  test('keeps the meaning of any markdown', () => {
    const markdown = fc.array(
      fc.oneof(
        fc.constantFrom('\n', '\n\n', '\t', '  ', '    ', '- ', '1. ', '> ', '```', '~~~', '<!--', '-->', '<pre>', '# ', '---', '===', 'x', '`'),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(markdown, (parts) => {
        const original = parseBlocks(parts.join(''));
        const tidied = parseBlocks(markdownLines(parts.join('')).join('\n'));
        expect(blockShape(tidied)).toEqual(blockShape(original));
        // Closing an HTML block adds its end marker to the block's text.
        const added = squashedText(tidied).slice(squashedText(original).length);
        expect(squashedText(tidied).startsWith(squashedText(original))).toBe(true);
        expect(added).toMatch(/^(?:|-->|\?>|>|\]\]>|<\/(?:pre|script|style|textarea)>)$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('listItemLines', () => {
  const lead = '[1:00](https://www.youtube.com/watch?v=XXXXXXXXXXX&t=60s)';

  test('puts a paragraph after the lead and indents the rest', () => {
    expect(listItemLines(lead, ['first', 'second', '', '- more'])).toEqual([`- ${lead} first`, '  second', '', '  - more']);
    expect(listItemLines(null, ['first', 'second'])).toEqual(['- first', '  second']);
  });

  test('gives a body that starts with a block its own lines after the lead', () => {
    for (const first of ['# h', '```', '~~~', '> q', '- x', '* x', '+ x', '2) x', '***', '___', '===', '<div>', '| a |', '[a]: /b', '  x']) {
      expect(listItemLines(lead, [first])).toEqual([`- ${lead}`, '', `  ${first}`]);
    }
    expect(listItemLines(lead, ['Title', 'more', '---'])).toEqual([`- ${lead}`, '', '  Title', '  more', '  ---']);
  });

  test('starts a bare item on its own line only when the body would change meaning after `- `', () => {
    expect(listItemLines(null, ['```sh', 'ls', '```'])).toEqual(['- ```sh', '  ls', '  ```']);
    expect(listItemLines(null, ['---'])).toEqual(['-', '  ---']);
    expect(listItemLines(null, ['- - -'])).toEqual(['-', '  - - -']);
    expect(listItemLines(null, ['- -'])).toEqual(['-', '  - -']);
    expect(listItemLines(null, ['***'])).toEqual(['- ***']);
    expect(listItemLines(null, ['  - x', '    - y'])).toEqual(['-', '    - x', '      - y']);
  });
});
