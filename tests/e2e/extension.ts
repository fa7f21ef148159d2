import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { startFakeYouTube } from '../../scripts/fake-youtube/server.mjs';
import { launchTalklogBrowser } from '../../scripts/launch-browser.mjs';
import { buildGranting } from './granted-build';
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
  /** Opens the popup page as a tab, working on the given tab (`?tab=`); `prepare` runs on the page before it loads. */
  openPopupFor: (tabPage: Page, prepare?: (page: Page) => Promise<unknown>) => Promise<Page>;
  /** Opens the side panel page as a tab, 360 px wide, working on the given tab (`?tab=`). */
  openSidePanelFor: (tabPage: Page) => Promise<Page>;
  /** Opens the library (the options page) in a new tab, once it is ready. */
  openLibrary: () => Promise<Page>;
  screenshot: (page: Page, name: string) => Promise<string>;
  /** Every record of one Talklog table, read with the raw IndexedDB API in the extension. */
  readStore: <T>(store: 'talks' | 'notes') => Promise<T[]>;
  /** The stand-in's conference uploads more talks: its playlist grows. */
  uploadConferenceTalks: (count: number) => void;
  /** With `installLater`: installs Talklog now, with YouTube tabs already open. */
  install: () => Promise<void>;
  /** Loads the same build over the installed Talklog, as an update does (same extension id, a new worker). */
  update: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * Chromium with the built extension, and the HTTPS stand-in for www.youtube.com. `granting`: host
 * permissions the extension holds from the start (`buildGranting`). `scrollbars`: scrollbars that take
 * room, as on Linux and Windows (`launchTalklogBrowser`). `keepWelcome`: the library opened on install stays open.
 */
export async function startTalklogSession({
  installLater = false,
  granting = [] as string[],
  scrollbars = false,
  keepWelcome = false,
} = {}): Promise<TalklogSession> {
  const youtube = await startFakeYouTube();
  const build = granting.length > 0 ? buildGranting(granting) : null;
  const browser = await launchTalklogBrowser({ hostResolverRule: youtube.hostResolverRule, installLater, dist: build?.dist, scrollbars, keepWelcome });
  mkdirSync(ARTIFACTS, { recursive: true });
  /** An extension page as a tab of its own, working on `tabPage`'s tab, once it is ready. */
  const openPageFor = async (tabPage: Page, path: string, size: { width: number; height: number }, prepare?: (page: Page) => Promise<unknown>) => {
    const tabId = await browser.tabIdOf(tabPage);
    if (tabId === null) throw new Error(`No tab found for ${tabPage.url()}`);
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    await prepare?.(page);
    await page.goto(browser.extensionUrl(`${path}?tab=${tabId}`));
    await waitForAppReady(page);
    return page;
  };
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
    openPopupFor: (tabPage, prepare) => openPageFor(tabPage, 'src/popup/index.html', { width: 380, height: 600 }, prepare), // a toolbar popup's size
    openSidePanelFor: (tabPage) => openPageFor(tabPage, 'src/popup/side-panel.html', { width: 360, height: 720 }),
    async openLibrary() {
      const page = await browser.context.newPage();
      await page.goto(browser.extensionUrl('src/options/index.html'));
      await waitForAppReady(page);
      return page;
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
    update: () => browser.update(),
    async close() {
      await browser.close();
      await youtube.close();
      build?.remove();
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
