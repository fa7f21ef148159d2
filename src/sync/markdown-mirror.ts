/**
 * The one-way markdown mirror: each talk as `markdown/<event>/<title>-<videoId>.md` with YAML
 * front matter, and the talk log as `markdown/talk-log.md`, for a notes vault (Obsidian,
 * Logseq) on the same storage. Nothing in them comes back into the library: Talklog reads one only
 * to see whether it was edited before it rewrites it (mirror-file.ts).
 */

import type { SlideLink } from '../export/slide-files';
import { fileNameSlug } from '../export/file-name';
import { renderTalkMarkdown } from '../export/talk-log';
import type { Note, Talk } from '../talk/model';
import { slideFilePath, type SyncedSlide } from './synced-slides';

export const MARKDOWN_FOLDER = 'markdown/';
export const TALK_LOG_PATH = `${MARKDOWN_FOLDER}talk-log.md`;

export function talkMarkdownPath(talk: Talk): string {
  const event = fileNameSlug(talk.event ?? '') || 'no-event';
  const title = fileNameSlug(talk.title);
  return `${MARKDOWN_FOLDER}${event}/${title ? `${title}-` : ''}${talk.videoId}.md`;
}

/**
 * Each note's slides as a markdown file at `fromPath` links them: relative paths to their files in
 * `talks/slides/`, so the images show in a vault opened on the sync folder.
 */
export function mirrorSlideLinks(fromPath: string, talks: Talk[], slides: (SyncedSlide & { talkId: string })[]): Map<string, SlideLink[]> {
  const up = '../'.repeat(fromPath.split('/').length - 1);
  const videoIds = new Map(talks.map((talk) => [talk.id, talk.videoId]));
  const links = new Map<string, SlideLink[]>();
  for (const slide of slides) {
    const videoId = videoIds.get(slide.talkId);
    if (videoId === undefined) continue;
    links.set(slide.note, [...(links.get(slide.note) ?? []), { slideId: slide.id, atSec: slide.atSec, path: up + slideFilePath(videoId, slide) }]);
  }
  return links;
}

/** The talk's file: front matter a vault can query, then the talk as the talk log shows it (with its slides). */
export function talkMarkdownFile(talk: Talk, notes: Note[], slides?: Map<string, SlideLink[]>): string {
  const front: [string, unknown][] = [
    ['title', talk.title],
    ['speakers', talk.speakers],
    ['channel', talk.channel],
    ['url', talk.url],
    ['event', talk.event],
    ['category', talk.category],
    ['tags', talk.tags],
    ['status', talk.status],
    ['interest', talk.interest],
  ];
  // JSON strings, lists and null are valid YAML flow values, with every character escaped safely.
  const yaml = front.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
  return `---\n${yaml}\n---\n\n${renderTalkMarkdown(talk, notes, { slides })}`;
}
