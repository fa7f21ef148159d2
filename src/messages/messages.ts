/**
 * Every message between Talklog's parts, in one place, named by direction.
 * Extension (pages, background) → content script: ask what talk is here, seek the player,
 * read the caption on screen, show a confirmation (or a failure) in the page, read the playlist
 * shown (whole), capture the frame on screen.
 * Content script → extension pages: the page switched to another video (in-page navigation).
 * Content script → background: the tab is leaving a talk its player showed at 90 % or more.
 * Pages → background: a talk's notes changed (the badge counts them; this also wakes the worker);
 * the page's confirmation went away (the badge's sign goes too, even after the worker stopped);
 * queue the playlist in a tab.
 * Library page ⇄ its import worker: a backup file to import; its progress, and how it ended.
 * Library → background: connect sync to a WebDAV folder, sync now, disconnect (replies: the sync status).
 */
import { isSyncAccount, type SyncAccount, type SyncStatus } from '../sync/sync-status';
import type { TalkHere } from '../talk/model';
import type { PlaylistHere } from '../talk/playlist';
import type { QueueResult } from '../talk/queue';
import { isYouTubeUrl } from '../talk/video-id';

export type ExtensionToContentMessage =
  | { type: 'talklog/what-talk-is-here' }
  | { type: 'talklog/seek'; videoId: string; atSec: number }
  | { type: 'talklog/caption-on-screen'; videoId: string }
  | { type: 'talklog/show-confirmation'; text: string; failed?: boolean }
  | { type: 'talklog/what-playlist-is-here' }
  | { type: 'talklog/read-whole-playlist' }
  | { type: 'talklog/capture-frame'; videoId: string };

/** The player's box in the viewport, in CSS pixels, for cropping a screenshot of the tab. */
export interface PlayerBox {
  x: number;
  y: number;
  width: number;
  height: number;
  viewportWidth: number;
}

/** Why no frame could be read: no player on this talk, an ad, nothing decoded yet, a canvas that refuses. */
export type FrameProblem = 'no-video' | 'ad' | 'not-ready' | 'unreadable';

/** The answer to `talklog/capture-frame`; its guard, isFrameCapture, is in frame-capture.ts (loaded with the capture code). */
export type FrameCapture =
  /** The frame as a data URL (WebP, else JPEG) at the video's own size, and where the video was. */
  | { kind: 'frame'; dataUrl: string; width: number; height: number; atSec: number }
  | { kind: 'no-frame'; reason: FrameProblem; atSec: number | null; box: PlayerBox | null };

export interface ContentReplies {
  'talklog/what-talk-is-here': TalkHere;
  /** false when the tab no longer shows that video. */
  'talklog/seek': boolean;
  /** The caption text shown now, or null when captions are off or empty; false when the tab no longer shows that video. */
  'talklog/caption-on-screen': string | null | false;
  'talklog/show-confirmation': true;
  /** The playlist as rendered now. */
  'talklog/what-playlist-is-here': PlaylistHere;
  /** The playlist after loading every row YouTube would load (ask what-playlist-is-here meanwhile for progress). */
  'talklog/read-whole-playlist': PlaylistHere;
  'talklog/capture-frame': FrameCapture;
}

export type ContentToPageMessage = { type: 'talklog/page-changed'; videoId: string | null };

export function hasType(message: unknown): message is { type: string } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

export function isExtensionToContentMessage(message: unknown): message is ExtensionToContentMessage {
  if (!hasType(message)) return false;
  const fields = message as Record<string, unknown>;
  switch (message.type) {
    case 'talklog/what-talk-is-here':
      return true;
    case 'talklog/seek':
      return typeof fields.videoId === 'string' && typeof fields.atSec === 'number' && Number.isFinite(fields.atSec) && fields.atSec >= 0;
    case 'talklog/show-confirmation':
      return typeof fields.text === 'string' && fields.text.length <= 200 && (fields.failed === undefined || typeof fields.failed === 'boolean');
    case 'talklog/what-playlist-is-here':
    case 'talklog/read-whole-playlist':
      return true;
    case 'talklog/caption-on-screen':
    case 'talklog/capture-frame':
      return typeof fields.videoId === 'string';
    default:
      return false;
  }
}

export type PageToBackgroundMessage = { type: 'talklog/notes-changed' } | { type: 'talklog/confirmation-gone' };

/**
 * Pages → background, answered: queue the playlist a tab shows. The background does it because it
 * outlives the popup, which closes whenever focus leaves it, while a long playlist loads.
 */
export type PageToBackgroundRequest = { type: 'talklog/queue-playlist'; tabId: number; playlistId: string; event: string | null };

export interface BackgroundReplies {
  'talklog/queue-playlist': QueueResult;
}

export function isPageToBackgroundRequest(message: unknown): message is PageToBackgroundRequest {
  if (!hasType(message) || message.type !== 'talklog/queue-playlist') return false;
  const { tabId, playlistId, event } = message as Record<string, unknown>;
  return Number.isInteger(tabId) && typeof playlistId === 'string' && (event === null || (typeof event === 'string' && event.length <= 500));
}

export function isPageToBackgroundMessage(message: unknown): message is PageToBackgroundMessage {
  return hasType(message) && (message.type === 'talklog/notes-changed' || message.type === 'talklog/confirmation-gone');
}

export type SyncRequest = { type: 'talklog/sync-connect'; account: SyncAccount } | { type: 'talklog/sync-now' } | { type: 'talklog/sync-disconnect' };

/**
 * Every sync request is answered with the sync status after it; Connect's with `unsaved` when the account was not
 * saved (refused at its check), since a failure after it was saved is its first sync's.
 */
export type SyncReply = SyncStatus & { unsaved?: true };

export function isSyncRequest(message: unknown): message is SyncRequest {
  if (!hasType(message)) return false;
  switch (message.type) {
    case 'talklog/sync-now':
    case 'talklog/sync-disconnect':
      return true;
    case 'talklog/sync-connect':
      return isSyncAccount((message as { account?: unknown }).account);
    default:
      return false;
  }
}

export function isContentToPageMessage(message: unknown): message is ContentToPageMessage {
  return hasType(message) && message.type === 'talklog/page-changed';
}

/**
 * What a YouTube tab showed is believed only from this extension's content script there: a page
 * of the extension (the popup, the library) has no player to have seen.
 */
export function isFromOurContentScript(sender: { id?: string; url?: string }, extensionId: string): boolean {
  return isFromThisExtension(sender, extensionId) && sender.url !== undefined && isYouTubeUrl(sender.url);
}

/**
 * Requests that act on the user's behalf (queue a tab's playlist, connect or run sync) come from the
 * extension's own pages only (`pagesOrigin`: `runtime.getURL('')`), never from a content script,
 * which shares a process with the page it runs in.
 */
export function isFromOurPages(sender: { id?: string; url?: string }, extensionId: string, pagesOrigin: string): boolean {
  return isFromThisExtension(sender, extensionId) && pagesOrigin !== '' && sender.url !== undefined && sender.url.startsWith(pagesOrigin);
}

/** The sender check every receiver makes: only this extension's own pages and scripts. */
export function isFromThisExtension(sender: { id?: string }, extensionId: string): boolean {
  // An empty id (no runtime to ask) must not let in a sender that has none either.
  return extensionId !== '' && sender.id === extensionId;
}
