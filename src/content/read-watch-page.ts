/**
 * What talk a YouTube tab holds: pure, given the document and its URL, so it runs the same on a
 * live page, a saved one and a test DOM. The video is the one in the URL, and nothing else
 * decides it; every other fact is taken only from a source shown to describe that video.
 */

import { isYouTubeUrl, videoIdFromUrl } from '../talk/video-id';
import type { TalkHere } from '../talk/model';
import { findSources } from './page-sources';
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
}

export function readWatchPage(doc: Document, href: string, extra: WatchPageExtras = {}): TalkHere {
  if (!isYouTubeUrl(href)) return noTalk('not-youtube', null);
  const videoId = videoIdFromUrl(href);
  if (!videoId) return readMiniplayer(doc) ?? noTalk('not-a-watch-page', null);

  const sources = findSources(doc, videoId, extra.playerResponse);
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
