import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { watchQuery } from '../db/live';
import { countNotesForTalk } from '../db/notes';
import { talkIdFor } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';

const COUNT_COLOR = '#4f46e5';
const SIGNS = { clipped: { text: '✓', color: '#067647' }, 'no-talk': { text: '–', color: '#6b7280' } };
const SIGN_SHOWN_MS = 1500;

export interface ToolbarBadge {
  /** Counts again for the active tab (a page changed notes while the worker slept). */
  refresh(): Promise<void>;
  /** A short sign on a tab's button after a clip; the note count comes back after it. */
  flash(tabId: number, sign: keyof typeof SIGNS): Promise<void>;
}

/**
 * Keeps the toolbar badge at the number of notes for the talk in the active tab, live:
 * a note saved in any page shows at once.
 */
export function followActiveTabBadge(db: TalklogDb): ToolbarBadge {
  let stopWatching: (() => void) | undefined;

  const follow = async () => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    stopWatching?.();
    stopWatching = undefined;
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    const videoId = tab.url ? videoIdFromUrl(tab.url) : null;
    if (!videoId) {
      await showCount(tabId, 0);
      return;
    }
    stopWatching = watchQuery(() => countNotesForTalk(db, talkIdFor(videoId)), {
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
  return {
    refresh: follow,
    async flash(tabId, sign) {
      await show(tabId, SIGNS[sign].text, SIGNS[sign].color);
      setTimeout(() => void follow(), SIGN_SHOWN_MS);
    },
  };
}

function showCount(tabId: number, count: number): Promise<void> {
  return show(tabId, count > 0 ? String(count) : '', COUNT_COLOR);
}

async function show(tabId: number, text: string, color: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}
