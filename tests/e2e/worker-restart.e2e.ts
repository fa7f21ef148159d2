import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

// Its own file: stopping the service worker must not leave other tests without one.
const session = sessionForThisFile();

type ChromeAction = { chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } } };

/** The toolbar badge's text on a tab, read from an extension page (the worker may be stopped). */
function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate((id) => (globalThis as unknown as ChromeAction).chrome.action.getBadgeText({ tabId: id }), tabId);
}

test('the ✓ after a shortcut clip goes even when the worker is stopped at once', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const tabId = (await session.tabIdOf(watch))!;
  // An extension page that never messages the worker: it must not be what wakes it.
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('src/options/index.html'));
  await watch.bringToFront();

  await session.serviceWorker.evaluate(() =>
    (globalThis as unknown as { talklogHandlers: { onCommand(command: string): Promise<void> } }).talklogHandlers.onCommand('clip-talk'),
  );
  expect(await badgeText(library, tabId)).toBe('✓');
  const devtools = await session.context.newCDPSession(library);
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');

  await expect.poll(() => badgeText(library, tabId), { timeout: 10_000 }).toBe('');
});
