import type Browser from 'webextension-polyfill';
import { openEarly } from '../db/early-connection';
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
  /**
   * The tab of `?tab=<id>` (tests; a side panel opened for one tab), else the active tab of this window (null:
   * none), with its URL when the page may see it.
   */
  tab: Promise<{ id: number; url?: string } | null>;
  /** The content script's first answer in that tab; rejects when none answers (the connector then injects it). */
  talkHere: Promise<TalkHere>;
  /** The database's connection, for openTalklogDb to take (null: Dexie opens it). */
  db: Promise<IDBDatabase | null>;
}

type TabsApi = Pick<Browser.Tabs.Static, 'get' | 'query' | 'sendMessage'>;

export function askEarly(search: string, tabs: TabsApi): EarlyAsks {
  const db = openEarly();
  const pinned = pinnedTabId(search);
  const tab =
    pinned === null
      ? activeTab(tabs)
      : tabs.get(pinned).then(
          (found) => ({ id: pinned, url: found.url }),
          () => ({ id: pinned }),
        );
  const question: ExtensionToContentMessage = { type: 'talklog/what-talk-is-here' };
  const ask = (tabId: number) => tabs.sendMessage(tabId, question) as Promise<TalkHere>;
  // A pinned tab is asked at once, not after its URL.
  const talkHere = pinned === null ? tab.then((found) => (found ? ask(found.id) : Promise.reject(new Error('no active tab')))) : ask(pinned);
  talkHere.catch(() => undefined); // handled by whoever takes it
  return { tab, talkHere, db };
}

/** The active tab of this window, with its URL: one question where asking for its id and then its URL took two. */
async function activeTab(tabs: TabsApi): Promise<{ id: number; url?: string } | null> {
  const [active] = await tabs.query({ active: true, currentWindow: true });
  return active?.id === undefined ? null : { id: active.id, url: active.url };
}

/** The tab named by `?tab=<id>`, or null. */
export function pinnedTabId(search: string): number | null {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : null;
}
