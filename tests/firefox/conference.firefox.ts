import { expect, test } from 'vitest';
import { CONFERENCE_PLAYLIST_ID, CONFERENCE_TITLE } from '../../scripts/fake-youtube/conference.mjs';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();

test('in Firefox: a 208-row playlist queued from the popup, triaged by keyboard in the library; Play next opens the best talk', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  const popup = await session.openPopupFor(playlistTab);
  await expect.poll(async () => (await textsOf(popup, '::-p-text(208 videos)')).length).toBe(1);
  expect(await popup.$eval(role('textbox', 'Event'), (box) => (box as HTMLInputElement).value)).toBe(CONFERENCE_TITLE);
  await popup.locator(role('button', 'Queue talks')).click();
  // The playlist page renders 100 rows at a time: Firefox's content script scrolls it for the rest, batch by batch.
  await expect
    .poll(async () => (await textsOf(popup, role('status'))).join(' '), { timeout: 45_000 })
    .toContain('205 queued · 0 already in the library · 3 skipped (deleted, private or listed twice)');
  expect(await session.readStore('talks')).toHaveLength(205);

  // The event's queue in the library, best first: talks 1 to 6 rated and skipped by keyboard alone.
  const library = await session.openExtensionPage('src/options/index.html', { width: 1100, height: 800 });
  await library.select(role('combobox', 'Event'), CONFERENCE_TITLE);
  await library.select(role('combobox', 'Sort'), 'interest');
  await library.$eval(role('link', 'eBPF in Production 1'), (link) => (link as HTMLElement).focus());
  for (const key of ['3', '4', '5', '2', '1', 's'] as const) await library.keyboard.press(key);
  const triaged = async () => {
    const byId = new Map((await session.readStore<{ id: string; interest: number; status: string }>('talks')).map((talk) => [talk.id, talk]));
    return [1, 2, 3, 4, 5, 6].map((n) => `${byId.get(`t_kc21talk00${n}`)?.interest} ${byId.get(`t_kc21talk00${n}`)?.status}`);
  };
  await expect.poll(triaged, { timeout: 15_000 }).toEqual(['3 to-watch', '4 to-watch', '5 to-watch', '2 to-watch', '1 to-watch', '0 skipped']);
  await expect
    .poll(async () => (await textsOf(library, `${role('list', 'Talks')} h2`)).slice(0, 3))
    .toEqual(['Securing the Supply Chain 3', 'GitOps at Scale 2', 'eBPF in Production 1']);
  await session.screenshot(library, 'library-conference-triaged');

  // Watching talk 1: up next is talk 3, the one rated five, and Play next opens it in the same tab.
  const watching = await session.openYouTube('/watch?v=kc21talk001');
  const next = await session.openPopupFor(watching);
  await expect.poll(async () => (await textsOf(next, role('link', 'Securing the Supply Chain 3'))).length).toBe(1);
  await session.screenshot(next, 'popup-play-next');
  await next.locator(role('button', 'Play next')).click();
  await expect.poll(() => watching.evaluate(() => location.href)).toBe('https://www.youtube.com/watch?v=kc21talk003');
});

test('in Firefox: a queued talk removed from the library stays out when the playlist is queued again', async () => {
  // The conference the test above queued, less a talk the user does not want.
  const unwanted = await session.openPopupFor(await session.openYouTube('/watch?v=kc21talk009'));
  await unwanted.locator(role('button', 'Remove from library')).click();
  await expect.poll(async () => (await textsOf(unwanted, role('status'))).join(' ')).toContain('Removed from your library');
  const popup = await session.openPopupFor(await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`));
  await popup.locator(role('button', 'Queue talks')).click();
  await expect
    .poll(async () => (await textsOf(popup, role('status'))).join(' '), { timeout: 45_000 })
    .toContain('0 queued · 204 already in the library · 3 skipped (deleted, private or listed twice) Left out: 1 you deleted before');
  expect((await session.readStore<{ id: string }>('talks')).map((talk) => talk.id)).not.toContain('t_kc21talk009');
});
