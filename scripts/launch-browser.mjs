// Starts Debian's Chromium with the built extension loaded, driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '..', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @param {{ headless?: boolean, hostResolverRule?: string, viewport?: { width: number, height: number } | null }} options
 */
export async function launchTalklogBrowser({ headless = true, hostResolverRule, viewport } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'talklog-profile-'));
  const args = [
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--disable-gpu',
    '--disable-quic',
    '--disable-sync',
    '--no-default-browser-check',
  ];
  if (hostResolverRule) args.push(`--host-resolver-rules=${hostResolverRule}`, '--ignore-certificate-errors');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args,
    acceptDownloads: true,
    viewport: viewport === undefined ? { width: 1280, height: 800 } : viewport,
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    /** The tab id Chromium gives a page, as the extension sees it (for `?tab=`). */
    async tabIdOf(page) {
      const url = page.url();
      return serviceWorker.evaluate(async (pageUrl) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === pageUrl)?.id ?? null;
      }, url);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
