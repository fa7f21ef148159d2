/**
 * Whether the tab is leaving a talk seen to the end: the watch page's own player (same checks as
 * reading the talk: the URL's video, no ad, not the miniplayer) at 90 % of its length or more.
 * Read once, as YouTube starts an in-page navigation (the URL and player still on the old video)
 * or as the page goes away; never polled.
 */
import { videoIdFromUrl } from '../talk/video-id';
import { isWatchedAt } from '../talk/watched';
import { watchPageOf } from './page-sources';
import { readMainPlayer } from './read-player';

/** The video id of the talk the page shows at 90 % or more, or null. */
export function videoSeenToTheEnd(doc: Document, href: string): string | null {
  const videoId = videoIdFromUrl(href);
  if (!videoId) return null;
  const player = readMainPlayer(doc, { videoId, watchPage: watchPageOf(doc, videoId) });
  return isWatchedAt(player.currentSec, player.durationSec) ? videoId : null;
}
