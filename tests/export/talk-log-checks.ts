import { Parser, type Node } from 'commonmark';
import { expect } from 'vitest';
import { markdownLines } from '../../src/export/markdown-block';
import type { TalkLogOptions } from '../../src/export/talk-log';
import type { Note, Talk } from '../../src/talk/model';
import { formatPlaybackTime } from '../../src/talk/time';
import { videoTimeUrl } from '../../src/talk/video-id';
import { blockShape, childrenOf, expectOnlySafeMarkup, outlineOf, parseBlocks, plainText, squashedText, type TalkSection } from './markdown-outline';

/** How a line of plain text reads once rendered: one line, trimmed (CommonMark turns NUL into U+FFFD). */
export function asRendered(text: string): string {
  return text
    .replace(/\s*[\r\n]\s*/g, ' ')
    .trim()
    .replace(/\0/g, '\uFFFD');
}

export function expectTidyText(markdown: string): void {
  expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
  const kept = linesKeepingTrailingWhitespace(markdown);
  const trailing = markdown.split('\n').flatMap((line, at) => (/[ \t]$/.test(line) ? [at + 1] : []));
  expect(trailing.filter((line) => !kept.has(line))).toEqual([]);
  expect(markdown).not.toMatch(/\n\n\n\n/);
}

/** The lines (1-based) where trailing whitespace means something: code, and lines a paragraph or heading goes on after. */
function linesKeepingTrailingWhitespace(markdown: string): Set<number> {
  const kept = new Set<number>();
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const { node } = step;
    if (!step.entering || !['code_block', 'paragraph', 'heading'].includes(node.type)) continue;
    const [[first], [last]] = node.sourcepos;
    const end = node.type === 'code_block' ? last : last - 1;
    for (let line = first; line <= end; line++) kept.add(line);
  }
  return kept;
}

/** Reads the log back with a CommonMark parser and checks that every talk and note is where the design says. */
export function expectTalkLogStructure(markdown: string, talks: Talk[], notes: Note[], options: TalkLogOptions = {}): void {
  expectTidyText(markdown);
  expectOnlySafeMarkup(parseBlocks(markdown));
  const outline = outlineOf(markdown);
  expect(outline.title).toBe(asRendered(options.title?.trim() || 'Talk log'));
  if (!mayHoldMarkupToDefuse(options.intro ?? '')) expect(squashedText(outline.preamble)).toBe(squashedText(parseTidied(options.intro ?? '')));

  const categoryOf = (talk: Talk) => asRendered(talk.category ?? '') || 'Uncategorized';
  const names = outline.categories.map((category) => category.name!);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(names)).toEqual(new Set(talks.map(categoryOf)));
  expectCategoryOrder(names, talks, categoryOf, options.categoryOrder ?? []);

  const rendered = outline.categories.flatMap((category) =>
    category.talks.map((section) => {
      const talk = talks.find((candidate) => candidate.url === childrenOf(section.heading)[0]?.destination);
      expect(talk, `a talk links to ${childrenOf(section.heading)[0]?.destination}`).toBeDefined();
      expect(categoryOf(talk!)).toBe(category.name);
      expectTalkSection(section, talk!, notes, options);
      return talk!;
    }),
  );
  expect(rendered).toHaveLength(talks.length);
  for (const category of outline.categories) {
    const inCategory = category.talks.map((section) => rendered.find((talk) => talk.url === childrenOf(section.heading)[0].destination)!);
    for (const [a, b] of pairs(inCategory)) {
      expect(a.interest > b.interest || (a.interest === b.interest && Date.parse(a.createdAt) <= Date.parse(b.createdAt))).toBe(true);
    }
  }
}

export function expectTalkSection(section: TalkSection, talk: Talk, notes: Note[], options: TalkLogOptions = {}): void {
  expect(section.heading.level).toBe(3);
  const [link, ...others] = childrenOf(section.heading);
  expect(others).toEqual([]);
  expect(link.type).toBe('link');
  expect(link.destination).toBe(talk.url);
  expect(plainText(link)).toBe(asRendered(talk.title) || talk.url);

  const blocks = [...section.blocks];
  const meta = expectedMeta(talk, options);
  if (meta !== '') {
    const paragraph = blocks.shift()!;
    expect(paragraph.type).toBe('paragraph');
    expect(plainText(paragraph)).toBe(meta);
  }
  const shown = notes
    .filter((note) => note.talkId === talk.id && hasAnythingToShow(note, options))
    .sort((a, b) => (a.atSec ?? Infinity) - (b.atSec ?? Infinity) || Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.id < b.id ? -1 : 1));
  if (shown.length === 0) {
    expect(blocks).toEqual([]);
    return;
  }
  expect(blocks.map((block) => block.type)).toEqual(['list']);
  expect(blocks[0].listType).toBe('bullet');
  const items = childrenOf(blocks[0]);
  expect(items).toHaveLength(shown.length);
  shown.forEach((note, i) => expectNoteItem(items[i], talk, note, options));
}

/** A note's words, time link or slides: a note of none (blank, or link reference definitions alone) writes no item. */
function hasAnythingToShow(note: Note, options: TalkLogOptions): boolean {
  const timed = note.atSec !== null && options.includeTimestamps !== false;
  return timed || markdownLines(note.body).length > 0 || (options.slides?.get(note.id) ?? []).length > 0;
}

/**
 * The item says what the note says, with the same block structure, after its timestamp link;
 * unless the note may hold raw HTML or a link, which turn into text (markdown-block.test.ts checks how).
 */
function expectNoteItem(item: Node, talk: Talk, note: Note, options: TalkLogOptions): void {
  expectOnlySafeMarkup([item]);
  const timed = note.atSec !== null && options.includeTimestamps !== false;
  // A body of whitespace CommonMark keeps on its own (`\v`) is trimmed off the end of the time link's paragraph.
  const expected = timed && note.body.trim() === '' ? [] : parseTidied(note.body, 3);
  let content = childrenOf(item);
  let leadText = '';
  if (note.atSec !== null && timed) {
    const lead = content[0].firstChild!;
    expect(lead.type).toBe('link');
    expect(lead.destination).toBe(videoTimeUrl(talk.videoId, note.atSec));
    expect(plainText(lead)).toBe(formatPlaybackTime(note.atSec));
    leadText = plainText(lead);
    if (lead.next === null) content = content.slice(1);
  }
  if (mayHoldMarkupToDefuse(note.body)) return;
  expect(blockShape(content)).toEqual(blockShape(expected));
  expect(squashedText(childrenOf(item))).toBe(leadText + squashedText(expected));
}

function mayHoldMarkupToDefuse(markdown: string): boolean {
  return /[<\]]/.test(markdown);
}

/** User markdown as the log shows it, on its own (a note's under its talk's heading); markdown-block.test.ts checks that tidying keeps its meaning. */
function parseTidied(markdown: string, belowHeading = 0): Node[] {
  return parseBlocks(markdownLines(markdown, { belowHeading }).join('\n'));
}

function expectedMeta(talk: Talk, options: TalkLogOptions): string {
  const speakers = talk.speakers.map(asRendered).filter((name) => name !== '');
  return [
    options.includeSpeakers !== false && speakers.length > 0 ? speakers.join(', ') : '',
    options.includeDuration !== false && talk.durationSec ? formatPlaybackTime(talk.durationSec) : '',
    options.includeStars !== false && talk.interest > 0 ? '★'.repeat(talk.interest) + '☆'.repeat(5 - talk.interest) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

function expectCategoryOrder(names: string[], talks: Talk[], categoryOf: (talk: Talk) => string, categoryOrder: string[]): void {
  const chosen = [...new Set(categoryOrder.map(asRendered))].filter((name) => name !== 'Uncategorized' && names.includes(name));
  expect(names.slice(0, chosen.length)).toEqual(chosen);
  const rest = names.slice(chosen.length).filter((name) => name !== 'Uncategorized');
  const top = (name: string) => Math.max(...talks.filter((talk) => categoryOf(talk) === name).map((talk) => talk.interest));
  for (const [a, b] of pairs(rest)) {
    expect(top(a) > top(b) || (top(a) === top(b) && a.localeCompare(b) <= 0), `${a} before ${b}`).toBe(true);
  }
  if (names.includes('Uncategorized')) expect(names.at(-1)).toBe('Uncategorized');
}

function pairs<T>(items: T[]): [T, T][] {
  return items.slice(1).map((item, i) => [items[i], item]);
}
