import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFakeYouTube } from '../../scripts/fake-youtube/server.mjs';
import { startYouTubeProxy } from '../../scripts/fake-youtube/proxy.mjs';
import { GECKO_ID } from '../../scripts/manifests.mjs';
import { ARTIFACTS } from '../e2e/extension';
import { appIsReady, playerHasLoaded, readAllRecords } from '../e2e/in-page';
import { sharedForThisFile } from '../e2e/per-file';

export const DIST_FIREFOX = resolve(import.meta.dirname, '..', '..', 'dist-firefox');
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** Pinned, so the tests know the add-on's moz-extension:// host before it is installed. */
const EXTENSION_UUID = '7a1c0c1e-7a1c-4a1c-8a1c-7a1c0c1e7a1c';
const ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** What Puppeteer's BiDi browser has but its public type does not show: the raw protocol connection. */
type BidiBrowser = Browser & { connection: { send(method: string, params: object): Promise<{ result: any }> } };
type BidiContext = { context: string; url: string; children?: BidiContext[] };

export interface FirefoxSession {
  browser: Browser;
  /** The folder Firefox saves downloads to, without asking. */
  downloads: string;
  /** Opens a page of the fake www.youtube.com in a new tab, once its player has loaded. */
  openYouTube: (path: string) => Promise<Page>;
  /** Opens one of Talklog's pages (`src/…`) in a new, selected tab, once its app is ready. */
  openExtensionPage: (path: string, viewport?: { width: number; height: number }) => Promise<Page>;
  /** Opens the popup page as a tab, working on the given tab (`?tab=`). */
  openPopupFor: (tabPage: Page) => Promise<Page>;
  /** The tab id Firefox gives a page, as the extension sees it. */
  tabIdOf: (page: Page) => Promise<number>;
  readStore: <T>(store: 'talks' | 'notes') => Promise<T[]>;
  /** Runs a function on the window of the page open in Firefox's sidebar, once its app is ready (null before). */
  inSidebar: <T>(read: (sidebar: Window) => T) => Promise<T | null>;
  /** Presses keys such as `Alt+Shift+K` on the browser window, as a user would (shortcuts included). */
  pressKeys: (keys: string) => Promise<void>;
  /** Evaluates an expression in the browser window's privileged (chrome) scope; it returns JSON text. */
  inBrowserWindow: <T>(expression: string) => Promise<T>;
  /** Waits for a finished download whose name matches, and gives its path. */
  downloaded: (name: RegExp) => Promise<string>;
  screenshot: (page: Page, name: string) => Promise<string>;
  /** A screenshot of the whole browser window, its toolbars and sidebar included (BiDi only shoots pages). */
  screenshotWindow: (name: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * Debian's Firefox ESR driven through WebDriver BiDi, with the built dist-firefox/ installed as a
 * temporary add-on and www.youtube.com served by the offline stand-in through a loopback proxy.
 */
export async function startFirefoxSession({ prefs = {} }: { prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('No Firefox build: run `npm run build:firefox` first.');
  const youtube = await startFakeYouTube();
  const proxy = await startYouTubeProxy(youtube.port);
  const scratch = mkdtempSync(join(tmpdir(), 'talklog-firefox-'));
  const downloads = join(scratch, 'downloads');
  mkdirSync(downloads);
  mkdirSync(ARTIFACTS, { recursive: true });

  const browser = (await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true, // the stand-in's self-signed certificate
    defaultViewport: null, // pages fill the window, as in window screenshots
    userDataDir: join(scratch, 'profile'),
    args: ['--remote-allow-system-access'], // lets BiDi evaluate in the browser window (chrome scope)
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': proxy.pacUrl,
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      ...prefs,
    },
  })) as BidiBrowser;
  await browser.installExtension(DIST_FIREFOX);

  const send = (method: string, params: object) => browser.connection.send(method, params).then((answer) => answer.result);
  const contexts = async (scope?: 'chrome'): Promise<BidiContext[]> => (await send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {})).contexts;
  const [window] = await contexts('chrome');

  const inBrowserWindow = async <T>(expression: string): Promise<T> => {
    const answer = await send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: window!.context },
      awaitPromise: true,
    });
    if (answer.type !== 'success') throw new Error(`In the browser window: ${JSON.stringify(answer.exceptionDetails?.text ?? answer)}`);
    return JSON.parse(answer.result.value ?? 'null') as T;
  };

  /** What `ask` answers once it answers something, asked every 50 ms; undefined when nothing came within `withinMs`. */
  const answerWithin = async <T>(ask: () => Promise<T | undefined>, withinMs: number): Promise<T | undefined> => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const answer = await ask();
      if (answer !== undefined || Date.now() > deadline) return answer;
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  /** The first tab `found` finds; after `withinMs` without one, an error says what was `waited` for. */
  const tabFound = async (found: (tabs: BidiContext[]) => BidiContext | undefined, waited: string, withinMs = 30_000): Promise<BidiContext> => {
    const tab = await answerWithin(async () => found(await contexts()), withinMs);
    if (tab) return tab;
    throw new Error(`No tab ${waited} in ${withinMs / 1000} s; the tabs show ${(await contexts()).map((each) => each.url).join(', ')}`);
  };
  /** The Puppeteer page of a tab, once Puppeteer has made one (undefined if not within `withinMs`). */
  const pageOf = (tab: BidiContext, withinMs: number): Promise<Page | undefined> =>
    answerWithin(async () => (await browser.pages()).find((candidate) => (candidate.mainFrame() as unknown as { _id: string })._id === tab.context), withinMs);

  // BiDi refuses to navigate a tab to moz-extension://; the browser window's own addTab can. Now and then, on a busy
  // machine, Puppeteer makes no page of such a tab: BiDi lists it, but no page came in 45 s (twice in one run's nine
  // files). That tab is closed and another added.
  const addExtensionTab = async (path: string, { select }: { select: boolean }): Promise<Page> => {
    const url = `${ORIGIN}/${path}`;
    const add = `gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`;
    for (let attempt = 1; ; attempt++) {
      const before = new Set((await contexts()).map((tab) => tab.context));
      await inBrowserWindow(`(${select ? `gBrowser.selectedTab = ${add}` : add}, null)`);
      const tab = await tabFound((tabs) => tabs.find((each) => !before.has(each.context) && each.url === url), `added showing ${url}`);
      const page = await pageOf(tab, 10_000);
      if (page) return page;
      if (attempt === 3) throw new Error(`Puppeteer made no page of a tab showing ${url}, in 3 tabs added`);
      // Said in the run's output: whether this ever happens, and how often, is still to learn.
      console.warn(`Puppeteer made no page of the tab added showing ${url} in 10 s: closed, and added again (attempt ${attempt + 1} of 3)`);
      await send('browsingContext.close', { context: tab.context });
    }
  };

  const openExtensionPage = async (path: string, viewport?: { width: number; height: number }) => {
    const page = await addExtensionTab(path, { select: true });
    if (viewport) await page.setViewport(viewport);
    // Selected by Firefox, it can still report itself hidden (no animation frames, timers slowed to one a second)
    // once a viewport is set or another tab was closed through BiDi, until BiDi selects it too.
    await page.bringToFront();
    await page.waitForFunction(appIsReady);
    return page;
  };

  // Talklog opens its library on install (its welcome): closed, so that the tests' tabs are the ones they open.
  // Firefox opens it in place of the window's blank first tab, so a blank tab takes that place first: were the
  // add-on's tabs the window's only ones, reloading the add-on (which closes them) would close the window.
  // Closed through BiDi: the tests need no Puppeteer page of it.
  const welcomeUrl = `${ORIGIN}/src/options/index.html`;
  const welcome = await tabFound((tabs) => tabs.find((tab) => tab.url === welcomeUrl), `showing the welcome, ${welcomeUrl}`);
  await browser.newPage();
  await send('browsingContext.close', { context: welcome.context });

  // An extension page for the tests' own reads (tab ids, the database), in a tab of its own that is
  // never selected: the shortcuts act on the selected tab.
  const helper = await addExtensionTab('src/options/index.html', { select: false });
  // Loaded is enough: the tests use its extension APIs and IndexedDB, not its app. (A background tab
  // gets no animation frames, so this polls on a timer.)
  await helper.waitForFunction(() => document.readyState === 'complete', { polling: 100 });

  const session: FirefoxSession = {
    browser,
    downloads,
    async openYouTube(path) {
      const page = await browser.newPage();
      await page.goto(`https://www.youtube.com${path}`);
      await page.waitForFunction(playerHasLoaded);
      return page;
    },
    openExtensionPage,
    async openPopupFor(tabPage) {
      const tabId = await session.tabIdOf(tabPage);
      return openExtensionPage(`src/popup/index.html?tab=${tabId}`, { width: 380, height: 600 }); // a toolbar popup's size
    },
    async tabIdOf(page) {
      const mark = `tab-${Math.random().toString(36).slice(2)}`;
      await page.evaluate((value) => (document.documentElement.dataset.talklogTabMark = value), mark);
      const tabId = await helper.evaluate(async (wanted) => {
        const api = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
        for (const tab of await api.tabs.query({ url: 'https://www.youtube.com/*' })) {
          const [found] = await api.scripting
            .executeScript({ target: { tabId: tab.id! }, func: () => document.documentElement.dataset.talklogTabMark })
            .catch(() => []);
          if (found?.result === wanted) return tab.id!;
        }
        return null;
      }, mark);
      if (tabId === null) throw new Error(`No tab found for ${page.url()}`);
      return tabId;
    },
    async readStore<T>(store: 'talks' | 'notes') {
      return (await helper.evaluate(readAllRecords, store)) as T[];
    },
    async inSidebar<T>(read: (sidebar: Window) => T) {
      // BiDi does not list the sidebar's page, but the extension's own pages can reach it. The
      // function goes as source, as Puppeteer sends any function (the page's CSP allows no eval).
      return helper.evaluate(`(() => {
        const [sidebar] = browser.extension.getViews({ type: 'sidebar' });
        const ready = sidebar?.performance.getEntriesByName('app-ready', 'mark').length > 0;
        return ready ? (${read.toString()})(sidebar) : null;
      })()`) as Promise<T | null>;
    },
    async pressKeys(keys) {
      // nsITextInputProcessor is how Firefox's own tests press keys: the events go through the
      // browser window's key handling, where extension shortcuts live.
      const presses = keys
        .split('+')
        .map((key) =>
          key.length === 1 ? { key: key.toUpperCase(), code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0) } : MODIFIERS[key],
        );
      if (presses.some((press) => !press)) throw new Error(`Unknown key in ${keys}`);
      await inBrowserWindow(`(() => {
        const input = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        input.beginInputTransactionForTests(window);
        const presses = ${JSON.stringify(presses)};
        for (const press of presses) input.keydown(new KeyboardEvent('', press));
        for (const press of presses.toReversed()) input.keyup(new KeyboardEvent('', press));
        return null;
      })()`);
    },
    inBrowserWindow,
    async downloaded(name) {
      // Firefox puts an empty file at the target at once and fills it later: ask its download list.
      for (;;) {
        const done = await inBrowserWindow<string[]>(`(async () => {
          const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
          const list = await Downloads.getList(Downloads.ALL);
          return (await list.getAll()).filter((download) => download.succeeded).map((download) => download.target.path);
        })()`);
        const path = done.find((candidate) => name.test(basename(candidate)));
        if (path) return path;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async screenshot(page, name) {
      const path = resolve(ARTIFACTS, `firefox-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async screenshotWindow(name) {
      const png = await inBrowserWindow<string>(`(async () => {
        const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        return canvas.toDataURL('image/png');
      })()`);
      const path = resolve(ARTIFACTS, `firefox-${name}.png`);
      writeFileSync(path, Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
      return path;
    },
    async close() {
      await browser.close();
      await proxy.close();
      await youtube.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  return session;
}

const MODIFIERS: Record<string, { key: string; code: string; keyCode: number }> = {
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Ctrl: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
};

/** The Firefox session a test file shares, started before its first test. */
export function firefoxSessionForThisFile(options?: Parameters<typeof startFirefoxSession>[0]): FirefoxSession {
  return sharedForThisFile(() => startFirefoxSession(options));
}

/** A Puppeteer selector for an element by ARIA role and accessible name (BiDi's accessibility locator). */
export function role(name: string, accessibleName?: string): string {
  const quoted = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return `::-p-aria(${accessibleName === undefined ? '' : `[name=${quoted(accessibleName)}]`}[role=${quoted(name)}])`;
}

/** The text of every element a selector finds, in document order. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent ?? ''));
}
