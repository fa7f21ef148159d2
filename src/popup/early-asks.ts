import type Browser from 'webextension-polyfill';
import { openEarly, readTalkEarly } from '../db/early-connection';
import type { TalkWithNotes } from '../db/talks';
import type { ExtensionToContentMessage } from '../messages/messages';
import type { TalkHere } from '../talk/model';

/**
 * What a note page (popup, side panel) waits for before it can show the talk, asked as soon as this module
 * arrives: the page runs it on its own (vite.config.ts, RUN_FIRST) while the rest of its code, Preact, Dexie,
 * the polyfill and ours, is still loading. It asks the browser's APIs directly, without the polyfill (which
 * hands Firefox its own `browser` and wraps Chrome's promise-returning `chrome`), and imports no code: were it
 * to share a module with the rest, it would wait for that chunk too.
 */
export interface EarlyAsks {
  /** The id of the tab of `?tab=<id>` (tests; a side panel opened for one tab), else of the active tab of this window (null: none). */
  tabId: Promise<number | null>;
  /** The content script's first answer in that tab; rejects when none answers (the connector then injects it). */
  talkHere: Promise<TalkHere>;
  /** The database's connection, for openTalklogDb to take (null: Dexie opens it). */
  db: Promise<IDBDatabase | null>;
  /** What the library holds for the talk of that answer, read on that connection (null: the page reads it through Dexie). */
  saved: Promise<TalkWithNotes | null>;
  /**
   * The settings as stored, unchecked (settings.ts parses them): asked once the rest had loaded, their answer held up the
   * page's first render by 11–19 ms in half the loads. Rejects when storage fails.
   */
  storedSettings: Promise<unknown>;
}

type TabsApi = Pick<Browser.Tabs.Static, 'query' | 'sendMessage'>;

/** The key settings-storage.ts keeps the settings under, which this module cannot import; early-asks.test.ts checks they agree. */
export const EARLY_SETTINGS_KEY = 'settings';

export function askEarly(search: string, tabs: TabsApi, storage: Pick<Browser.Storage.StorageArea, 'get'>): EarlyAsks {
  const db = openEarly();
  const pinned = pinnedTabId(search);
  const tabId = pinned === null ? activeTabId(tabs) : Promise.resolve(pinned);
  const question: ExtensionToContentMessage = { type: 'talklog/what-talk-is-here' };
  const ask = (tabId: number) => tabs.sendMessage(tabId, question) as Promise<TalkHere>;
  // A pinned tab is asked at once; the active one once the browser has said which it is.
  const talkHere = pinned === null ? tabId.then((id) => (id === null ? Promise.reject(new Error('no active tab')) : ask(id))) : ask(pinned);
  talkHere.catch(() => undefined); // handled by whoever takes it
  const saved = Promise.all([db, talkHere]).then(
    ([connection, here]) => (here.kind === 'talk' ? readTalkEarly(connection, here.talk.videoId) : null),
    () => null,
  );
  const storedSettings = storage.get(EARLY_SETTINGS_KEY).then((stored) => stored[EARLY_SETTINGS_KEY]);
  storedSettings.catch(() => undefined); // handled by whoever takes it
  return { tabId, talkHere, db, saved, storedSettings };
}

export async function activeTabId(tabs: Pick<TabsApi, 'query'>): Promise<number | null> {
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** The tab named by `?tab=<id>`, or null. */
export function pinnedTabId(search: string): number | null {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null;
}
