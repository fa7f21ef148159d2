/**
 * The watch page's own player: where it is and how long the video is.
 *
 * A desktop page can hold several `<video>`s: the watch page's player (`#movie_player`), a
 * hover-preview player on home/search/channel grids (`#inline-preview-player`, its video also has
 * class `html5-main-video`), and the miniplayer. The miniplayer is not a second player: when
 * it opens, YouTube moves `#movie_player` into `ytd-miniplayer` and navigates the tab back to
 * the page the user browsed to, so the URL is home, search or a channel, not `/watch`, while the
 * hidden `ytd-watch-flexy` keeps the old video-id. A video inside the miniplayer is therefore
 * never read as the watch page's player; read-miniplayer.ts reads the talk playing there.
 */

import { asText } from './json';
import { linkVideoId, type PageSources } from './page-sources';
import { selectors } from './selectors';

/** No upload or archived stream is longer than 12 h; beyond a day the number is a live stream's. */
export const LONGEST_VIDEO_SEC = 24 * 60 * 60;

export interface MainPlayerReading {
  /** Whole seconds, when the player holds this video's media. */
  durationSec: number | null;
  currentSec: number | null;
  /** The player reports an endless or absurd duration: a live stream. */
  live: boolean;
}

const NOTHING: MainPlayerReading = { durationSec: null, currentSec: null, live: false };

/** The watch page player's `<video>`: not the hover preview's, not one inside the miniplayer. */
export function findPlayingVideo(doc: Document): HTMLVideoElement | null {
  for (const video of doc.querySelectorAll<HTMLVideoElement>(selectors.mainVideo)) {
    if (!video.closest(selectors.miniplayer)) return video;
  }
  return null;
}

/** The video the player's own title link names, with its text; null when the link is absent. */
export function readPlayerTitleLink(doc: Document): { videoId: string | null; title: string | null } | null {
  const link = doc.querySelector(selectors.playerTitleLink);
  const href = link?.getAttribute('href');
  if (!link || !href) return null;
  return { videoId: linkVideoId(href), title: asText(link.textContent) };
}

/** A media property as a number; guards against elements (or test DOMs) that lack it. */
export function mediaNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/**
 * Duration and position from the main player, only when the rendered page shows this video, the
 * player has not got another video loaded (its title link), and no ad is playing in it.
 */
export function readMainPlayer(doc: Document, sources: Pick<PageSources, 'videoId' | 'watchPage'>): MainPlayerReading {
  if (!sources.watchPage || doc.querySelector(selectors.adShowing)) return NOTHING;
  const titleLink = readPlayerTitleLink(doc);
  if (titleLink?.videoId && titleLink.videoId !== sources.videoId) return NOTHING;
  const video = findPlayingVideo(doc);
  if (!video) return NOTHING;
  const duration = mediaNumber(video.duration);
  if (duration === Number.POSITIVE_INFINITY || duration > LONGEST_VIDEO_SEC) return { ...NOTHING, live: true };
  if (!Number.isFinite(duration) || duration <= 0) return NOTHING;
  const current = mediaNumber(video.currentTime);
  return {
    durationSec: Math.round(duration),
    currentSec: Number.isFinite(current) ? Math.min(Math.max(current, 0), duration) : null,
    live: false,
  };
}
