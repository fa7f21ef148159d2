import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { Lexer, Marked, walkTokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { defaultCategoryOrder, renderTalkLog, renderTalkMarkdown, talkLogFileName, type TalkLogOptions } from '../../src/export/talk-log';
import { conferenceRecords, featureRecords, hostileRecords, hostileTitles, kubeconOptions, kubeconRecords } from './golden-records';
import { childrenOf, outlineOf, parseBlocks, plainText, type TalkSection } from './markdown-outline';
import { makeNote, makeTalk } from './records';
import { asRendered, expectTalkLogStructure, expectTalkSection, expectTidyText } from './talk-log-checks';

// Golden files: `npx vitest run tests/export -u` rewrites them; read the diff before committing it.
describe('golden talk logs', () => {
  const cases: [string, () => ReturnType<typeof kubeconRecords>, TalkLogOptions][] = [
    ['kubecon-na-2021', kubeconRecords, kubeconOptions],
    ['features', featureRecords, { intro: 'Watched on the way home.\n\n*Best first.*' }],
    ['hostile', hostileRecords, { title: 'Talk log: <KubeCon> #1 *2021*', intro: '```\nan intro with an open fence' }],
    [
      'parts-off',
      featureRecords,
      {
        includeTimestamps: false,
        includeSpeakers: false,
        includeStars: false,
        includeDuration: false,
        categoryOrder: ['Security', 'Uncategorized', 'Missing'],
      },
    ],
  ];

  test.each(cases)('%s.md', async (name, records, options) => {
    const { talks, notes } = records();
    const markdown = renderTalkLog(talks, notes, options);
    await expect(markdown).toMatchFileSnapshot(`./golden/${name}.md`);
    expectTalkLogStructure(markdown, talks, notes, options);
  });

  test('conference.md: one event, then the talks not watched yet, best first, as links', async () => {
    const { talks, notes, notWatchedYet } = conferenceRecords();
    const markdown = renderTalkLog(talks, notes, { title: 'Talk log: KubeCon NA 2021', notWatchedYet });
    await expect(markdown).toMatchFileSnapshot('./golden/conference.md');
    expect(outlineOf(markdown).categories.map((category) => category.name)).toEqual(['Delivery', 'Not watched yet']);
    // Read back by a CommonMark parser: one list of links, best first, then in playlist order.
    const list = childrenOf(new Parser().parse(markdown)).at(-1)!;
    expect(list.type).toBe('list');
    const links = childrenOf(list).map((item) => childrenOf(childrenOf(item)[0])[0]);
    expect(links.map((link) => [link.type, plainText(link), link.destination])).toEqual([
      ['link', 'Service Mesh Lessons 4', 'https://www.youtube.com/watch?v=kc21talk004'],
      ['link', 'eBPF in Production 7 [unsafe] & *You*: `#` <tricks>', 'https://www.youtube.com/watch?v=kc21talk007'],
      ['link', 'Scaling Prometheus 9', 'https://www.youtube.com/watch?v=kc21talk009'],
      ['link', 'eBPF in Production 1', 'https://www.youtube.com/watch?v=kc21talk001'],
    ]);
    expect(renderTalkLog(talks, notes, { title: 'Talk log: KubeCon NA 2021', notWatchedYet: [] })).not.toContain('Not watched yet');
  });

  test('copy-talk.md: one talk, from the same renderer as the log', async () => {
    const { talks, notes } = featureRecords();
    const markdown = renderTalkMarkdown(talks[0], notes);
    await expect(markdown).toMatchFileSnapshot('./golden/copy-talk.md');
    expect(renderTalkLog(talks, notes)).toContain(markdown);
  });
});

describe('renderTalkLog', () => {
  test('an empty log is just the title', () => {
    expect(renderTalkLog([], [])).toBe('# Talk log\n');
    expect(renderTalkLog([], [], { title: ' \n ', intro: '  \n' })).toBe('# Talk log\n');
  });

  test('a talk without notes or meta is its heading alone', () => {
    const talk = makeTalk('XXXXXXXXXXX', { title: 'Lonely' });
    expect(renderTalkLog([talk], [makeNote(talk, ' \n\t ')])).toBe(
      '# Talk log\n\n## Uncategorized\n\n### [Lonely](https://www.youtube.com/watch?v=XXXXXXXXXXX)\n',
    );
  });

  test('notes of talks not in the log are left out', () => {
    const talk = makeTalk('XXXXXXXXXXX');
    const other = makeTalk('YYYYYYYYYYY');
    expect(renderTalkLog([talk], [makeNote(other, 'elsewhere')])).not.toContain('elsewhere');
  });

  test('each hostile title renders as exactly its text', () => {
    const talks = hostileTitles.map((title, i) => makeTalk(`title${String(i).padStart(6, '0')}`, { title }));
    const markdown = renderTalkLog(talks, []);
    const headings = outlineOf(markdown).categories.flatMap((category) => category.talks.map((talk) => talk.heading));
    expect(headings.map(plainText)).toEqual(talks.map((talk) => asRendered(talk.title) || talk.url));
  });

  test('hostile category names and log titles render as exactly their text', () => {
    const names = ['# Not a heading #', '[x](y)', '<b>', 'a\nb', '1. One', '`code`'];
    const talks = names.map((category, i) => makeTalk(`categ${String(i).padStart(6, '0')}`, { category, interest: 3 }));
    const options = { title: 'Log & more &amp; <b>*x*</b> \\', categoryOrder: ['a b', '<b>'] };
    const markdown = renderTalkLog(talks, [], options);
    expectTalkLogStructure(markdown, talks, [], options);
    expect(
      outlineOf(markdown)
        .categories.map((category) => category.name)
        .slice(0, 2),
    ).toEqual(['a b', '<b>']);
  });

  test('categories by top interest, then name; talks by interest, then clipping time', () => {
    const talks = [
      makeTalk('AAAAAAAAAA1', { category: 'Beta', interest: 3, createdAt: '2021-01-02T00:00:00.000Z' }),
      makeTalk('AAAAAAAAAA2', { category: 'Beta', interest: 3, createdAt: '2021-01-01T00:00:00.000Z' }),
      makeTalk('AAAAAAAAAA3', { category: 'Alpha', interest: 3 }),
      makeTalk('AAAAAAAAAA4', { category: 'Gamma', interest: 5 }),
      makeTalk('AAAAAAAAAA5', { category: 'Beta', interest: 1 }),
      makeTalk('AAAAAAAAAA6', { interest: 5 }),
    ];
    const outline = outlineOf(renderTalkLog(talks, []));
    expect(outline.categories.map((category) => category.name)).toEqual(['Gamma', 'Alpha', 'Beta', 'Uncategorized']);
    expect(defaultCategoryOrder([...talks, makeTalk('AAAAAAAAAA7', { category: ' Uncategorized\n' })])).toEqual(['Gamma', 'Alpha', 'Beta']);
    const beta = outline.categories[2].talks.map((talk) => childrenOf(talk.heading)[0].destination);
    expect(beta.map((url) => url!.slice(-1))).toEqual(['2', '1', '5']);
  });

  test("talks queued from one playlist, saved in the same instant, keep the playlist's order on equal interest", () => {
    const queuedAt = '2026-11-20T10:00:00.000Z';
    const place = (id: string, position: number) => ({ playlist: { id, position }, createdAt: queuedAt, interest: 4 as const });
    const talks = [
      makeTalk('aaSecond001', place('PLkubecon', 2)),
      makeTalk('zzOpening01', place('PLkubecon', 1)),
      makeTalk('mmOtherList', place('PLdevconf', 1)),
    ];
    const order = outlineOf(renderTalkLog(talks, [])).categories[0].talks.map((talk) => childrenOf(talk.heading)[0].destination?.slice(-11));
    // Each playlist's talks together, in its order.
    expect(order).toEqual(['mmOtherList', 'zzOpening01', 'aaSecond001']);
  });

  test('a note body cannot end its list item or swallow the next talk', () => {
    const first = makeTalk('XXXXXXXXXX1', { title: 'First' });
    const second = makeTalk('XXXXXXXXXX2', { title: 'Second', createdAt: '2022-01-01T00:00:00.000Z' });
    const bodies = ['```\nopen', '~~~~\nopen ~~~', '<!--\nopen comment', '<pre>\nopen pre', '# H\n---\n===', '    code\n\n\tmore'];
    const notes = bodies.flatMap((body, i) => [makeNote(first, body, { atSec: i }), makeNote(first, body)]);
    const markdown = renderTalkLog([first, second], notes);
    expectTalkLogStructure(markdown, [first, second], notes);
    expect(outlineOf(markdown).categories[0].talks).toHaveLength(2);
  });

  test("a note's headings sit below its talk's heading, as the pages show them below the talk", () => {
    const talk = makeTalk('Pr0meTheus1', { title: 'Evolving Prometheus', category: 'Observability' });
    const notes = [makeNote(talk, '# Takeaways\n\n- agent mode', { atSec: 252 }), makeNote(talk, 'Open questions\n---\n- remote write')];
    const headings = parseBlocks(renderTalkLog([talk], notes)).flatMap(function levels(node): number[] {
      return node.type === 'heading' ? [node.level] : childrenOf(node).flatMap(levels);
    });
    // Each note's highest heading just below the talk's: `#` and the setext `##` alike.
    expect(headings).toEqual([1, 2, 3, 4, 4]);
  });

  test("a note's link references go where its own definitions say, whatever other notes define", () => {
    const a = makeTalk('AAAAAAAAAAA', { title: 'A', interest: 5 });
    const b = makeTalk('BBBBBBBBBBB', { title: 'B', interest: 4 });
    const notes = [
      makeNote(a, 'Slides: [deck][1]\n\n[1]: https://a.example/slides', { atSec: 60 }),
      makeNote(a, '[docs]: https://a.example/docs'),
      makeNote(b, 'Slides: [deck][1], and the [docs] are worth a read\n\n[1]: https://b.example/slides'),
    ];
    const markdown = renderTalkLog([a, b], notes);
    const [talkA, talkB] = outlineOf(markdown).categories[0].talks;
    const links = (section: TalkSection) => section.blocks.flatMap((block) => linksIn(block));
    expect(links(talkA)).toEqual(['https://www.youtube.com/watch?v=AAAAAAAAAAA&t=60s', 'https://a.example/slides']);
    expect(links(talkB)).toEqual(['https://b.example/slides']);
    // The note of a definition alone, without a time or slides, shows nothing, on the page and in the log.
    expect(childrenOf(talkA.blocks[1])).toHaveLength(1);
  });

  test('a note of definitions alone still shows its time and its slides', () => {
    const talk = makeTalk('Pr0meTheus1', { title: 'Evolving Prometheus' });
    const note = makeNote(talk, '[deck]: https://example.com/deck', { atSec: 60 });
    const slides = new Map([[note.id, [{ slideId: 's1', atSec: 61, path: 'slides/Pr0meTheus1-61.webp' }]]]);
    const timeLink = '[1:00](https://www.youtube.com/watch?v=Pr0meTheus1&t=60s)';
    const items = (options: TalkLogOptions) => renderTalkMarkdown(talk, [note], options).split('\n').slice(2, -1);
    expect(items({ slides })).toEqual([`- ${timeLink}`, '', '  ![Slide at 1:01](slides/Pr0meTheus1-61.webp)']);
    expect(items({})).toEqual([`- ${timeLink}`]);
    expect(items({ slides, includeTimestamps: false })).toEqual(['- ![Slide at 1:01](slides/Pr0meTheus1-61.webp)']);
    expect(items({ includeTimestamps: false })).toEqual([]);
  });

  test('timestamps link to the second the note was started at', () => {
    const talk = makeTalk('XXXXXXXXXXX');
    const markdown = renderTalkMarkdown(talk, [makeNote(talk, 'late', { atSec: 3725.8 }), makeNote(talk, 'start', { atSec: 0 })]);
    expect(markdown).toContain('- [0:00](https://www.youtube.com/watch?v=XXXXXXXXXXX&t=0s) start\n');
    expect(markdown).toContain('- [1:02:05](https://www.youtube.com/watch?v=XXXXXXXXXXX&t=3725s) late\n');
  });
});

describe('renderTalkMarkdown', () => {
  test('is the talk section of the log, with its own notes only', () => {
    const { talks, notes } = hostileRecords();
    for (const talk of talks) {
      const markdown = renderTalkMarkdown(talk, notes);
      expectTidyText(markdown);
      const [category] = outlineOf(markdown).categories;
      expect(category.talks).toHaveLength(1);
      expectTalkSection(category.talks[0], talk, notes);
    }
  });

  test("a note's lines read as lines, as the pages and the export's rendered preview show them", () => {
    const talk = makeTalk('Pr0meTheus1', { title: 'T' });
    const log = renderTalkMarkdown(talk, [makeNote(talk, 'new scrape limits\nsample_limit\nlabel_limit', { atSec: 252 })]);
    expect(new HtmlRenderer().render(new Parser().parse(log))).toMatch(/new scrape limits<br \/>\s*sample_limit<br \/>\s*label_limit/);
    const bodies = ['one\ntwo', '> quoted\n> lines\n\n- an item\n  going on', 'a `code\nspan` b\nc', '| a |\n| - |\n| b |', '<b>raw\nHTML</b>'];
    const notes = bodies.map((body, at) => makeNote(talk, body, { atSec: at }));
    const markdown = renderTalkMarkdown(talk, notes);
    // The preview renders with `breaks`, as the pages do; GitHub does not.
    expect(new Marked({ gfm: true, breaks: true }).parse(markdown)).toBe(new Marked({ gfm: true }).parse(markdown));
  });

  test('code and hard line breaks in a note read the same in its item, to CommonMark and to marked', () => {
    const talk = makeTalk('Pr0meTheus1');
    const bodies = [
      'The new API:\n\n    std::vector<int> ids;\n    if (a<b) return;',
      '    [x](javascript:y) <!--\n\n    more',
      '- item\n\n      template<class T>',
      '> quoted\n>\n>     a <b> c',
      'calls `std::vector<int>\nids.push_back(1)` and `a\n<b>`',
      '- item `template<class\n  T>` wrapped',
      'Q: why not OpenTelemetry?  \nA: it was not stable in 2021',
      '- a `b  \n  c`  \n  d\n\n  ```diff\n  -old  \n  ```',
    ];
    for (const body of bodies) {
      for (const atSec of [754, null]) {
        const markdown = renderTalkMarkdown(talk, [makeNote(talk, body, { atSec })]);
        expect(codeAndBreaks(markdown), markdown).toEqual(codeAndBreaks(body));
      }
    }
  });
});

/** The destination of every link below `node`, in order. */
function linksIn(node: Node): string[] {
  const links: string[] = [];
  const walker = node.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && step.node.type === 'link') links.push(step.node.destination!);
  }
  return links;
}

/** The text of every code block and code span, and `<br>` for every hard line break, as CommonMark and as marked (GFM) read them. */
function codeAndBreaks(markdown: string): { commonmark: string[]; marked: string[] } {
  const commonmark: string[] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const { node } = step;
    if (step.entering && (node.type === 'code_block' || node.type === 'code')) commonmark.push(node.literal!);
    if (step.entering && node.type === 'linebreak') commonmark.push('<br>');
  }
  const marked: string[] = [];
  walkTokens(Lexer.lex(markdown, { gfm: true }), (token) => {
    if (token.type === 'code' || token.type === 'codespan') marked.push(token.text);
    if (token.type === 'br') marked.push('<br>');
  });
  return { commonmark, marked };
}

describe('talkLogFileName', () => {
  const now = new Date(2026, 10, 26, 23, 59);

  test('is named after the event', () => {
    expect(talkLogFileName('KubeCon NA 2021', now)).toBe('talklog-kubecon-na-2021.md');
    expect(talkLogFileName('  KubeCon + CloudNativeCon Europe 2024 (Paris)! ', now)).toBe('talklog-kubecon-cloudnativecon-europe-2024-paris.md');
    expect(talkLogFileName('Łódź Ærø Straße Kraków', now)).toBe('talklog-lodz-aero-strasse-krakow.md');
    expect(talkLogFileName('../../etc/passwd', now)).toBe('talklog-etc-passwd.md');
    expect(talkLogFileName('x'.repeat(200), now)).toBe(`talklog-${'x'.repeat(60)}.md`);
    expect(talkLogFileName('ХолиДжС 東京 🚀', now)).toBe('talklog-холиджс-東京.md');
  });

  test('falls back to the local date when the event gives no usable name', () => {
    expect(talkLogFileName(null, now)).toBe('talklog-2026-11-26.md');
    expect(talkLogFileName('🚀 ?', now)).toBe('talklog-2026-11-26.md');
    expect(talkLogFileName('', new Date(2027, 0, 5))).toBe('talklog-2027-01-05.md');
  });
});
