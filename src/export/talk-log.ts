/** The talk log: every talk with its notes as one markdown document (docs/design.md, "Markdown export"). */

import { interestStars } from '../talk/interest';
import type { Note, Talk } from '../talk/model';
import { compareByInterestThenPlace, comparePlaylistPlaces } from '../talk/queue';
import { formatPlaybackTime } from '../talk/time';
import { videoTimeUrl } from '../talk/video-id';
import { fileNameSlug } from './file-name';
import { listItemLines, markdownLines } from './markdown-block';
import { escapeInline, escapeLinkDestination, guardLineStart, singleLine } from './markdown-text';
import type { SlideLink } from './slide-files';

export interface TalkMarkdownOptions {
  includeTimestamps?: boolean;
  includeSpeakers?: boolean;
  includeStars?: boolean;
  includeDuration?: boolean;
  /** Each note's slides (slide-files.ts), linked as images under the note; none when absent. */
  slides?: Map<string, SlideLink[]>;
}

export interface TalkLogOptions extends TalkMarkdownOptions {
  /** Plain text; `Talk log` when absent or blank. */
  title?: string;
  /** Markdown, kept as written. */
  intro?: string;
  /** Categories to put first, in this order; the rest follow in the default order. */
  categoryOrder?: string[];
  /** Talks still queued, listed last as links under `Not watched yet`, best first; none, no section. */
  notWatchedYet?: Talk[];
}

const UNCATEGORIZED = 'Uncategorized';
const NOT_WATCHED_YET = 'Not watched yet';

/** `onTalk`, if given, hears after each talk written how many are done of how many. */
export function renderTalkLog(talks: Talk[], notes: Note[], options: TalkLogOptions = {}, onTalk?: (done: number, total: number) => void): string {
  const blocks: string[][] = [[`# ${escapeInline(singleLine(options.title ?? '') || 'Talk log', { heading: true })}`]];
  const intro = markdownLines(options.intro ?? '');
  if (intro.length > 0) blocks.push(intro);
  const notesByTalk = groupBy(notes, (note) => note.talkId);
  let done = 0;
  for (const [category, categoryTalks] of orderedCategories(talks, options.categoryOrder ?? [])) {
    blocks.push([`## ${escapeInline(category, { heading: true })}`]);
    for (const talk of categoryTalks.sort(compareTalks)) {
      blocks.push(...talkBlocks(talk, notesByTalk.get(talk.id) ?? [], options));
      onTalk?.(++done, talks.length);
    }
  }
  const queued = [...(options.notWatchedYet ?? [])].sort(compareByInterestThenPlace);
  if (queued.length > 0)
    blocks.push(
      [`## ${NOT_WATCHED_YET}`],
      queued.map((talk) => queuedItem(talk, options)),
    );
  return joinBlocks(blocks);
}

/** One talk's section, as in the log: what "Copy as markdown" puts on the clipboard. */
export function renderTalkMarkdown(talk: Talk, notes: Note[], options: TalkMarkdownOptions = {}): string {
  return joinBlocks(
    talkBlocks(
      talk,
      notes.filter((note) => note.talkId === talk.id),
      options,
    ),
  );
}

/** `talklog-kubecon-na-2021.md`, or `talklog-2026-11-26.md` when there is no usable event name. */
export function talkLogFileName(event: string | null, now: Date): string {
  const slug = fileNameSlug(event ?? '');
  if (slug !== '') return `talklog-${slug}.md`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `talklog-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.md`;
}

function talkBlocks(talk: Talk, notes: Note[], options: TalkMarkdownOptions): string[][] {
  const heading = `### ${talkLink(talk)}`;
  const meta = metaLine(talk, options);
  const items = [...notes].sort(compareNotes).flatMap((note) => noteItem(talk, note, options));
  return [meta === '' ? [heading] : [heading, meta], ...(items.length > 0 ? [items] : [])];
}

/** `- [Title](url) · Speaker A · 31:20 · ★★★★☆`: a talk of the queue, one line. */
function queuedItem(talk: Talk, options: TalkMarkdownOptions): string {
  const meta = metaLine(talk, options);
  return `- ${talkLink(talk)}${meta === '' ? '' : ` · ${meta}`}`;
}

function talkLink(talk: Talk): string {
  const title = singleLine(talk.title) || talk.url;
  return `[${escapeInline(title, { linkText: true })}](${escapeLinkDestination(talk.url)})`;
}

/** `Speaker A, Speaker B · 31:20 · ★★★★☆` */
function metaLine(talk: Talk, options: TalkMarkdownOptions): string {
  const parts: string[] = [];
  if (options.includeSpeakers !== false) {
    const speakers = talk.speakers.map((name) => escapeInline(name)).filter((name) => name !== '');
    if (speakers.length > 0) parts.push(speakers.join(', '));
  }
  if (options.includeDuration !== false && talk.durationSec !== null && talk.durationSec > 0) {
    parts.push(formatPlaybackTime(talk.durationSec));
  }
  if (options.includeStars !== false && talk.interest > 0) {
    parts.push(interestStars(talk.interest));
  }
  return guardLineStart(parts.join(' · '));
}

function noteItem(talk: Talk, note: Note, options: TalkMarkdownOptions): string[] {
  const lead =
    options.includeTimestamps !== false && note.atSec !== null
      ? `[${formatPlaybackTime(note.atSec)}](${escapeLinkDestination(videoTimeUrl(talk.videoId, note.atSec))})`
      : null;
  // Under its talk's `###` heading: the note's own headings go below it.
  const words = markdownLines(note.body, { belowHeading: 3 });
  const images = (options.slides?.get(note.id) ?? []).flatMap((slide) => ['', `![Slide at ${formatPlaybackTime(slide.atSec)}](${slide.path})`]);
  // A note of link reference definitions alone has no words to show, but may have its time and slides.
  if (lead === null && words.length === 0 && images.length === 0) return [];
  // Each slide a paragraph of its own, after the words or the time link; without either, the first starts the item.
  return listItemLines(lead, lead === null && words.length === 0 ? images.slice(1) : [...words, ...images]);
}

/**
 * Named categories in the default export order: highest talk interest first, then by name.
 * `Uncategorized` is not among them: it always comes last.
 */
export function defaultCategoryOrder(talks: Talk[]): string[] {
  // Each category as stored first, then its name made one line: a few names to clean, not one a talk.
  const topOfStored = new Map<string | null, number>();
  for (const talk of talks) {
    // Written only when higher: most talks are not their category's top, and a write costs more than a read.
    const top = topOfStored.get(talk.category);
    if (top === undefined || talk.interest > top) topOfStored.set(talk.category, talk.interest);
  }
  const topInterest = new Map<string, number>();
  for (const [stored, interest] of topOfStored) {
    const name = singleLine(stored ?? '') || UNCATEGORIZED;
    if (name !== UNCATEGORIZED) topInterest.set(name, Math.max(topInterest.get(name) ?? 0, interest));
  }
  return [...topInterest.keys()].sort((a, b) => topInterest.get(b)! - topInterest.get(a)! || a.localeCompare(b));
}

function categoryOf(talk: Talk): string {
  return singleLine(talk.category ?? '') || UNCATEGORIZED;
}

/** Categories in export order, each with its talks: the chosen ones, then the default order, `Uncategorized` last. */
function orderedCategories(talks: Talk[], categoryOrder: string[]): [string, Talk[]][] {
  const byCategory = groupBy(talks, categoryOf);
  const chosen = categoryOrder.map(singleLine).filter((name) => name !== UNCATEGORIZED);
  const names = new Set([...chosen, ...defaultCategoryOrder(talks), UNCATEGORIZED]);
  return [...names].flatMap((name): [string, Talk[]][] => {
    const group = byCategory.get(name);
    return group ? [[name, group]] : [];
  });
}

/** Best first, then as saved; talks queued from one playlist (saved in the same instant) in its order. */
function compareTalks(a: Talk, b: Talk): number {
  return b.interest - a.interest || compareTimes(a.createdAt, b.createdAt) || comparePlaylistPlaces(a.playlist, b.playlist) || compareIds(a.id, b.id);
}

/** By playback time (notes without one last), then by when they were written. */
function compareNotes(a: Note, b: Note): number {
  const aAt = a.atSec ?? Infinity;
  const bAt = b.atSec ?? Infinity;
  return (aAt === bAt ? 0 : aAt - bAt) || compareTimes(a.createdAt, b.createdAt) || compareIds(a.id, b.id);
}

/** Times as Talklog writes them (`toISOString()`, UTC) sort as text; any other ISO form is parsed. */
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a.endsWith('Z') && b.endsWith('Z')) return compareIds(a, b);
  return Date.parse(a) - Date.parse(b) || 0;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function joinBlocks(blocks: string[][]): string {
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
