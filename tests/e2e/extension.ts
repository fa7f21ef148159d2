import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startFakeYouTube } from '../../scripts/fake-youtube/server.mjs';
import { launchTalklogBrowser } from '../../scripts/launch-browser.mjs';

export const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'artifacts');

export interface TalklogSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionUrl: (path: string) => string;
  tabIdOf: (page: Page) => Promise<number | null>;
  /** Opens a page of the fake www.youtube.com. */
  openYouTube: (path: string) => Promise<Page>;
  /** Opens the popup page as a tab, working on the given tab (`?tab=`). */
  openPopupFor: (tabPage: Page) => Promise<Page>;
  screenshot: (page: Page, name: string) => Promise<string>;
  /** Every record of one Talklog table, read with the raw IndexedDB API in the extension. */
  readStore: <T>(store: 'talks' | 'notes') => Promise<T[]>;
  /** With `installLater`: installs Talklog now, with YouTube tabs already open. */
  install: () => Promise<void>;
  close: () => Promise<void>;
}

/** Chromium with the built extension, and the HTTPS stand-in for www.youtube.com. */
export async function startTalklogSession({ installLater = false } = {}): Promise<TalklogSession> {
  const youtube = await startFakeYouTube();
  const browser = await launchTalklogBrowser({ hostResolverRule: youtube.hostResolverRule, installLater });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context: browser.context,
    get serviceWorker() {
      return browser.serviceWorker;
    },
    extensionUrl: browser.extensionUrl,
    tabIdOf: browser.tabIdOf,
    async openYouTube(path) {
      const page = await browser.context.newPage();
      await page.goto(`https://www.youtube.com${path}`);
      // Like a user, act once the player has loaded the talk.
      await page.waitForFunction(() => {
        const video = document.querySelector<HTMLVideoElement>('#movie_player video');
        return !video || video.readyState >= HTMLMediaElement.HAVE_METADATA;
      });
      return page;
    },
    async openPopupFor(tabPage) {
      const tabId = await browser.tabIdOf(tabPage);
      if (tabId === null) throw new Error(`No tab found for ${tabPage.url()}`);
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 }); // a toolbar popup's size
      await popup.goto(browser.extensionUrl(`src/popup/index.html?tab=${tabId}`));
      await waitForAppReady(popup);
      return popup;
    },
    async screenshot(page, name) {
      const path = resolve(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async readStore<T>(store: 'talks' | 'notes'): Promise<T[]> {
      const records: unknown = await browser.serviceWorker.evaluate(
        (name) =>
          new Promise<unknown[]>((resolve, reject) => {
            const open = indexedDB.open('talklog');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const read = open.result.transaction(name).objectStore(name).getAll();
              read.onsuccess = () => {
                open.result.close();
                resolve(read.result);
              };
            };
          }),
        store,
      );
      return records as T[];
    },
    install: () => browser.install(),
    async close() {
      await browser.close();
      await youtube.close();
    },
  };
}

export async function waitForAppReady(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready', 'mark').length > 0);
}

/**
 * The session a test file shares: started before its first test, closed after its last. The
 * object stands for it from the start, so tests can use it at the top level.
 */
export function sessionForThisFile(): TalklogSession {
  let current: TalklogSession | undefined;
  beforeAll(async () => {
    current = await startTalklogSession();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TalklogSession, {
    get(_, key) {
      if (!current) throw new Error('The browser session starts in beforeAll: use it inside a test.');
      return Reflect.get(current, key);
    },
  });
}
