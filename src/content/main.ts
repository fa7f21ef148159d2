/**
 * The content script on www.youtube.com. It does nothing until asked: it answers the extension's
 * own questions about the talk on the page, tells the extension's pages when YouTube switches to
 * another video without reloading, and tells the background when the tab leaves a talk seen to
 * its end (and when its player comes to the end or leaves it).
 */
import browser from 'webextension-polyfill';
import { isExtensionToContentMessage, isFromThisExtension, type ContentReplies, type ExtensionToContentMessage } from '../messages/messages';
import { sendToExtension } from '../messages/send';
import type { TalkHere } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';
import { isWatchedAt } from '../talk/watched';
import { captureFrame } from './capture-frame';
import { showPageConfirmation } from './page-confirmation';
import { readCaptionOnScreen } from './read-captions';
import { loadWholePlaylist } from './load-whole-playlist';
import { readPlaylist } from './read-playlist';
import { readWatchPage, rememberTitleShown } from './read-watch-page';
import { seekPlayer } from './seek-player';
import { videoSeenToTheEnd } from './seen-to-the-end';

/** How long a question waits for YouTube to finish switching the page to the URL's video. */
const PAGE_SWITCH_WAIT_MS = 3000;

// A page can hold several copies of this script in its isolated world: one left from before an update
// (cut off from the extension) beside the one injected after it, or the manifest's beside one injected
// as the page loaded. The newest alone acts, so nothing is told or shown twice.
const NEWEST_SCRIPT = Symbol.for('talklog.content-script');
const thisScript = {};
(globalThis as Record<symbol, unknown>)[NEWEST_SCRIPT] = thisScript;
const isNewestScript = () => (globalThis as Record<symbol, unknown>)[NEWEST_SCRIPT] === thisScript;

let playerResponseFromNavigation: unknown;
/** The title the watch page showed for each earlier video in this tab (title → video id). */
const titlesShown = new Map<string, string>();

// YouTube's own events are DOM events, so they reach this isolated world; their detail does in
// Chromium, and is only a hint (it is checked against the URL's video id before use).
document.addEventListener('yt-navigate-finish', (event) => {
  if (!isNewestScript()) return;
  const detail = (event as CustomEvent<{ response?: { playerResponse?: unknown } } | undefined>).detail;
  playerResponseFromNavigation = detail?.response?.playerResponse;
  announcePageChange();
});
window.addEventListener('popstate', () => isNewestScript() && announcePageChange());

// Leaving a talk seen to the end makes it watched: read once as YouTube starts switching the page
// (the URL and the player still on the old video) and as the page goes away, never polled.
function reportIfSeenToTheEnd(): void {
  if (!isNewestScript()) return;
  const videoId = videoSeenToTheEnd(document, location.href);
  if (videoId) void sendToExtension({ type: 'talklog/seen-to-the-end', videoId });
}
document.addEventListener('yt-navigate-start', reportIfSeenToTheEnd);
document.addEventListener('yt-navigate-start', () => isNewestScript() && rememberTitleShown(document, location.href, titlesShown));
window.addEventListener('pagehide', reportIfSeenToTheEnd);

// Firefox drops the pagehide message of a tab being closed: the background is also told as the player
// comes to 90 % (or leaves it), and a tab closed there makes the talk watched.
let toldAtTheEnd: string | null = null;
function tellIfAtTheEndChanged(event: Event): void {
  const video = event.target;
  if (!(video instanceof HTMLVideoElement) || !isNewestScript()) return;
  // Most of the time is spent well before the end: nothing is read then.
  if (toldAtTheEnd === null && !isWatchedAt(video.currentTime, video.duration)) return;
  const videoId = videoSeenToTheEnd(document, location.href);
  if (videoId === toldAtTheEnd) return;
  toldAtTheEnd = videoId;
  void sendToExtension({ type: 'talklog/at-the-end', videoId });
}
// Media events do not bubble: heard on the way down, for whichever video element YouTube plays in.
document.addEventListener('timeupdate', tellIfAtTheEndChanged, { capture: true });

/** Navigations in a burst are told once, as where the page ended up (a page can fake thousands a second). */
const ANNOUNCE_EVERY_MS = 50;
let announcing = false;

function announcePageChange(): void {
  if (announcing) return;
  announcing = true;
  setTimeout(() => {
    announcing = false;
    void sendToExtension({ type: 'talklog/page-changed', videoId: videoIdFromUrl(location.href) });
  }, ANNOUNCE_EVERY_MS);
}

function readNow(): TalkHere {
  return readWatchPage(document, location.href, { playerResponse: playerResponseFromNavigation, titlesShown });
}

/** Reads the page; while YouTube is still switching it to the URL's video, waits (briefly) for it. */
function whatTalkIsHere(): Promise<TalkHere> {
  const first = readNow();
  if (first.kind === 'talk' || first.reason !== 'loading') return Promise.resolve(first);
  return new Promise((resolve) => {
    const finish = (answer: TalkHere) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(answer);
    };
    const observer = new MutationObserver(() => {
      const answer = readNow();
      if (answer.kind === 'talk' || answer.reason !== 'loading') finish(answer);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // YouTube has had its time: a watch page still without its video's title holds no playable
    // video (removed, private, an error page), and saying "still loading" for ever would be untrue.
    const timer = setTimeout(() => {
      const answer = readNow();
      finish(answer.kind === 'no-talk' && answer.reason === 'loading' ? { ...answer, reason: 'unavailable' } : answer);
    }, PAGE_SWITCH_WAIT_MS);
  });
}

/** The page really shows that video, never the previous one in mid-switch. */
function showsVideo(videoId: string): boolean {
  const here = readNow();
  return here.kind === 'talk' && here.talk.videoId === videoId;
}

function answer(message: ExtensionToContentMessage): Promise<ContentReplies[ExtensionToContentMessage['type']]> {
  switch (message.type) {
    case 'talklog/what-talk-is-here':
      return whatTalkIsHere();
    case 'talklog/seek':
      return Promise.resolve(showsVideo(message.videoId) && seekPlayer(document, message.atSec));
    case 'talklog/caption-on-screen':
      return Promise.resolve(readCaptionOnScreen(document, showsVideo(message.videoId)));
    case 'talklog/show-confirmation':
      showPageConfirmation(document, message, () => void sendToExtension({ type: 'talklog/confirmation-gone' }));
      return Promise.resolve(true);
    case 'talklog/what-playlist-is-here':
      return Promise.resolve(readPlaylist(document, location.href));
    case 'talklog/read-whole-playlist':
      return loadWholePlaylist(document, () => location.href);
    case 'talklog/capture-frame':
      return captureFrame(document, showsVideo(message.videoId));
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isNewestScript() || !isFromThisExtension(sender, browser.runtime.id) || !isExtensionToContentMessage(message)) return undefined;
  return answer(message);
});
