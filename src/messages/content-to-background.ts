/**
 * Messages from the content script to the background: apart from messages.ts so that the note pages, which never
 * receive them, do not load their guard.
 */
import { isVideoId } from '../talk/video-id';
import { hasType } from './messages';

/**
 * `seen-to-the-end`: the tab is leaving this talk (navigating or closing) with its player at 90 % or more: the talk
 * is watched. `at-the-end`: the tab's player has just come to 90 % or more of this talk, or (null) is no longer
 * there; the tab closed then makes it watched, since Firefox drops the message a closing page sends.
 */
export type ContentToBackgroundMessage = { type: 'talklog/seen-to-the-end'; videoId: string } | { type: 'talklog/at-the-end'; videoId: string | null };

export function isContentToBackgroundMessage(message: unknown): message is ContentToBackgroundMessage {
  if (!hasType(message)) return false;
  const { videoId } = message as { videoId?: unknown };
  if (message.type === 'talklog/seen-to-the-end') return isVideoId(videoId);
  return message.type === 'talklog/at-the-end' && (videoId === null || isVideoId(videoId));
}
