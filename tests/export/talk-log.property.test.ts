import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeInline, escapeLinkDestination, guardLineStart } from '../../src/export/markdown-text';
import { renderTalkLog, renderTalkMarkdown, type TalkLogOptions } from '../../src/export/talk-log';
import type { Interest, Note, Talk } from '../../src/talk/model';
import { MARKUP_LINE_BODIES, markdownLinesOf } from './markdown-lines-arbitrary';
import { childrenOf, expectOnlySafeMarkdown, outlineOf, parseBlocks, plainText } from './markdown-outline';
import { makeNote, makeTalk } from './records';
import { asRendered, expectTalkLogStructure, expectTalkSection } from './talk-log-checks';

const RUNS = { numRuns: 200 };

/** Pieces of markdown syntax, so that random text often means something to a parser. */
const SYNTAX = [
  '[',
  ']',
  '(',
  ')',
  '*',
  '**',
  '_',
  '#',
  '# ',
  '## ',
  '<tag>',
  '</tag>',
  '<div>',
  '<pre>',
  '<!--',
  '-->',
  '`',
  '```',
  '```js',
  '~~~',
  '|',
  '| a | b |',
  '|---|',
  '🚀',
  '👩🏽‍💻',
  '&amp;',
  '&#65;',
  '&',
  '\\',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '    ',
  '  ',
  '1. ',
  '2) ',
  '- ',
  '+ ',
  '* ',
  '> ',
  '===',
  '---',
  '***',
  '- - -',
  'text',
  'word ',
  '[x](y)',
  '![i](y)',
  '<https://a.example>',
  ':',
  '"',
  "'",
  '!',
];

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')),
);
const category = fc.oneof(
  fc.constantFrom(null, '', 'Observability', 'Uncategorized', '# C# <Langs>', ' spaced ', 'a\nb', '1. First', 'Ünïcödé'),
  fc.string({ unit: 'binary', maxLength: 12 }).filter((name) => !name.includes('\0')),
);
const isoTime = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());

const talkFields = fc.record({
  title: hostileText,
  speakers: fc.array(hostileText, { maxLength: 3 }),
  durationSec: fc.option(fc.integer({ min: 0, max: 20_000 })),
  category,
  interest: fc.integer({ min: 0, max: 5 }).map((n) => n as Interest),
  createdAt: isoTime,
});
const noteFields = fc.record({
  body: hostileText,
  atSec: fc.option(fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.double({ min: 0, max: 20_000, noNaN: true }))),
  createdAt: isoTime,
});

const records = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{11}$/), { minLength: 1, maxLength: 4 })
  .chain((videoIds) =>
    fc.tuple(
      fc.tuple(...videoIds.map((videoId) => talkFields.map((fields) => makeTalk(videoId, fields)))),
      fc.array(fc.tuple(fc.nat(videoIds.length - 1), noteFields), { maxLength: 8 }),
    ),
  )
  .map(([talks, noteSpecs]): { talks: Talk[]; notes: Note[] } => ({
    talks,
    notes: noteSpecs.map(([talkIndex, fields]) => makeNote(talks[talkIndex], fields.body, fields)),
  }));

const options: fc.Arbitrary<TalkLogOptions> = fc.record(
  {
    title: hostileText,
    // The intro is the user's own markdown: headings in it are theirs to write, but would blur the outline here.
    intro: hostileText.filter((intro) => !parseBlocks(intro).some((block) => block.type === 'heading')),
    includeTimestamps: fc.boolean(),
    includeSpeakers: fc.boolean(),
    includeStars: fc.boolean(),
    includeDuration: fc.boolean(),
    categoryOrder: fc.array(
      category.map((name) => name ?? 'Uncategorized'),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

describe('talk log properties', () => {
  test('a note of list items, quotes, fences and markup carries no raw HTML or unsafe link into the log', () => {
    // Lines rather than random strings, so that fences sit in items and quotes, and tabs in their indentation.
    const lines = markdownLinesOf({
      prefixes: ['- ', '  ', '   ', '    ', ' ', '> ', '1. ', '\t'],
      bodies: MARKUP_LINE_BODIES,
      prefixesALine: 4,
      lines: 10,
    });
    const talk = makeTalk('Pr0meTheus1', {});
    // Once found: kept as typed, the tab spanned fewer columns nested in the note's item, which the fence's item then did not hold.
    expectOnlySafeMarkdown(renderTalkMarkdown(talk, [makeNote(talk, '1. ~~~\n\t<b>x</b>', { atSec: null })]));
    fc.assert(
      fc.property(lines, fc.boolean(), (body, timed) => {
        expectOnlySafeMarkdown(renderTalkMarkdown(talk, [makeNote(talk, body, { atSec: timed ? 754 : null })]));
      }),
      { numRuns: 300 },
    );
  });

  test('every talk and note stays in its place, whatever the titles and notes say', () => {
    fc.assert(
      fc.property(records, options, ({ talks, notes }, logOptions) => {
        expectTalkLogStructure(renderTalkLog(talks, notes, logOptions), talks, notes, logOptions);
      }),
      RUNS,
    );
  });

  test('one talk copied as markdown reads back as its section', () => {
    fc.assert(
      fc.property(records, ({ talks, notes }) => {
        const [section, ...others] = outlineOf(renderTalkMarkdown(talks[0], notes)).categories[0].talks;
        expect(others).toEqual([]);
        expectTalkSection(section, talks[0], notes);
      }),
      RUNS,
    );
  });
});

describe('markdown text properties', () => {
  test('escaped text reads back as the same text in a paragraph, a heading and link text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const expected = asRendered(text);
        const paragraph = parseBlocks(guardLineStart(escapeInline(text)));
        expect(paragraph.map(plainText)).toEqual(expected === '' ? [] : [expected]);
        const [heading] = parseBlocks(`## ${escapeInline(text, { heading: true })}`);
        expect(plainText(heading)).toBe(expected);
        const [link, ...rest] = childrenOf(parseBlocks(`x [${escapeInline(text, { linkText: true })}](https://a.example/)`)[0]).slice(1);
        expect(rest).toEqual([]);
        expect(plainText(link)).toBe(expected);
      }),
      RUNS,
    );
  });

  test('an escaped link destination is one link to that URL', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...Array.from('az09 ()<>\\"\'\t\r\né🚀')), maxLength: 30 }), (path) => {
        const url = `https://a.example/${path}`;
        const [paragraph] = parseBlocks(`[x](${escapeLinkDestination(url)})`);
        const [link, ...rest] = childrenOf(paragraph);
        expect(rest).toEqual([]);
        expect(link.type).toBe('link');
        expect(link.destination).toBe(encodeURI(url));
      }),
      RUNS,
    );
  });
});
