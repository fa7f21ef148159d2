import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { askWhatTalkIsHere } from '../messages/ask-tab';
import { injectThenAsk } from '../messages/inject-then-ask';
import { sendToContent } from '../messages/send';
import { loadSettings } from '../settings/settings-storage';
import type { BadgeBrowser, ToolbarBadge } from './badge';
import { clipText } from '../talk/bounded-text';
import { IN_PAGE_MAX_CHARS, type ClipEnvironment, type UnfinishedClip, type UnfinishedSlideCapture } from './clip-command';
import { isPageToBackgroundRequest, type PageToBackgroundRequest } from '../messages/messages';
import type { QueueEnvironment, QueueJournal } from './queue-playlist';

/** The badge's view of the browser: the active tab and the toolbar button. */
export function browserBadge(): BadgeBrowser {
  return {
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab;
    },
    onActiveTabChanged(listener) {
      browser.tabs.onActivated.addListener(listener);
      browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
        if (tab.active && change.url) listener();
      });
      browser.windows.onFocusChanged.addListener(listener);
    },
    async setBadge(tabId, text, color) {
      await browser.action.setBadgeBackgroundColor({ tabId, color }).catch(() => undefined);
      await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
    },
    after(ms, callback) {
      setTimeout(callback, ms);
    },
  };
}

/** Session storage outlives the worker but not the browser: a clip or capture is never resumed days later. */
function sessionJournal<T>(key: string): { write(entry: T | null): Promise<void>; read(): Promise<T | null> } {
  return {
    async write(entry) {
      if (entry) await browser.storage.session.set({ [key]: entry });
      else await browser.storage.session.remove(key);
    },
    async read() {
      const stored = await browser.storage.session.get(key);
      return (stored[key] as T | undefined) ?? null;
    },
  };
}

export function browserClipEnvironment(db: TalklogDb, badge: ToolbarBadge): ClipEnvironment {
  return {
    db,
    badge,
    journal: sessionJournal<UnfinishedClip>('unfinishedClip'),
    slideJournal: sessionJournal<UnfinishedSlideCapture>('unfinishedSlideCapture'),
    whatTalkIsHere: (tabId) => askWhatTalkIsHere(tabId, injectThenAsk),
    async showInPage(tabId, { text, failed }) {
      await sendToContent(tabId, { type: 'talklog/show-confirmation', text: clipText(text, IN_PAGE_MAX_CHARS), failed });
    },
    settingsEvent: async () => (await loadSettings()).defaultEvent,
  };
}

const QUEUE_JOURNAL_PREFIX = 'unfinishedQueue ';

const queueJournalKey = (request: PageToBackgroundRequest) => `${QUEUE_JOURNAL_PREFIX}${request.tabId} ${request.playlistId}`;

/** One key a playlist being queued, in session storage as the clip's journal: two popups may queue two playlists at once. */
function sessionQueueJournal(): QueueJournal {
  return {
    async add(request) {
      await browser.storage.session.set({ [queueJournalKey(request)]: request });
    },
    async remove(request) {
      await browser.storage.session.remove(queueJournalKey(request));
    },
    async all() {
      const stored = await browser.storage.session.get(null);
      return Object.entries(stored).flatMap(([key, value]) => (key.startsWith(QUEUE_JOURNAL_PREFIX) && isPageToBackgroundRequest(value) ? [value] : []));
    },
  };
}

export function browserQueueEnvironment(db: TalklogDb): QueueEnvironment {
  return {
    db,
    journal: sessionQueueJournal(),
    readWholePlaylist: (tabId) => sendToContent(tabId, { type: 'talklog/read-whole-playlist' }),
  };
}
