import { liveQuery, type Subscription } from 'dexie';
import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { countNotesForTalk } from '../db/notes';
import { talkIdFor } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';

/**
 * Keeps the toolbar badge at the number of notes for the talk in the active tab, live:
 * a note saved in any page shows at once.
 */
export function followActiveTabBadge(db: TalklogDb): () => Promise<void> {
  let watching: Subscription | undefined;

  const follow = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    watching?.unsubscribe();
    watching = undefined;
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    const videoId = tab.url ? videoIdFromUrl(tab.url) : null;
    if (!videoId) {
      await showCount(tabId, 0);
      return;
    }
    watching = liveQuery(() => countNotesForTalk(db, talkIdFor(videoId))).subscribe({
      next: (count) => void showCount(tabId, count),
      error: () => void showCount(tabId, 0),
    });
  };

  browser.tabs.onActivated.addListener(() => void follow());
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (tab.active && change.url) void follow();
  });
  browser.windows.onFocusChanged.addListener(() => void follow());
  void follow();
  return follow;
}

async function showCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4f46e5' }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => undefined);
}
