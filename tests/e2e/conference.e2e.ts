import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID, CONFERENCE_TITLE } from '../../scripts/fake-youtube/conference.mjs';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();
const SKIPPED = 'skipped (deleted, private or listed twice)';

test('a 208-row playlist queued from the popup, again after new uploads; Play next opens the top-rated talk in the same tab', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const popup = await session.openPopupFor(playlistTab);
  await expect.poll(() => popup.getByText('208 videos', { exact: true }).count()).toBe(1);
  expect(await popup.getByRole('textbox', { name: 'Event' }).inputValue()).toBe(CONFERENCE_TITLE);
  await popup.getByRole('button', { name: 'Queue talks' }).click();
  // YouTube renders 100 rows at a time: the rest load as the reader scrolls, batch by batch.
  await expect.poll(() => popup.getByRole('status').textContent(), { timeout: 45_000 }).toBe(`205 queued · 0 already in the library · 3 ${SKIPPED}`);
  expect(await session.readStore('talks')).toHaveLength(205);
  await expect.poll(() => popup.getByRole('heading', { name: `Up next in ${CONFERENCE_TITLE}` }).count()).toBe(1);
  await session.screenshot(popup, 'popup-conference-queued');

  // Three more talks uploaded: queueing again adds only those.
  session.uploadConferenceTalks(3);
  await playlistTab.reload();
  const again = await session.openPopupFor(playlistTab);
  await expect.poll(() => again.getByText('211 videos', { exact: true }).count()).toBe(1);
  await again.getByRole('button', { name: 'Queue talks' }).click();
  await expect.poll(() => again.getByRole('status').textContent(), { timeout: 45_000 }).toBe(`3 queued · 205 already in the library · 3 ${SKIPPED}`);
  expect(await session.readStore('talks')).toHaveLength(208);

  // Talk 7 rated five stars, by keyboard, from the popup on its page.
  const seventh = await session.openYouTube('/watch?v=kc21talk007');
  const rating = await session.openPopupFor(seventh);
  await rating.getByText('Details', { exact: true }).click();
  await rating.getByRole('radio', { name: 'Unrated' }).focus();
  for (let step = 0; step < 5; step++) await rating.keyboard.press('ArrowRight');
  await expect
    .poll(async () => (await session.readStore<{ id: string; interest: number }>('talks')).find((talk) => talk.id === 't_kc21talk007')?.interest)
    .toBe(5);

  // Watching talk 1: up next is talk 7, and Play next opens it in the same tab.
  const watching = await session.openYouTube('/watch?v=kc21talk001');
  const next = await session.openPopupFor(watching);
  await expect.poll(() => next.getByRole('link', { name: 'eBPF in Production 7 [unsafe] & *You*: `#` <tricks>' }).count()).toBe(1);
  await session.screenshot(next, 'popup-play-next');
  await next.getByRole('button', { name: 'Play next' }).click();
  await expect.poll(() => watching.url()).toBe('https://www.youtube.com/watch?v=kc21talk007');
});
