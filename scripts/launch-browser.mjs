// Starts Debian's Chromium with the built extension loaded, driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '..', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @param {{
 *   headless?: boolean,
 *   hostResolverRule?: string,
 *   viewport?: { width: number, height: number } | null,
 *   installLater?: boolean,
 *   dist?: string,
 *   scrollbars?: boolean,
 *   keepWelcome?: boolean,
 * }} options installLater starts the browser without Talklog; `install()` then adds it, as a user
 *   installing it with tabs already open would (through the DevTools protocol). dist: another build
 *   folder than dist/ (the sync e2e loads a copy whose manifest grants its test server). scrollbars:
 *   scrollbars that take room, as Chromium draws them on Linux and Windows (headless, Playwright hides them).
 *   keepWelcome: leaves open the library Talklog opens on install (closeWelcome), as the install test wants it.
 */
export async function launchTalklogBrowser({
  headless = true,
  hostResolverRule,
  viewport,
  installLater = false,
  dist = DIST,
  scrollbars = false,
  keepWelcome = false,
} = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'talklog-profile-'));
  const args = ['--disable-gpu', '--disable-quic', '--disable-sync', '--no-default-browser-check'];
  if (installLater) args.push('--enable-unsafe-extension-debugging');
  else args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  if (hostResolverRule) args.push(`--host-resolver-rules=${hostResolverRule}`, '--ignore-certificate-errors');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args,
    ignoreDefaultArgs: [...(installLater ? ['--disable-extensions'] : []), ...(scrollbars ? ['--hide-scrollbars'] : [])],
    acceptDownloads: true,
    viewport: viewport === undefined ? { width: 1280, height: 800 } : viewport,
  });

  const talklog = {
    context,
    /** @type {import('playwright-core').Worker} */
    serviceWorker: /** @type {any} */ (null),
    extensionId: '',
    extensionUrl: (/** @type {string} */ path) => `chrome-extension://${talklog.extensionId}/${path.replace(/^\//, '')}`,
    async install() {
      const browser = context.browser();
      if (!browser) throw new Error('no browser behind this context to install into');
      const devtools = await browser.newBrowserCDPSession();
      await devtools.send('Extensions.loadUnpacked', { path: dist });
      await talklog.findServiceWorker();
      if (!keepWelcome) await closeWelcome(context, talklog.extensionId);
    },
    /** Loads the build again over the installed one (same id), as an update does; the new worker replaces the old. */
    async update() {
      const browser = context.browser();
      if (!browser) throw new Error('no browser behind this context to update in');
      const old = talklog.serviceWorker;
      const devtools = await browser.newBrowserCDPSession();
      await devtools.send('Extensions.loadUnpacked', { path: dist });
      talklog.serviceWorker =
        context.serviceWorkers().find((worker) => worker !== old) ??
        (await context.waitForEvent('serviceworker', { predicate: (worker) => worker !== old, timeout: 15_000 }));
    },
    async findServiceWorker() {
      talklog.serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      talklog.extensionId = new URL(talklog.serviceWorker.url()).host;
    },
    /**
     * The tab id Chromium gives a page, as the extension sees it (for `?tab=`). Several tabs can
     * show one URL, so the page is marked and the extension looks for the mark.
     */
    /** @param {import('playwright-core').Page} page */
    async tabIdOf(page) {
      const mark = `tab-${Math.random().toString(36).slice(2)}`;
      await page.evaluate((/** @type {string} */ value) => (document.documentElement.dataset.talklogTabMark = value), mark);
      return talklog.serviceWorker.evaluate(async (wanted) => {
        // Runs in the worker, where the extension APIs are.
        const chrome = /** @type {any} */ (globalThis).chrome;
        for (const tab of await chrome.tabs.query({ url: 'https://www.youtube.com/*' })) {
          const [found] = await chrome.scripting
            .executeScript({ target: { tabId: tab.id }, func: () => document.documentElement.dataset.talklogTabMark })
            .catch(() => []);
          if (found?.result === wanted) return tab.id;
        }
        return null;
      }, mark);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  if (!installLater) {
    await talklog.findServiceWorker();
    if (!keepWelcome) await closeWelcome(context, talklog.extensionId);
  }
  return talklog;
}

/**
 * Closes the library a fresh install of Talklog opens (its welcome), once it is there. Until then Chromium may open
 * it in the next blank tab a script opens, in place of the page that tab was opened for.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 */
export async function closeWelcome(context, extensionId) {
  const library = `chrome-extension://${extensionId}/src/options/`;
  for (let waited = 0; waited < 15_000; waited += 50) {
    const welcome = context.pages().find((page) => page.url().startsWith(library));
    if (welcome) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Talklog (${extensionId}) opened no library on install`);
}
