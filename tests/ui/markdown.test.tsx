// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { Parser } from 'commonmark';
import { afterEach, expect, test } from 'vitest';
import { noteLink } from '../../src/talk/note-links';
import { Markdown } from '../../src/ui/Markdown';

afterEach(cleanup);

test('shows a note rendered: emphasis, code, lists, quotes, line breaks', () => {
  const { container } = render(<Markdown source={'**bold** and *em* `code`\nnext line\n\n- one\n- two\n\n> quoted\n\n```js\nconst x = 1;\n```'} />);
  expect(container.querySelector('strong')?.textContent).toBe('bold');
  expect(container.querySelector('em')?.textContent).toBe('em');
  expect(container.querySelector('p code')?.textContent).toBe('code');
  expect(container.querySelector('br')).not.toBeNull();
  expect([...container.querySelectorAll('ul li')].map((item) => item.textContent)).toEqual(['one', 'two']);
  expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
  expect(container.querySelector('pre code')?.textContent).toBe('const x = 1;');
  expect(container.textContent).not.toContain('**');
});

test('each block of the note takes its direction from its own words: a paragraph in Hebrew reads right to left, the next in English left to right', () => {
  const { container } = render(<Markdown source={'שלום, עולם!\n\nHello, world!\n\n## כותרת\n\n<div>תג</div>'} />);
  // The nearest element with a direction is the text's own block, never the note as a whole.
  const directionOf = (text: string) => {
    const block = screen.getByText(text).closest('[dir]');
    return `${block?.tagName} ${block?.getAttribute('dir')}`;
  };
  expect(['שלום, עולם!', 'Hello, world!', 'כותרת'].map(directionOf)).toEqual(['P auto', 'P auto', 'P auto']);
  expect(container.querySelector('.markdown__raw')?.getAttribute('dir')).toBe('auto');
});

test('a list, quote or table takes its direction from its first words, and what is in it reads with it', () => {
  const { container } = render(
    <Markdown source={'- פריט\n- item\n  - פנימי\n\n> ציטוט\n>\n> - quoted item\n\n| שם | name |\n| - | - |\n| תא | cell |\n\n1. צעד\n\n   more words'} />,
  );
  // The browser skips the words of an element with a `dir` of its own when it finds a block's direction: a Hebrew
  // list whose items had one would find none, read left to right, and hang its markers outside the note's right edge.
  const containers = [...container.querySelectorAll('.markdown > *')];
  expect(containers.map((block) => `${block.tagName} ${block.getAttribute('dir')}`)).toEqual(['UL auto', 'BLOCKQUOTE auto', 'TABLE auto', 'OL auto']);
  expect(containers.map((block) => block.querySelectorAll('[dir]').length)).toEqual([0, 0, 0, 0]);
});

test('a task shows its box, ticked or not, on the line of its words', () => {
  const { container } = render(<Markdown source={'- [ ] try the agent mode\n- [x] read the docs\n\nLoose:\n\n- [x] done\n\n  with more'} />);
  const items = [...container.querySelectorAll('li')];
  const boxes = items.map((item) => item.querySelector<HTMLInputElement>('input[type="checkbox"]'));
  expect(boxes.map((box) => [box?.checked, box?.disabled])).toEqual([
    [false, true],
    [true, true],
    [true, true],
  ]);
  expect(items.map((item) => item.textContent)).toEqual(['try the agent mode', 'read the docs', 'donewith more']);
  // The box leads its words, not a line of its own above them.
  expect(items.slice(0, 2).map((item) => item.firstElementChild?.tagName)).toEqual(['INPUT', 'INPUT']);
  expect(items[2].querySelector('p')?.firstElementChild?.tagName).toBe('INPUT');
  expect(container.querySelector('.markdown__raw')).toBeNull();
});

test('each task’s box is named by its words, in tight and loose lists and across notes, so that one is told from the next', () => {
  render(
    <>
      <Markdown
        source={'- [ ] try the **agent** mode\n  - with the flag\n- [x] read the [docs](https://prometheus.io/docs)\n\nLoose:\n\n- [x] done\n\n  with more'}
      />
      <Markdown source="- [ ] ask about remote write" />
    </>,
  );
  expect(screen.getAllByRole('checkbox')).toHaveLength(4);
  screen.getByRole('checkbox', { name: 'try the agent mode', checked: false });
  screen.getByRole('checkbox', { name: 'read the docs', checked: true });
  screen.getByRole('checkbox', { name: 'done', checked: true });
  screen.getByRole('checkbox', { name: 'ask about remote write', checked: false });
});

test('raw HTML shows as the text it was typed as, and nothing from it runs or loads', () => {
  const source =
    '<img src=x onerror="alert(1)"> <b>bold?</b>\n\n<script>alert(2)</script>\n\n<div onclick="x()">block</div>\n\n![tracker](https://evil.example/pixel.png) &lt;3 &amp; &#65;';
  const { container } = render(<Markdown source={source} />);
  expect(container.querySelector('img, script, .markdown div, b, [onclick], [onerror]')).toBeNull();
  expect(container.textContent).toContain('<img src=x onerror="alert(1)"> <b>bold?</b>');
  expect(container.textContent).toContain('<script>alert(2)</script>');
  expect(container.textContent).toContain('<div onclick="x()">block</div>');
  expect(container.textContent).toContain('tracker <3 & A');
});

test('character references show as the characters CommonMark reads, as in the exported log', () => {
  const source = 'Prometheus &mdash; the agent &hellip; &copy; CNCF, &frac12; &NotNestedGreaterGreater; &#x2014; &amp;; kept: &notit; &foo; &copy';
  const { container } = render(<Markdown source={source} />);
  const walker = new Parser().parse(source).walker();
  let exported = '';
  for (let step = walker.next(); step; step = walker.next()) if (step.entering && step.node.type === 'text') exported += step.node.literal;
  expect(exported).toBe('Prometheus — the agent … © CNCF, ½ ⪢̸ — &; kept: &notit; &foo; &copy');
  expect(container.textContent).toBe(exported);
});

test('only http(s) links are links, opening a new tab without the opener', () => {
  const source =
    '[docs](https://prometheus.io/docs) [bad](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:a@b.example) [rel](/options) <https://a.example>';
  render(<Markdown source={source} />);
  const links = screen.getAllByRole('link');
  expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')])).toEqual([
    ['docs', 'https://prometheus.io/docs', '_blank', 'noopener noreferrer'],
    ['https://a.example', 'https://a.example/', '_blank', 'noopener noreferrer'],
  ]);
  expect(document.body.textContent).toContain('[bad](javascript:alert(1))');
});

test('a link to the same video at a time seeks it; one to another video opens it', () => {
  const seeks: number[] = [];
  render(
    <Markdown
      source={'see [there](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) and [that talk](https://youtu.be/OpenMetr1cs?t=95)'}
      videoId="Pr0meTheus1"
      onSeek={(atSec) => seeks.push(atSec)}
    />,
  );
  fireEvent.click(screen.getByRole('link', { name: 'there', description: 'Play from 4:12' }));
  expect(seeks).toEqual([252]);
  expect(screen.getByRole('link', { name: 'that talk' }).getAttribute('href')).toBe('https://youtu.be/OpenMetr1cs?t=95');
});

test('a time link keeps the words written for it as its name, the time told as its description; a link that is the time says what it plays (WCAG 2.5.3)', () => {
  render(
    <Markdown
      source={'see [the agent mode demo](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s), then [1:35](https://youtu.be/Pr0meTheus1?t=95)'}
      videoId="Pr0meTheus1"
      onSeek={() => {}}
    />,
  );
  expect(screen.getByRole('link', { name: 'the agent mode demo', description: 'Play from 4:12' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Play from 1:35' })).toBeTruthy();
});

test('noteLink reads YouTube times in every form', () => {
  expect(noteLink('https://www.youtube.com/watch?v=Pr0meTheus1&t=1h2m3s', 'Pr0meTheus1')).toEqual({ kind: 'seek', atSec: 3723 });
  expect(noteLink('https://youtu.be/Pr0meTheus1?t=754', 'Pr0meTheus1')).toEqual({ kind: 'seek', atSec: 754 });
  expect(noteLink('https://www.youtube.com/watch?v=Pr0meTheus1', 'Pr0meTheus1')).toEqual({ kind: 'web', href: 'https://www.youtube.com/watch?v=Pr0meTheus1' });
  expect(noteLink('JavaScript:alert(1)', 'Pr0meTheus1')).toBeNull();
  expect(noteLink('not a url', null)).toBeNull();
});

test('quotes and lists nested past sixteen levels show the rest as typed, and a note nested past what can be read in good time shows whole as typed', () => {
  const quotes = render(<Markdown source={`${'>'.repeat(20)} deep`} />).container;
  expect(quotes.querySelectorAll('blockquote')).toHaveLength(16);
  expect(quotes.querySelector('.markdown__raw')?.textContent).toBe('>>>> deep');

  const list = Array.from({ length: 20 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
  const lists = render(<Markdown source={list} />).container;
  expect(lists.querySelectorAll('li')).toHaveLength(16);
  expect(lists.querySelector('.markdown__raw')?.textContent).toBe('- item 16\n  - item 17\n    - item 18\n      - item 19');

  // Deeper than any note is written (2,000 `>` overflow marked's stack in Node), or too deep for its length
  // (400 list items, each one deeper: 0.7 s for marked to read): the note shows whole as typed.
  const nested = Array.from({ length: 400 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
  for (const tooDeep of [`${'>'.repeat(2_000)} x`, nested]) {
    const whole = render(<Markdown source={tooDeep} />).container;
    expect(whole.querySelector('blockquote, li')).toBeNull();
    expect(whole.querySelector('.markdown__raw')?.textContent).toBe(tooDeep);
  }
});

test('a note marked cannot read shows whole as typed, and the page goes on', () => {
  // marked 18 throws reading an empty item in a quote in an item with more after it.
  const source = 'Outline\n\n- the plan\n  > -\n    see slide 4';
  const { container } = render(
    <>
      <Markdown source={source} />
      <Markdown source="**next** note" />
    </>,
  );
  expect(container.querySelector('.markdown__raw')?.textContent).toBe(source);
  expect(container.querySelector('strong')?.textContent).toBe('next');
});
