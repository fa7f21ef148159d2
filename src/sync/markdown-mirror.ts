/**
 * The write-only markdown mirror: each talk as `markdown/<event>/<title>-<videoId>.md` with YAML
 * front matter, and the whole talk log as `markdown/talk-log.md`, for a notes vault (Obsidian,
 * Logseq) on the same storage. Talklog never reads these back.
 */

import { fileNameSlug, renderTalkMarkdown } from '../export/talk-log';
import type { Note, Talk } from '../talk/model';

export const MARKDOWN_FOLDER = 'markdown/';
export const TALK_LOG_PATH = `${MARKDOWN_FOLDER}talk-log.md`;

export function talkMarkdownPath(talk: Talk): string {
  const event = fileNameSlug(talk.event ?? '') || 'no-event';
  const title = fileNameSlug(talk.title);
  return `${MARKDOWN_FOLDER}${event}/${title ? `${title}-` : ''}${talk.videoId}.md`;
}

/** The talk's file: front matter a vault can query, then the talk as the talk log shows it. */
export function talkMarkdownFile(talk: Talk, notes: Note[]): string {
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
  return `---\n${yaml}\n---\n\n${renderTalkMarkdown(talk, notes)}`;
}
