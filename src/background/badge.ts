import type { TalklogDb } from '../db/database';
import { watchQuery } from '../db/live';
import { countNotesForTalk } from '../db/notes';
import { talkIdFor } from '../talk/model';
import { videoIdFromUrl } from '../talk/video-id';

const COUNT_COLOR = '#4f46e5';
const SIGNS = {
  clipped: { text: '✓', color: '#067647' },
  'no-talk': { text: '–', color: '#6b7280' },
  failed: { text: '!', color: '#b42318' },
};
const SIGN_SHOWN_MS = 1500;

/** What the badge needs from the browser. Tests pass their own. */
export interface BadgeBrowser {
  /** The active tab of the last focused window, if any. */
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  /** Calls back when another tab becomes active, a window is focused or the active tab's URL changes. */
  onActiveTabChanged(listener: () => void): void;
  setBadge(tabId: number, text: string, color: string): Promise<void>;
  /** Calls back once after `ms`; a timer, so lost if the worker stops first. */
  after(ms: number, callback: () => void): void;
}

export type BadgeSign = keyof typeof SIGNS;

export interface ToolbarBadge {
  /** Counts again for the active tab (a page changed notes, or a sign outlived the worker). */
  refresh(): Promise<void>;
  /** A short sign on a tab's button after a clip; the note count comes back after it. */
  flash(tabId: number, sign: BadgeSign): Promise<void>;
}

/**
 * Keeps the toolbar badge at the number of notes for the talk in the active tab, live:
 * a note saved in any page shows at once. It counts as soon as the worker starts, so a sign left
 * by a worker that stopped before taking it back goes when the worker wakes again.
 */
export function followActiveTabBadge(db: TalklogDb, tabs: BadgeBrowser): ToolbarBadge {
  let stopWatching: (() => void) | undefined;

  const follow = async () => {
    const tab = await tabs.activeTab();
    stopWatching?.();
    stopWatching = undefined;
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    const videoId = tab.url ? videoIdFromUrl(tab.url) : null;
    if (!videoId) {
      await showCount(tabs, tabId, 0);
      return;
    }
    stopWatching = watchQuery(() => countNotesForTalk(db, talkIdFor(videoId)), {
      next: (count) => void showCount(tabs, tabId, count),
      error: () => void showCount(tabs, tabId, 0),
    });
  };

  tabs.onActiveTabChanged(() => void follow());
  void follow();
  return {
    refresh: follow,
    async flash(tabId, sign) {
      await tabs.setBadge(tabId, SIGNS[sign].text, SIGNS[sign].color);
      tabs.after(SIGN_SHOWN_MS, () => void follow());
    },
  };
}

function showCount(tabs: BadgeBrowser, tabId: number, count: number): Promise<void> {
  return tabs.setBadge(tabId, count > 0 ? String(count) : '', COUNT_COLOR);
}
