import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listItemLines, markdownLines } from '../../src/export/markdown-block';
import { markedReads } from '../../src/export/safe-markup';
import { MARKUP_LINE_BODIES, markdownLinesOf } from './markdown-lines-arbitrary';
import { blockShape, expectOnlySafeMarkdown, expectOnlySafeMarkup, parseBlocks, squashedText } from './markdown-outline';

/** 300 parses take a second alone, and many more on a machine shared by several test runs. */
const PROPERTY_TIMEOUT = 30_000;

describe('markdownLines', () => {
  test('drops trailing whitespace, surrounding blank lines and repeated blank lines', () => {
    expect(markdownLines('\n \n  a  \n\n\n\nb\t\n\n')).toEqual(['  a', '', 'b']);
    expect(markdownLines(' \r\n\t\r ')).toEqual([]);
  });

  test('keeps trailing whitespace where it means something: a hard line break, a code span, code', () => {
    expect(markdownLines('Q: why not OTel?  \nA: not stable  \n\nnext')).toEqual(['Q: why not OTel?  ', 'A: not stable', '', 'next']);
    expect(markdownLines('Title  \nmore  \n===')).toEqual(['Title  ', 'more', '===']);
    expect(markdownLines('a `x  \ny` b')).toEqual(['a `x  ', 'y` b']);
    expect(markdownLines('```diff\n-old  \n+new\t\n```\n\n    indented  ')).toEqual(['```diff', '-old  ', '+new\t', '```', '', '    indented  ']);
    // Written, the line no longer goes on a paragraph: the definition shown as text makes `-` its underline.
    expect(markdownLines('[r]: javascript:c\n-  \nx')).toEqual(['[r\\]: javascript:c', '-', 'x']);
  });

  test('ends each line a paragraph goes on after with a hard line break, as the pages show a note', () => {
    expect(markdownLines('new scrape limits\nsample_limit \nlabel_limit')).toEqual(['new scrape limits\\', 'sample_limit\\', 'label_limit']);
    // Not before a block of its own, nor in code, nor twice.
    expect(markdownLines('Points:\n- a\n- b\n\n> q\n> r\n\n```\nx\ny\n```')).toEqual(['Points:', '- a', '- b', '', '> q\\', '> r', '', '```', 'x', 'y', '```']);
    expect(markdownLines('a  \nb\\\nc\\\\\nd')).toEqual(['a  ', 'b\\', 'c\\\\\\', 'd']);
    // A newline in a code span is a space; a table's rows are no paragraph to GitHub.
    expect(markdownLines('a `x\ny` b\nc')).toEqual(['a `x', 'y` b\\', 'c']);
    expect(markdownLines('| a | b |\n| - | - |\n| c | d |')).toEqual(['| a | b |', '| - | - |', '| c | d |']);
    // Two spaces where a backslash would let `*` open emphasis, or join a bare link (GitHub, marked).
    expect(markdownLines('a *\nb*')).toEqual(['a *  ', 'b*']);
    expect(markdownLines('see https://a.example\nnext')).toEqual(['see https://a.example  ', 'next']);
    // A backslash would go into the link's title: none is added where the text would not read the same.
    expect(markdownLines('[a](https://a.example "t\nu")\nb')).toEqual(['[a](https://a.example "t', 'u")', 'b']);
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

  test('a fence in a list item or block quote is closed inside it, where its container ends', () => {
    expect(markdownLines('- \n  ```')).toEqual(['-', '  ```', '  ```']);
    expect(markdownLines('1. ```js\n   x\n\npara')).toEqual(['1. ```js', '   x', '', '   ```', 'para']);
    expect(markdownLines('> - ~~~~\n>   x\n')).toEqual(['> - ~~~~', '>   x', '>   ~~~~']);
    for (const markdown of ['- \n  ```', '1. ```js\n   x\n\npara', '> - ~~~~\n>   x\n', '- a\n\n  ```\n  b\n\n\nc']) {
      expect(blockShape(parseBlocks(markdownLines(markdown).join('\n')))).toEqual(blockShape(parseBlocks(markdown)));
    }
  });

  test('code in a list item or block quote is kept as typed; raw HTML after its container ends is shown as text', () => {
    const nested = '- a\n\n  - b\n\n    ```html\n    <div>[x](javascript:y)</div>\n    ```';
    expect(markdownLines(nested)).toEqual(nested.split('\n'));
    expect(markdownLines('> ```\n> <b>kept</b>\n\n<b>shown</b>')).toEqual(['> ```', '> <b>kept</b>', '> ```', '', '\\<b>shown\\</b>']);
    const afterItem = markdownLines('- \n  ```\n<img src=x onerror=alert(1)>');
    expect(afterItem).toEqual(['-', '  ```', '  ```', '\\<img src=x onerror=alert(1)>']);
    expectOnlySafeMarkup(parseBlocks(afterItem.join('\n')));
    // Shown as text, the comment lets `-->` into the item, and the fence after it with it: what follows is no longer code.
    const joined = markdownLines('- <!--\n-->\n   ~~~\n<!--');
    expect(joined).toEqual(['- \\<!--\\', '-->', '   ~~~', '\\<!--']);
    expectOnlySafeMarkup(parseBlocks(joined.join('\n')));
  });

  test('an indented code block is kept as typed, tabs in its indentation as spaces', () => {
    expect(markdownLines('The new API:\n\n    std::vector<int> ids;\n    if (a<b) return;')).toEqual([
      'The new API:',
      '',
      '    std::vector<int> ids;',
      '    if (a<b) return;',
    ]);
    expect(markdownLines('- a\n\n      <b>[x](javascript:y)\n\n\n\n      <!--')).toEqual(['- a', '', '      <b>[x](javascript:y)', '', '', '      <!--']);
    // Past its indentation a tab is code; a tab only partly indentation leaves spaces in the code, which stay.
    expect(markdownLines('x\n\n\t\tVec<T>')).toEqual(['x', '', '    \tVec<T>']);
    expect(markdownLines('- a\n\n  \t\tVec<T>')).toEqual(['- a', '', '        Vec<T>']);
    // Indented, but a paragraph goes on: text.
    expect(markdownLines('a\n    <b>')).toEqual(['a\\', '    \\<b>']);
    // A fence read as indented code once nested in the note's item (the tab spans 4 columns there) is not kept.
    expect(markdownLines('+ \t```')).toEqual(['+   ```']);
  });

  test('a text nested too deep for a parse in good time is written as text, its fences too', () => {
    // 50,000 nested list items would take the parser about a minute.
    const deep = `${'- '.repeat(50_000)}\`\`\`\n<b>x</b>`;
    expect(markdownLines(deep)).toEqual([deep.split('\n')[0], '\\<b>x\\</b>']);
  });

  test('a note too long to read whole keeps its code spans where a part of it reads them as code', () => {
    const summary = 'A long summary of the talk. '.repeat(800);
    const lines = markdownLines(`Returns a \`List<String>\`.\n\n${summary}\n\nthen \`<b>\` <b>`);
    expect(lines).toEqual(['Returns a `List<String>`.', '', summary.trimEnd(), '', 'then `<b>` \\<b>']);
    // Not cut where code or raw HTML goes on over a blank line: what follows is still theirs.
    expect(markdownLines(`\`\`\`\n${summary}\n\n<b>\n\`\`\``)).toEqual(['```', summary, '', '<b>', '```']);
    expect(markdownLines(`<!--\n${summary}\n\n# not a heading\n-->`)).toEqual(['\\<!--\\', summary.trimEnd(), '', '\\# not a heading\\', '-->']);
  });

  test('links, emphasis and markup in paragraphs do not slow the search for fences', () => {
    // commonmark.js's inline parse takes about a minute on this; fences need its blocks alone.
    const links = '[a]('.repeat(50_000);
    expect(markdownLines(`${links}\n\`\`\`\n<b>`).slice(1)).toEqual(['```', '<b>', '```']);
  });

  test('shows raw HTML as the text it was typed as', () => {
    expect(markdownLines('<!-- draft\nnot shown')).toEqual(['\\<!-- draft\\', 'not shown']);
    expect(markdownLines('<Script type="x">\nalert(1)</script>')).toEqual(['\\<Script type="x">\\', 'alert(1)\\</script>']);
    expect(markdownLines('<img src=x onerror=alert(1)> and <b>bold</b>')).toEqual(['\\<img src=x onerror=alert(1)> and \\<b>bold\\</b>']);
    expect(markdownLines('<?php echo 1; ?> <!DOCTYPE html> <![CDATA[x]]>')).toEqual(['\\<?php echo 1; ?> \\<!DOCTYPE html> \\<![CDATA[x]]>']);
    expect(markdownLines('1 < 2, <3, `<b>` and \\<i>')).toEqual(['1 < 2, <3, `<b>` and \\<i>']);
    expect(markdownLines('```html\n<div>kept as code</div>\n```')).toEqual(['```html', '<div>kept as code</div>', '```']);
  });

  test('code stays as typed only where parsers read it as code', () => {
    expect(markdownLines('`Vec<T>`, `<b>` and `[a](javascript:b)` in code; <b> outside')).toEqual([
      '`Vec<T>`, `<b>` and `[a](javascript:b)` in code; \\<b> outside',
    ]);
    const notCode = [
      // The backtick that seemed to open a span is in an autolink or a link's destination.
      '<http://a.example/`><img src=x onerror=alert(1)>`',
      '<http://a.example/`>[y](javascript:alert(1))`',
      '[a](https://a.example/`)<img src=x onerror=alert(1)>`',
      // A span runs from a line's lone backtick to the next line's first.
      'x `\n` <img src=x onerror=alert(1)> `',
      '- x `\n  ` [y](javascript:alert(1)) `',
      // A table splits its cells at `|` before it looks for code spans.
      '| a | b |\n| - | - |\n| `x | <img src=x onerror=alert(1)> ` |',
      // CommonMark reads a fence after `> ` and a tab; marked, an indented block, and the line after it HTML.
      '   > \t~~~\n> <!--',
    ];
    for (const markdown of notCode) {
      const lines = markdownLines(markdown);
      expectOnlySafeMarkdown(lines.join('\n'));
      expectOnlySafeMarkdown(listItemLines('[12:34](https://www.youtube.com/watch?v=Pr0meTheus1&t=754s)', lines).join('\n'));
    }
  });

  test('a code span over lines is kept as typed, up to where its paragraph ends', () => {
    expect(markdownLines('use `std::vector<int>\nids` and `[a](javascript:b)`')).toEqual(['use `std::vector<int>', 'ids` and `[a](javascript:b)`']);
    expect(markdownLines('- a ``x\n  <b>`` c\n\n> q `[y]:\n> z <i>`')).toEqual(['- a ``x', '  <b>`` c', '', '> q `[y]:', '> z <i>`']);
    for (const markdown of ['a `x\n\n<b>` c', '- a `x\n- <b>` c', 'a `x\n# <b>` c']) {
      expect(markdownLines(markdown)).toEqual(markdown.replace('<b>', '\\<b>').split('\n'));
    }
  });

  test('raw HTML right after a bare link is written as a character reference, which the link does not run on through', () => {
    // marked reads `https://a.example\\<b>` as a link to `https://a.example\\`, then `<b>` as HTML.
    expect(markdownLines('see https://a.example<img src=x onerror=alert(1)>, www.b.example\\<pre> and 1 <b>')).toEqual([
      'see https://a.example&lt;img src=x onerror=alert(1)>, www.b.example&lt;pre> and 1 \\<b>',
    ]);
    expectOnlySafeMarkdown(markdownLines('HTTPS://a.example/x\\<b>x</b> www.c.example<i>').join('\n'));
  });

  test('an underline after raw HTML stays text: the HTML shown as text does not become a heading', () => {
    expect(markdownLines('<pre>\n===')).toEqual(['\\<pre>\\', '\\===']);
    expect(markdownLines('<div>\nline\n  ---\n\ntitle\n---')).toEqual(['\\<div>\\', 'line\\', '  \\---', '', 'title', '---']);
  });

  test('what raw HTML held stays text until its block ends: no heading, list or fence appears from it', () => {
    expect(markdownLines('<!--\n# ')).toEqual(['\\<!--\\', '\\#']);
    expect(markdownLines('<!-- hidden\n\n## plan\n- a\n-->\n# mine')).toEqual(['\\<!-- hidden', '', '\\## plan\\', '\\- a\\', '-->', '# mine']);
    expect(markdownLines('<details>\n* x\n```\n> q\n\n# after')).toEqual(['\\<details>\\', '\\* x\\', '\\```\\', '\\> q', '', '# after']);
    expect(markdownLines('text\n<span>\n# heading')).toEqual(['text\\', '\\<span>', '# heading']);
    expect(markdownLines('<!-- one line -->\n# heading')).toEqual(['\\<!-- one line -->', '# heading']);
  });

  test('keeps http(s) links and turns every other link into its text', () => {
    expect(markdownLines('[docs](https://prometheus.io) <https://a.example> [ref]\n\n[ref]: http://b.example')).toEqual([
      '[docs](https://prometheus.io) <https://a.example> [ref](http://b.example)',
    ]);
    expect(markdownLines('[x](javascript:alert(1)) ![i](data:image/png,x) [y]( //evil.example) <javascript:alert(1)> <me@a.example>')).toEqual([
      '[x\\](javascript:alert(1)) ![i\\](data:image/png,x) [y\\]( //evil.example) \\<javascript:alert(1)> \\<me@a.example>',
    ]);
    expect(markdownLines('[x][a] [y][b]\n\n[a]: javascript:alert(1)\n[b]:\n  https://a.example')).toEqual([
      '[x\\](\\<javascript:alert(1)>) [y](https://a.example)',
    ]);
  });

  test("writes links to a note's own definitions inline, and leaves the definitions out: in a log they would apply to every note", () => {
    const note =
      'Slides: [deck][1], the [Docs][] and ![chart] `[1]`\n\n[1]: https://a.example/slides "The *deck*"\n[docs]: <https://a.example/a b>\n[chart]: https://a.example/c.png';
    expect(markdownLines(note)).toEqual([
      'Slides: [deck](https://a.example/slides "The \\*deck\\*"), the [Docs](https://a.example/a%20b) and ![chart](https://a.example/c.png) `[1]`',
    ]);
    // A definition's containers stay, so that what follows it stays in them.
    expect(markdownLines('- [1]: https://a.example\n  more [x][1]\n> [2]:\n>   https://b.example\n> [y][2]')).toEqual([
      '-',
      '  more [x](https://a.example)',
      '>',
      '>',
      '> [y](https://b.example)',
    ]);
    expect(markdownLines('[1]: https://a.example')).toEqual([]);
  });

  test("writes a note's links inline where their text or label goes on over lines", () => {
    expect(markdownLines('See the [slides for this\ntalk][1] and [more][a\nb].\n\n[1]: https://a.example/deck\n[a b]: https://a.example/more')).toEqual([
      'See the [slides for this\\',
      'talk](https://a.example/deck) and [more](https://a.example/more).',
    ]);
  });

  test("keeps a note's definitions where its links cannot be written inline to read the same: no link the user wrote is lost", () => {
    // In a quote, the link's text holds the quote's marker: not the label it refers by.
    expect(markdownLines('> [deck\n> slides]\n\n[deck slides]: https://a.example')).toEqual(['> [deck', '> slides]', '', '[deck slides]: https://a.example']);
    // Too long to check in good time.
    const long = `[deck][1] ${'and more '.repeat(3000).trimEnd()}`;
    expect(markdownLines(`${long}\n\n[1]: https://a.example`)).toEqual([long, '', '[1]: https://a.example']);
  });

  test('leaves GFM footnotes alone: their definitions are no links to write inline', () => {
    expect(markdownLines('Scrape limits[^1] are new, [see][^1].\n\n[^1]: https://prometheus.io/docs/')).toEqual([
      'Scrape limits[^1] are new, [see][^1].',
      '',
      '[^1]: https://prometheus.io/docs/',
    ]);
    expect(markdownLines('[deck][1] and[^note]\n\n[1]: https://a.example\n[^note]: https://b.example')).toEqual([
      '[deck](https://a.example) and[^note]',
      '',
      '[^note]: https://b.example',
    ]);
  });

  test('expands tabs in indentation and after block markers, not in text or code', () => {
    expect(markdownLines('a\tb\n\tcode\n-\tx\n >\t1.\ty')).toEqual(['a\tb\\', '    code', '-   x', ' >  1.  y']);
    expect(markdownLines('```\n\tcode\n```')).toEqual(['```', '\tcode', '```']);
  });

  test("under a heading, a note's headings go below it, a setext one as one ATX line", () => {
    expect(markdownLines('# Takeaways\n\n- agent mode\n\n## More\n  ##### Deep ##', { belowHeading: 3 })).toEqual([
      '#### Takeaways',
      '',
      '- agent mode',
      '',
      '##### More',
      '  ###### Deep ##',
    ]);
    expect(markdownLines('> - Title\\\n>   more `a\n>   b` #\n>   ===\n\n```\n# code\n```', { belowHeading: 3 })).toEqual([
      '> - #### Title more `a b` \\#',
      '',
      '```',
      '# code',
      '```',
    ]);
    expect(markdownLines('# Intro\n\nText\n---')).toEqual(['# Intro', '', 'Text', '---']);
  });

  test("under a heading, a note's headings move just below it and keep their ranks among themselves", () => {
    const under = (markdown: string) => markdownLines(markdown, { belowHeading: 3 }).filter((line) => line !== '');
    expect(under('### A\n\n#### B\n\n##### C\n\n###### D')).toEqual(['#### A', '##### B', '###### C', '###### D']);
    expect(under('Setext\n------\n\n#### B')).toEqual(['#### Setext', '###### B']);
    expect(under('#### Already below\n\n##### B')).toEqual(['#### Already below', '##### B']);
  });

  /**
   * `written` (`markdownLines` of `markdown`) reads as `markdown` does, and so does the text written under a `###`
   * heading, its headings as many levels deeper as puts the highest at level 4 (6 at most).
   */
  const expectMeaningKept = (markdown: string, written: string[]) => {
    const original = parseBlocks(markdown);
    const levels = blockShape(original).flatMap((shape) => /heading(\d)/.exec(shape)?.[1] ?? []);
    const deeper = Math.max(0, 4 - Math.min(...levels.map(Number)));
    const belowTalk = (shape: string) => shape.replace(/heading(\d)/, (_, level: string) => `heading${Math.min(Number(level) + deeper, 6)}`);
    for (const [lines, shape] of [
      [written, blockShape(original)],
      [markdownLines(markdown, { belowHeading: 3 }), blockShape(original).map(belowTalk)],
    ] as const) {
      const tidied = parseBlocks(lines.join('\n'));
      expect(blockShape(tidied)).toEqual(shape);
      expect(squashedText(tidied)).toBe(squashedText(original));
    }
  };

  /** An empty list item in a quote as `markdownLines` writes it where marked cannot read it: its marker as text (a line break after it where its paragraph goes on). */
  const ITEM_WRITTEN_AS_TEXT = /^(?:[ \t]*>)+[ \t]*\d{0,9}\\[-+*.)]\\?$/;

  const markdownParts = (extra: string[]) =>
    fc.array(
      fc.oneof(
        fc.constantFrom('\n', '\n\n', '\t', '  ', '    ', '- ', '1. ', '> ', '```', '~~~', '# ', '---', '===', 'x', '`', ...extra),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 20 },
    );

  test(
    'keeps the meaning of any markdown without HTML or links',
    () => {
      fc.assert(
        fc.property(markdownParts([]), (parts) => {
          const markdown = parts.join('').replace(/[<\]]/g, '');
          const written = markdownLines(markdown);
          // Where marked cannot read a note nested in its item, its empty quoted items are written as text (below).
          fc.pre(!written.some((line) => ITEM_WRITTEN_AS_TEXT.test(line)));
          expectMeaningKept(markdown, written);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    'leaves no raw HTML and no link but http(s), whatever the markdown',
    () => {
      const syntax = [
        '<!--',
        '-->',
        '<pre>',
        '<b>',
        '</b>',
        '<a href="x">',
        '[',
        ']',
        '(',
        ')',
        ']:',
        '](',
        'javascript:x',
        'https://a.example',
        '<https://a.example>',
        '\\',
        '![',
        '|',
        '<https://a.example/`',
      ];
      fc.assert(
        fc.property(markdownParts(syntax), (parts) => {
          expectOnlySafeMarkdown(markdownLines(parts.join('')).join('\n'));
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  const linesOf = (bodies: string[]) => markdownLinesOf({ prefixes: ['- ', '  ', '   ', '> ', '1. ', '\t'], bodies, prefixesALine: 3, lines: 12 });

  test(
    'leaves no raw HTML and no link but http(s), whatever lines of quotes, items, fences and markup',
    () => {
      fc.assert(
        fc.property(linesOf(MARKUP_LINE_BODIES), (markdown) => expectOnlySafeMarkdown(markdownLines(markdown).join('\n'))),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  test(
    'keeps the meaning of any lines of quotes, items and fences',
    () => {
      const bodies = ['', 'text', '```', '~~~', '````', '```js', '# h', '---', '==='];
      fc.assert(
        fc.property(linesOf(bodies), (markdown) => {
          const written = markdownLines(markdown);
          // Where marked cannot read a note nested in its item, its empty quoted items are written as text (below):
          // read as it is written (its tabs expanded), not as typed, which marked may read.
          fc.pre(!written.some((line) => ITEM_WRITTEN_AS_TEXT.test(line)));
          expectMeaningKept(markdown, written);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

test('an empty list item in a quote, which marked cannot read nested in a list item, is written as its marker', () => {
  const lead = '[1:00](https://www.youtube.com/watch?v=XXXXXXXXXXX&t=60s)';
  expect(markedReads('- a\n  > -\n    b')).toBe(false);
  expect(listItemLines(lead, markdownLines('a\n> -\n  b'))).toEqual([`- ${lead} a`, '  > \\-\\', '    b']);
  expect(listItemLines(lead, markdownLines('a\n> > 1.\n  b'))).toEqual([`- ${lead} a`, '  > > 1\\.\\', '    b']);
  for (const body of ['a\n> *\n  b', '# h\n> -\n  b', '> > a\n> -\n  b', 'x\n> -\n  y\n\n> ```\n> -\n> ```']) {
    const written = listItemLines(lead, markdownLines(body)).join('\n');
    expect(markedReads(written), written).toBe(true);
  }
  // Only empty items change: a heading's underline, indented code and a code span over lines keep their meaning.
  expect(markdownLines('> Title\n> -\n\na\n> -\n  b')).toEqual(['> Title', '> -', '', 'a', '> \\-\\', '  b']);
  expect(markdownLines('a\n> -\n  b\n\n    > -\n    code')).toEqual(['a', '> \\-\\', '  b', '', '    > -', '    code']);
  expect(markdownLines('a\n> -\n  b\n\n> x `y\n> -\n> z` w')).toEqual(['a', '> \\-\\', '  b', '', '> x `y', '> -', '> z` w']);
  // Where marked reads a line as a quote that CommonMark takes for code, that line too.
  const apart = listItemLines(lead, markdownLines('> - x\n    > -\n  b')).join('\n');
  expect(markedReads(apart), apart).toBe(true);
  // Code keeps its text, and marked reads lines it has no trouble with as they were typed.
  expect(markdownLines('x\n> -\n  y\n\n> ```\n> -\n> ```')).toEqual(['x', '> \\-\\', '  y', '', '> ```', '> -', '> ```']);
  expect(markdownLines('> - \n> a\n> -')).toEqual(['> -', '> a', '> -']);
  // Code after an item written as text can join its paragraph, where its trailing whitespace means nothing.
  expect(markdownLines('x\n> - \n\t- ')).toEqual(['x', '> \\-\\', '    -']);
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
    expect(listItemLines(null, ['--  ', 'x'])).toEqual(['-', '  --  ', '  x']);
    expect(listItemLines(null, ['***'])).toEqual(['- ***']);
    expect(listItemLines(null, ['  - x', '    - y'])).toEqual(['-', '    - x', '      - y']);
  });
});
