import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID, CONFERENCE_TITLE } from '../../scripts/fake-youtube/conference.mjs';
import { sessionForThisFile } from './extension';
import { playerHasLoaded, seekPlayer } from './in-page';

const session = sessionForThisFile();

async function statusOf(videoId: string): Promise<string | undefined> {
  const talks = await session.readStore<{ id: string; status: string }>('talks');
  return talks.find((talk) => talk.id === `t_${videoId}`)?.status;
}

/** Moves the player to a fraction of the talk, as a user dragging the progress bar does. */
async function seekToFraction(watch: Page, fraction: number): Promise<void> {
  const duration = await watch.evaluate(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.duration);
  await watch.evaluate(seekPlayer, duration * fraction);
}

/** A click on a row of the watch page's playlist panel: YouTube's in-page navigation to that talk. */
async function playFromPanel(watch: Page, title: string, videoId: string): Promise<void> {
  await watch.getByRole('link', { name: new RegExp(`${title} - `) }).click();
  await expect.poll(() => new URL(watch.url()).searchParams.get('v')).toBe(videoId);
  await watch.waitForFunction((id) => {
    const video = document.querySelector<HTMLVideoElement>('#movie_player video');
    return video?.src.endsWith(`/media/${id}`) && video.readyState >= HTMLMediaElement.HAVE_METADATA;
  }, videoId);
}

test('a queued talk left at 90 % or more becomes watched, by in-page navigation or a page load, below 90 % not; the side panel and the library count it', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const popup = await session.openPopupFor(playlistTab);
  await popup.getByRole('button', { name: 'Queue talks' }).click();
  await expect.poll(() => popup.getByRole('status').textContent(), { timeout: 45_000 }).toMatch(/^205 queued/);
  await popup.close();
  await playlistTab.close();

  // Playing the conference in one tab, the side panel open beside it with the event's progress.
  const watch = await session.openYouTube(`/watch?v=kc21talk011&list=${CONFERENCE_PLAYLIST_ID}&index=12`);
  const sidePanel = await session.openSidePanelFor(watch);
  const progressLine = sidePanel.getByText(/ of 205 watched · /);
  const progress = async () => (await progressLine.allTextContents()).join(' | ');
  await expect.poll(progress).toMatch(/^0 of 205 watched · \d+ h \d+ min left of the talks you kept$/);

  // Talk 11 left at half, talk 12 at 95 %, by the panel's in-page navigation.
  await seekToFraction(watch, 0.5);
  await playFromPanel(watch, 'Scaling Prometheus 12', 'kc21talk012');
  await seekToFraction(watch, 0.95);
  await playFromPanel(watch, 'eBPF in Production 13', 'kc21talk013');
  await expect.poll(() => statusOf('kc21talk012')).toBe('watched');
  // The same content script would have told of talk 11 before talk 12: nothing came.
  expect(await statusOf('kc21talk011')).toBe('to-watch');
  await expect.poll(progress).toMatch(/^1 of 205 watched · /);

  // Talk 13 at 95 %, left by loading another page in the same tab (pagehide).
  await seekToFraction(watch, 0.95);
  await watch.goto('https://www.youtube.com/watch?v=kc21talk014');
  await watch.waitForFunction(playerHasLoaded);
  await expect.poll(() => statusOf('kc21talk013')).toBe('watched');
  await expect.poll(progress).toMatch(/^2 of 205 watched · /);
  await progressLine.scrollIntoViewIfNeeded();
  await session.screenshot(sidePanel, 'side-panel-event-progress');
  await sidePanel.emulateMedia({ colorScheme: 'dark' });
  await session.screenshot(sidePanel, 'side-panel-event-progress-dark');

  // The library says so, and how far through the event the user is.
  const library = await session.openLibrary();
  await library.getByRole('combobox', { name: 'Event' }).selectOption(CONFERENCE_TITLE);
  await expect.poll(async () => (await library.getByText(/ of 205 watched · /).allTextContents()).join(' | ')).toMatch(/^2 of 205 watched · /);
  const search = library.getByRole('searchbox', { name: 'Search' });
  const row = (title: string) => library.getByRole('list', { name: 'Talks' }).getByRole('listitem', { name: title, exact: true });
  await search.fill('Scaling Prometheus 12');
  await expect.poll(() => row('Scaling Prometheus 12').getByText('Watched', { exact: true }).count()).toBe(1);
  await session.screenshot(library, 'library-watched-on-leave');
  await search.fill('Cluster API Deep Dive 11');
  await expect.poll(() => row('Cluster API Deep Dive 11').getByText('To watch', { exact: true }).count()).toBe(1);
});
