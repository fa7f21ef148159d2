import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID } from '../../scripts/fake-youtube/conference.mjs';
import { startTalklogSession, type TalklogSession } from './extension';
import { seekPlayer } from './in-page';

async function statusOf(session: TalklogSession, videoId: string): Promise<string | undefined> {
  const talks = await session.readStore<{ id: string; status: string }>('talks');
  return talks.find((talk) => talk.id === `t_${videoId}`)?.status;
}

async function seekToFraction(watch: Page, fraction: number): Promise<void> {
  const duration = await watch.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.duration);
  await watch.evaluate(seekPlayer, duration * fraction);
}

/** The clip shortcut pressed in the tab, its confirmation awaited in the page. */
async function clipByShortcut(session: TalklogSession, tab: Page): Promise<void> {
  await tab.bringToFront();
  await session.serviceWorker.evaluate(() =>
    (globalThis as unknown as { talklogHandlers: { onCommand(command: string): Promise<void> } }).talklogHandlers.onCommand('clip-talk'),
  );
  await expect.poll(() => tab.locator('talklog-confirmation').count()).toBeGreaterThan(0);
}

async function answersInTab(session: TalklogSession, tab: Page): Promise<boolean> {
  const tabId = await session.tabIdOf(tab);
  return session.serviceWorker.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> } } }).chrome.tabs
        .sendMessage(id!, { type: 'talklog/what-talk-is-here' })
        .then(() => true)
        .catch(() => false),
    tabId,
  );
}

test('YouTube tabs open across an update still mark talks watched: left at 95 % in the page, or closed there', async () => {
  const session = await startTalklogSession({ installLater: true });
  try {
    await session.install();
    const watch = await session.openYouTube(`/watch?v=kc21talk012&list=${CONFERENCE_PLAYLIST_ID}&index=13`);
    await clipByShortcut(session, watch);
    const closing = await session.openYouTube('/watch?v=kc21talk014');
    await clipByShortcut(session, closing);

    await session.update();
    // The new worker has put its script in the tabs when one answers there (the old one cannot).
    for (const tab of [watch, closing]) await expect.poll(() => answersInTab(session, tab)).toBe(true);

    // A second copy put in the tab (as the popup does where none answers yet) does not act twice.
    const watchId = await session.tabIdOf(watch);
    await session.serviceWorker.evaluate(async (id) => {
      const chrome = (globalThis as unknown as { chrome: any }).chrome;
      const files = chrome.runtime.getManifest().content_scripts.flatMap((script: { js: string[] }) => script.js);
      await chrome.scripting.executeScript({ target: { tabId: id }, files });
    }, watchId);
    await expect.poll(() => answersInTab(session, watch)).toBe(true);
    // The confirmation of the clip before the update goes by itself (2.5 s): only the next one is counted.
    await expect.poll(() => watch.locator('talklog-confirmation').count()).toBe(0);
    await clipByShortcut(session, watch);
    // Every copy has handled the shortcut's message once the tab answers the next one.
    expect(await answersInTab(session, watch)).toBe(true);
    expect(await watch.locator('talklog-confirmation').count()).toBe(1);

    // Talk 12 at 95 %, left by the playlist panel's in-page navigation.
    await seekToFraction(watch, 0.95);
    await watch.getByRole('link', { name: /eBPF in Production 13 - / }).click();
    await expect.poll(() => new URL(watch.url()).searchParams.get('v')).toBe('kc21talk013');
    await expect.poll(() => statusOf(session, 'kc21talk012')).toBe('watched');

    // Talk 14 at 95 %, its tab closed there.
    await seekToFraction(closing, 0.95);
    await closing.close();
    await expect.poll(() => statusOf(session, 'kc21talk014')).toBe('watched');
  } finally {
    await session.close();
  }
});
