import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import { CONFERENCE_PLAYLIST_ID, CONFERENCE_TITLE } from '../../scripts/fake-youtube/conference.mjs';
import type { Talk } from '../../src/talk/model';
import { startTalklogSession, waitForAppReady } from './extension';
import { sharedForThisFile } from './per-file';
import { inView } from './viewport';

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

test('on a talk of a queued event the popup scrolls as one page: the notes get the room, the editor stays at the bottom, nothing focused hides under it', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const queue = await session.openPopupFor(playlistTab);
  await queue.getByRole('button', { name: 'Queue talks' }).click();
  await expect.poll(() => queue.getByRole('status').textContent(), { timeout: 45_000 }).toMatch(/^205 queued/);
  const watch = await session.openYouTube('/watch?v=kc21talk001');
  const first = await session.openPopupFor(watch);
  const box = first.getByRole('textbox', { name: 'Note' });
  for (let i = 1; i <= 6; i++) {
    await box.fill(`Note ${i}: kernel programs verified before they load, so a bad one never runs.`);
    await box.press('Control+Enter');
    await expect.poll(() => first.getByRole('list', { name: 'Notes' }).locator(':scope > li').count()).toBe(i);
  }
  await first.close();

  const popup = await session.openPopupFor(watch);
  const upNext = ['heading', { name: `Up next in ${CONFERENCE_TITLE}` }] as const;
  await popup.getByRole(...upNext).waitFor();
  expect(await inView(popup, ['textbox', { name: 'Note' }])).toBe(true);
  expect(await inView(popup, upNext)).toBe(false);
  expect(await popup.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);

  /** The focused element's edges, and the top of the editor that stays in view. */
  const focused = () =>
    popup.evaluate(() => {
      const { top, bottom } = document.activeElement!.getBoundingClientRect();
      return {
        top,
        bottom,
        inEditor: document.activeElement!.closest('form') !== null,
        editorTop: document.querySelector('form')!.getBoundingClientRect().top,
      };
    });
  // By keyboard from the top to the note box: every note's controls come into view above the editor.
  await popup.getByRole('button', { name: 'Library', exact: true }).focus();
  let steps = 0;
  for (let at = await focused(); !at.inEditor; at = await focused()) {
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.bottom).toBeLessThanOrEqual(at.editorTop);
    await popup.keyboard.press('Tab');
    expect(++steps).toBeLessThan(40);
  }
  // Scrolled to its last note, the list shows in more than a third of the popup (the list scrolled inside a
  // 48 px box when it alone gave way to the editor and Up next).
  const shown = await popup.evaluate(() => {
    const list = document.querySelector('[aria-label="Notes"]')!.getBoundingClientRect();
    const editorTop = document.querySelector('form')!.getBoundingClientRect().top;
    return (Math.min(list.bottom, editorTop) - Math.max(list.top, document.querySelector('main')!.getBoundingClientRect().top)) / innerHeight;
  });
  expect(shown).toBeGreaterThan(1 / 3);

  await popup.getByRole(...upNext).scrollIntoViewIfNeeded();
  expect(await inView(popup, upNext)).toBe(true);
  expect(await inView(popup, ['button', { name: 'Save note' }])).toBe(true);
  await session.screenshot(popup, 'popup-queued-talk-with-scrollbar');
});
