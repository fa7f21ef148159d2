import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFakeYouTube } from '../../scripts/fake-youtube/server.mjs';
import { launchTalklogBrowser } from '../../scripts/launch-browser.mjs';
import { appIsReady, playerHasLoaded, readAllRecords } from './in-page';
import { sharedForThisFile } from './per-file';

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
  /** The stand-in's conference uploads more talks: its playlist grows. */
  uploadConferenceTalks: (count: number) => void;
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
      await page.waitForFunction(playerHasLoaded);
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
      const records: unknown = await browser.serviceWorker.evaluate(readAllRecords, store);
      return records as T[];
    },
    uploadConferenceTalks: (count) => youtube.uploadTalks(count),
    install: () => browser.install(),
    async close() {
      await browser.close();
      await youtube.close();
    },
  };
}

export async function waitForAppReady(page: Page): Promise<void> {
  await page.waitForFunction(appIsReady);
}

/** The session a test file shares: Chromium with Talklog, started before its first test. */
export function sessionForThisFile(): TalklogSession {
  return sharedForThisFile(startTalklogSession);
}
