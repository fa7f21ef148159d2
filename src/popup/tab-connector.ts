import browser from 'webextension-polyfill';
import { isContentToPageMessage, isFromThisExtension } from '../messages/messages';
import { askWhatTalkIsHere } from '../messages/ask-tab';
import { browserCaptureTab } from '../messages/capture-tab';
import { sendToContent, sendToExtension } from '../messages/send';
import type { SlideCapture } from '../slides/capture-slide';
import type { TalkHere } from '../talk/model';
import { openSidePanel } from '../ui/open-side-panel';
import { browserConferenceConnector, type ConferenceConnector } from './conference-connector';

/** What the note-taking page needs from the tab it works on. Tests pass their own. */
export interface TabConnector {
  whatTalkIsHere(): Promise<TalkHere>;
  /** Seeks the tab's player; false when the tab no longer shows that video. */
  seek(videoId: string, atSec: number): Promise<boolean>;
  /** The caption on screen in the tab now; null when captions are off, false when the tab no longer shows that video. */
  captionOnScreen(videoId: string): Promise<string | null | false>;
  /** The frame the tab's player shows now, for the note being written (capture-slide.ts). */
  captureSlide(talkId: string, videoId: string): Promise<SlideCapture>;
  /** Calls back when the tab switches to another video in the page; returns the unsubscribe. */
  onPageChanged(listener: () => void): () => void;
  /** Tells the background that this talk's notes changed (for the toolbar badge). */
  notesChanged(): void;
  openUrl(url: string): void;
  openLibrary(): void;
  /** Opens the side panel (Firefox: the sidebar) on this tab; call it straight from the click. */
  openSidePanel(): Promise<void>;
  /** The tab's playlist, for the conference panel (queue it, play next); tests of the note-taking leave it out. */
  conference?: ConferenceConnector;
}

/** Loaded only for a tab without a live content script: most popups never need it. */
const injectThenAsk = async (tabId: number) => (await import('../messages/inject-then-ask')).injectThenAsk(tabId);

interface FirstAsked {
  /** The content script's answer to a question put as the page started (early-asks.ts): the first caller's. */
  firstAnswer?: Promise<TalkHere>;
}

/** The tab through the extension's APIs; what was asked of it as the page started (`first`) answers first. */
export function browserTabConnector(tabId: number | null, first: FirstAsked = {}): TabConnector {
  const ask = async (): Promise<TalkHere> => {
    if (tabId === null) return { kind: 'no-talk', reason: 'not-youtube', videoId: null };
    return askWhatTalkIsHere(tabId, injectThenAsk);
  };
  let early = tabId !== null && first.firstAnswer ? askWhatTalkIsHere(tabId, injectThenAsk, first.firstAnswer) : null;
  early?.catch(() => undefined); // handled by whoever takes it
  return {
    whatTalkIsHere() {
      const answer = early ?? ask();
      early = null;
      return answer;
    },
    async seek(videoId, atSec) {
      if (tabId === null) return false;
      try {
        return await sendToContent(tabId, { type: 'talklog/seek', videoId, atSec });
      } catch {
        return false;
      }
    },
    async captionOnScreen(videoId) {
      if (tabId === null) return null;
      return sendToContent(tabId, { type: 'talklog/caption-on-screen', videoId }).catch(() => null);
    },
    async captureSlide(talkId, videoId) {
      // Loaded when used: the popup opens without the capture code.
      const { captureSlide } = await import('../slides/capture-slide');
      // No tab: asking it fails, and the capture says there is no player.
      return captureSlide(browserCaptureTab(tabId ?? browser.tabs.TAB_ID_NONE, videoId), talkId);
    },
    onPageChanged(listener) {
      const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
        if (!isFromThisExtension(sender, browser.runtime.id) || !isContentToPageMessage(message)) return undefined;
        if (sender.tab?.id === tabId) listener();
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
    notesChanged() {
      void sendToExtension({ type: 'talklog/notes-changed' });
    },
    openUrl(url) {
      void browser.tabs.create({ url });
    },
    openLibrary() {
      void browser.runtime.openOptionsPage();
    },
    openSidePanel() {
      return tabId === null ? Promise.resolve() : openSidePanel({ tabId });
    },
    conference: tabId === null ? undefined : browserConferenceConnector(tabId),
  };
}
