import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID, conferenceVideoId } from '../../scripts/fake-youtube/conference.mjs';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();
const SKIPPED = 'skipped (deleted, private or listed twice)';

test('queueing a playlist again after new uploads puts the new talks in the event the playlist was queued under, and leaves out a talk deleted', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const popup = await session.openPopupFor(playlistTab);
  await expect.poll(() => popup.getByText('208 videos', { exact: true }).count()).toBe(1);
  // The playlist's long title shortened to the event's usual name.
  await popup.getByRole('textbox', { name: 'Event' }).fill('KubeCon NA 2021');
  await popup.getByRole('button', { name: 'Queue talks' }).click();
  await expect.poll(() => popup.getByRole('status').textContent(), { timeout: 60_000 }).toBe(`205 queued · 0 already in the library · 3 ${SKIPPED}`);

  // A talk the user does not want, taken out of the library from its page.
  const unwanted = await session.openPopupFor(await session.openYouTube(`/watch?v=${conferenceVideoId(5)}`));
  await unwanted.getByRole('button', { name: 'Remove from library' }).click();
  await expect.poll(() => unwanted.getByRole('status').textContent()).toContain('Removed');
  await unwanted.close();

  // Days later the conference uploads three more talks: the user queues the playlist again, as it offers.
  session.uploadConferenceTalks(3);
  await playlistTab.reload();
  const again = await session.openPopupFor(playlistTab);
  await expect.poll(() => again.getByText('211 videos', { exact: true }).count()).toBe(1);
  const offered = await again.getByRole('textbox', { name: 'Event' }).inputValue();
  await again.getByRole('button', { name: 'Queue talks' }).click();
  await expect
    .poll(() => again.getByRole('status').textContent(), { timeout: 60_000 })
    .toBe(`3 queued · 204 already in the library · 3 ${SKIPPED} Left out: 1 you deleted before (clip one from its page to have it back).`);
  expect((await session.readStore<{ videoId: string }>('talks')).map((talk) => talk.videoId)).not.toContain(conferenceVideoId(5));
  await session.screenshot(again, 'popup-requeue-left-out');
  const events = new Set((await session.readStore<{ event: string | null }>('talks')).map((talk) => talk.event));
  // One conference, one event: its log, progress and Up next hold all 208 talks.
  expect({ offered, events: [...events] }).toEqual({ offered: 'KubeCon NA 2021', events: ['KubeCon NA 2021'] });
});
