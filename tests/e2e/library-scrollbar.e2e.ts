import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import type { Talk } from '../../src/talk/model';
import { startTalklogSession, waitForAppReady } from './extension';
import { sharedForThisFile } from './per-file';

// Scrollbars that take room, as on Linux and Windows desktops: headless Chromium hides them.
const session = sharedForThisFile(() => startTalklogSession({ scrollbars: true }));

test('a search that leaves less than a screen moves nothing sideways where a scrollbar takes room', async () => {
  const backup = makeBackup({ talks: 40, notes: 80 });
  const library = await session.context.newPage();
  await library.setViewportSize({ width: 1100, height: 1400 });
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  await library
    .getByLabel('Import backup')
    .setInputFiles({ name: 'talklog-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect.poll(() => library.getByText('40 talks', { exact: true }).count()).toBe(1);

  /** Where the list is, and whether the page scrolls. */
  const place = () =>
    library.evaluate(() => {
      const { left, width } = document.querySelector('ul.talk-list')!.getBoundingClientRect();
      return { left, width, scrolls: document.documentElement.scrollHeight > innerHeight };
    });
  const before = await place();
  expect(before.scrolls).toBe(true);
  // The scrollbar takes room: the page lays out narrower than the window.
  expect(await library.evaluate(() => document.documentElement.clientWidth)).toBeLessThan(1100);

  await library.getByRole('searchbox', { name: 'Search' }).fill((backup.talks[0] as Talk).title);
  await expect.poll(() => library.getByText(/^1 of 40 talks$/).count()).toBe(1);
  expect(await place()).toEqual({ ...before, scrolls: false });
  await session.screenshot(library, 'library-search-with-scrollbar-room');
  await library.close();
});
