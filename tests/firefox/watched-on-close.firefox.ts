import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { seekPlayer } from '../e2e/in-page';
import { firefoxSessionForThisFile } from './firefox-session';

const session = firefoxSessionForThisFile();

const EXTENSION = `WebExtensionPolicy.getByID('talklog@example.org').extension`;

async function statusOf(videoId: string): Promise<string | undefined> {
  const talks = await session.readStore<{ id: string; status: string }>('talks');
  return talks.find((talk) => talk.id === `t_${videoId}`)?.status;
}

/** A talk clipped by its shortcut, its player moved to a fraction of its length. */
async function clippedAt(videoId: string, fraction: number): Promise<Page> {
  const watch = await session.openYouTube(`/watch?v=${videoId}`);
  await watch.bringToFront();
  await session.pressKeys('Alt+Shift+K');
  await expect.poll(() => statusOf(videoId)).toBe('watching');
  const duration = await watch.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.duration);
  await watch.evaluate(seekPlayer, duration * fraction);
  return watch;
}

/** Closes the page's tab as the user does (its × or Ctrl+W), not as BiDi does. */
async function closeTab(page: Page): Promise<void> {
  await page.bringToFront();
  await session.inBrowserWindow('(gBrowser.removeTab(gBrowser.selectedTab), null)');
}

test('a tab closed on a talk at 90 % or more marks it watched, even with the background stopped; below 90 % not', async () => {
  const half = await clippedAt('OpenMetr1cs', 0.5);
  const nearTheEnd = await clippedAt('Pr0meTheus1', 0.95);

  // What the tab told as its player came to the end is kept where a stopped background finds it again.
  const library = await session.openExtensionPage('src/options/index.html');
  await expect.poll(() => library.evaluate('browser.storage.session.get().then(Object.values)')).toContain('Pr0meTheus1');

  await closeTab(half);
  // A long talk gives Firefox time to stop the idle background: closing the tab must wake it.
  await session.inBrowserWindow(`${EXTENSION}.terminateBackground({ disableResetIdleForTest: true })`);
  expect(await session.inBrowserWindow(`${EXTENSION}.backgroundState`)).toBe('stopped');
  await closeTab(nearTheEnd);
  await expect.poll(() => statusOf('Pr0meTheus1')).toBe('watched');
  // The half-seen talk's tab was closed first: anything it were to bring would have come by now.
  expect(await statusOf('OpenMetr1cs')).toBe('watching');
});
