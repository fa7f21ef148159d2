import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID, CONFERENCE_TITLE } from '../../scripts/fake-youtube/conference.mjs';
import { sessionForThisFile } from './extension';
import { readAllRecords } from './in-page';

// Its own file: stopping the service worker must not leave other tests without one.
const session = sessionForThisFile();

type ChromeSession = { chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } };

test('a playlist being queued when the worker stops is queued once the worker starts again, and the popup says so plainly', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const popup = await session.openPopupFor(playlistTab);
  await expect.poll(() => popup.getByText('208 videos', { exact: true }).count()).toBe(1);
  const library = await session.openLibrary();
  await popup.getByRole('button', { name: 'Queue talks' }).click();

  // Stopped while the tab, asked by the worker, loads the playlist's second batch of rows (YouTube renders 100 at a time).
  await expect.poll(async () => Number(await popup.getByRole('progressbar').getAttribute('value'))).toBeGreaterThan(100);
  const devtools = await session.context.newCDPSession(library);
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');

  await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Talklog restarted while queueing the playlist: it goes on by itself\./);
  expect(await popup.locator('body').innerText()).not.toContain('message channel');

  // Any event starts the worker again, as switching tabs does.
  await playlistTab.bringToFront();
  await library.bringToFront();
  const queued = async () =>
    ((await library.evaluate(readAllRecords, 'talks' as const)) as { event: string | null }[]).filter((talk) => talk.event === CONFERENCE_TITLE).length;
  await expect.poll(queued, { timeout: 45_000 }).toBe(205);
  const journaled = () =>
    library.evaluate(async () =>
      Object.keys(await (globalThis as unknown as ChromeSession).chrome.storage.session.get(null)).some((key) => key.startsWith('unfinishedQueue ')),
    );
  await expect.poll(journaled).toBe(false);
});
