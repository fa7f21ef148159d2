/**
 * The talk playing in the miniplayer. Opening it sends the tab back to the page browsed to (home,
 * search, a channel), so the tab's URL names no video; the player's own title link still does,
 * as a URL, and the note belongs to the video playing there.
 */
import type { TalkHere } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';
import { elementText } from './page-sources';
import { LONGEST_VIDEO_SEC, mediaNumber } from './read-player';
import { selectors } from './selectors';
import { noTalk, talkHere } from './talk-here';

export function findMiniplayerVideo(doc: Document): HTMLVideoElement | null {
  return doc.querySelector(selectors.activeMiniplayer)?.querySelector<HTMLVideoElement>(selectors.mainVideo) ?? null;
}

export function readMiniplayer(doc: Document): TalkHere | null {
  const miniplayer = doc.querySelector(selectors.activeMiniplayer);
  const link = miniplayer?.querySelector(selectors.playerTitleLink);
  const videoId = videoIdFromUrl(link?.getAttribute('href') ?? '');
  if (!miniplayer || !videoId) return null;
  const fullTitle = elementText(miniplayer.querySelector(selectors.miniplayerTitle)) ?? elementText(link);
  if (!fullTitle) return noTalk('loading', videoId);
  // An ad playing in it has its own length and time: the talk's are unknown until it ends, as on the watch page.
  const video = doc.querySelector(selectors.adShowing) ? null : findMiniplayerVideo(doc);
  const duration = mediaNumber(video?.duration);
  const current = mediaNumber(video?.currentTime);
  if (duration === Number.POSITIVE_INFINITY || duration > LONGEST_VIDEO_SEC) return noTalk('live', videoId);
  const playing = Number.isFinite(duration) && duration > 0;
  return talkHere(videoId, fullTitle, {
    channel: elementText(miniplayer.querySelector(selectors.miniplayerOwner)),
    durationSec: playing ? Math.round(duration) : null,
    currentSec: playing && Number.isFinite(current) ? Math.min(Math.max(current, 0), duration) : null,
    chapters: [],
  });
}
