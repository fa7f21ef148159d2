import browser from 'webextension-polyfill';
import type { TalkHere } from '../talk/model';
import { sendToContent } from './send';

const YOUTUBE_PAGE = /^https:\/\/www\.youtube\.com\//;

/**
 * What talk the tab shows. A YouTube tab opened before Talklog was installed or updated has no
 * live content script: inject it then, rather than claim the tab holds no talk. `asked`: the same
 * question, put to the tab already (early-asks.ts).
 */
export async function askWhatTalkIsHere(tabId: number, asked?: Promise<TalkHere>): Promise<TalkHere> {
  try {
    return await (asked ?? sendToContent(tabId, { type: 'talklog/what-talk-is-here' }));
  } catch {
    return injectThenAsk(tabId);
  }
}

async function injectThenAsk(tabId: number): Promise<TalkHere> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  // Without a host permission for a tab the browser hides its URL: then it is not YouTube.
  if (!tab?.url || !YOUTUBE_PAGE.test(tab.url)) return { kind: 'no-talk', reason: 'not-youtube', videoId: null };
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  await browser.scripting.executeScript({ target: { tabId }, files });
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
