/**
 * Every message between Talklog's parts, in one place, named by direction.
 * Pages → content script: ask what talk is here, seek the player.
 * Content script → pages: the page switched to another video (in-page navigation).
 */
import type { TalkHere } from '../talk/model';

export type PageToContentMessage =
  | { type: 'talklog/what-talk-is-here' }
  | { type: 'talklog/seek'; videoId: string; atSec: number };

export interface ContentReplies {
  'talklog/what-talk-is-here': TalkHere;
  /** false when the tab no longer shows that video. */
  'talklog/seek': boolean;
}

export type ContentToPageMessage = { type: 'talklog/page-changed'; videoId: string | null };

const PAGE_TO_CONTENT_TYPES = new Set<string>(['talklog/what-talk-is-here', 'talklog/seek']);

function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

export function isPageToContentMessage(message: unknown): message is PageToContentMessage {
  if (!hasType(message) || !PAGE_TO_CONTENT_TYPES.has(message.type)) return false;
  if (message.type === 'talklog/seek') {
    const { videoId, atSec } = message as { videoId?: unknown; atSec?: unknown };
    return typeof videoId === 'string' && typeof atSec === 'number' && Number.isFinite(atSec) && atSec >= 0;
  }
  return true;
}

export function isContentToPageMessage(message: unknown): message is ContentToPageMessage {
  return hasType(message) && message.type === 'talklog/page-changed';
}

/** The sender check every receiver makes: only this extension's own pages and scripts. */
export function isFromThisExtension(sender: { id?: string }, extensionId: string): boolean {
  return sender.id === extensionId;
}
