/**
 * The content script injected into a YouTube tab that has none live (opened before Talklog was
 * installed or updated), then asked what talk the tab shows. Apart from ask-tab.ts: the popup
 * loads it only when the tab needs it (its size budget); the background imports it.
 */

import browser from 'webextension-polyfill';
import type { TalkHere } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';
import { sendToContent } from './send';

const YOUTUBE_PAGE = /^https:\/\/www\.youtube\.com\//;

export async function injectThenAsk(tabId: number): Promise<TalkHere> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  // Without a host permission for a tab the browser hides its URL: then it is not YouTube.
  if (!tab?.url || !YOUTUBE_PAGE.test(tab.url)) return { kind: 'no-talk', reason: 'not-youtube', videoId: null };
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  // A page that did not load (offline: the browser's error page in the tab) takes no script; its URL still names the video.
  if (!(await browser.scripting.executeScript({ target: { tabId }, files }).catch(() => null))) {
    return { kind: 'no-talk', reason: 'unavailable', videoId: videoIdFromUrl(tab.url) };
  }
  // The injected loader imports the script's module asynchronously: give it a moment to listen.
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendToContent(tabId, { type: 'talklog/what-talk-is-here' });
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
