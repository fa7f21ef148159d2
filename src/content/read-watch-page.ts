/**
 * What talk a YouTube tab holds: pure, given the document and its URL, so it runs the same on a
 * live page, a saved one and a test DOM. The video is the one in the URL, and nothing else
 * decides it; every other fact is taken only from a source shown to describe that video.
 */

import { isYouTubeUrl, videoIdFromUrl } from '../talk/video-id';
import type { TalkHere } from '../talk/model';
import { findSources, renderedTitleText } from './page-sources';
import { chaptersFromInitialData, chaptersFromRenderedPage } from './read-chapters';
import { readChannel, readListedDuration, readPlayability, readTitle } from './read-metadata';
import { readMiniplayer } from './read-miniplayer';
import { readMainPlayer } from './read-player';
import { noTalk, talkHere } from './talk-here';

export interface WatchPageExtras {
  /**
   * A player response from outside the isolated world (the `yt-navigate-finish` event detail,
   * or a MAIN-world `movie_player.getPlayerResponse()`); used only when its
   * `videoDetails.videoId` is the URL's video.
   */
  playerResponse?: unknown;
  /** The title the watch page showed for each earlier video in this tab (title → video id), see `rememberTitleShown`. */
  titlesShown?: ReadonlyMap<string, string>;
}

export function readWatchPage(doc: Document, href: string, extra: WatchPageExtras = {}): TalkHere {
  if (!isYouTubeUrl(href)) return noTalk('not-youtube', null);
  const videoId = videoIdFromUrl(href);
  if (!videoId) return readMiniplayer(doc) ?? noTalk('not-a-watch-page', null);

  const sources = findSources(doc, videoId, extra.playerResponse, extra.titlesShown);
  const player = readMainPlayer(doc, sources);
  const playability = readPlayability(sources);
  // A stale inline "content check" or "sign in" status does not stop a video the player is playing.
  if (playability === 'unavailable' && player.durationSec === null) return noTalk('unavailable', videoId);
  if (playability === 'live' || player.live) return noTalk('live', videoId);

  const fullTitle = readTitle(doc, sources);
  if (!fullTitle) return noTalk('loading', videoId);
  const chaptersFromData = chaptersFromInitialData(sources.initialData);
  return talkHere(videoId, fullTitle, {
    channel: readChannel(sources),
    durationSec: player.durationSec ?? readListedDuration(sources),
    currentSec: player.currentSec,
    chapters: chaptersFromData.length > 0 || !sources.renderedMetadata ? chaptersFromData : chaptersFromRenderedPage(sources.renderedMetadata, videoId),
  });
}

/**
 * As YouTube starts leaving a video (the URL still on it), keeps the title its watch page shows,
 * once shown to be its own. A moment later the page has the next video's id with this title block
 * still on show: the `<head>` and inline JSON name only the first-loaded video's title, so from
 * the second navigation on only this memory names the previous video's.
 */
export function rememberTitleShown(doc: Document, href: string, titlesShown: Map<string, string>): void {
  const videoId = videoIdFromUrl(href);
  if (!videoId) return;
  const shown = findSources(doc, videoId, undefined, titlesShown).renderedMetadata;
  const title = shown ? renderedTitleText(shown) : null;
  if (title) titlesShown.set(title, videoId);
}
