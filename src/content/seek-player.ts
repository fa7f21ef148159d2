/**
 * Moving the tab's player to a note's moment. While an ad plays, the player's `<video>` holds the ad: setting its
 * time moved the ad, and the talk stayed where it was. The seek then waits for the ad to end (YouTube takes the
 * `ad-showing` class off the player), and a newer seek replaces one waiting.
 */
import { findMiniplayerVideo } from './read-miniplayer';
import { findPlayingVideo } from './read-player';
import { selectors } from './selectors';

/** Longer than the ads before and inside a talk run; past it, a seek still waiting is dropped. */
const AD_WAIT_MS = 5 * 60_000;

let waiting: (() => void) | null = null;

/** Seeks the video playing in the page (the watch page's, or the miniplayer's); false when there is none. */
export function seekPlayer(doc: Document, atSec: number): boolean {
  waiting?.();
  const video = playingVideo(doc);
  if (!video) return false;
  const player = doc.querySelector(selectors.adShowing);
  if (!player) {
    video.currentTime = atSec;
    return true;
  }
  const observer = new MutationObserver(() => {
    if (player.matches(selectors.adShowing)) return;
    stop();
    // Found again: the player may hold another element once the ad is over.
    const talk = playingVideo(doc);
    if (talk) talk.currentTime = atSec;
  });
  const timer = setTimeout(() => stop(), AD_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    waiting = null;
  };
  observer.observe(player, { attributes: true, attributeFilter: ['class'] });
  waiting = stop;
  return true;
}

function playingVideo(doc: Document): HTMLVideoElement | null {
  return findPlayingVideo(doc) ?? findMiniplayerVideo(doc);
}
