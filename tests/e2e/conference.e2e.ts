import { readFileSync } from 'node:fs';
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

  // The library, the event chosen and sorted by interest: five talks rated and one skipped by keyboard
  // (talk 1 is being watched: it was open in the popup).
  const library = await session.openLibrary();
  await library.getByRole('combobox', { name: 'Event' }).selectOption(CONFERENCE_TITLE);
  await library.getByRole('combobox', { name: 'Sort' }).selectOption('interest');
  const talks = library.getByRole('list', { name: 'Talks' });
  await expect.poll(() => talks.getByRole('heading', { level: 2 }).first().textContent()).toBe('eBPF in Production 7 [unsafe] & *You*: `#` <tricks>');
  expect(await library.getByText(/ watched · /).textContent()).toMatch(/^0 of 208 watched · \d+ h \d+ min left of the talks you kept$/);
  await talks.getByRole('link', { name: 'eBPF in Production 1', exact: true }).focus();
  for (const key of ['3', '4', '5', '2', '1', 's']) await library.keyboard.press(key);
  // Six writes in a row, each re-read by the live list: on a busy machine they take more than the poll's default second.
  await expect.poll(() => library.getByRole('status').textContent(), { timeout: 15_000 }).toBe('“Scaling Prometheus 6”: Skipped');
  const triaged = async () => {
    const byId = new Map((await session.readStore<{ id: string; interest: number; status: string }>('talks')).map((talk) => [talk.id, talk]));
    return [1, 2, 3, 4, 5, 6].map((n) => `${byId.get(`t_kc21talk00${n}`)?.interest} ${byId.get(`t_kc21talk00${n}`)?.status}`);
  };
  await expect.poll(triaged).toEqual(['3 watching', '4 to-watch', '5 to-watch', '2 to-watch', '1 to-watch', '0 skipped']);
  // Five stars first, in the playlist's order: talk 3 before talk 7.
  await expect
    .poll(async () => (await talks.getByRole('heading', { level: 2 }).allTextContents()).slice(0, 3))
    .toEqual(['Securing the Supply Chain 3', 'eBPF in Production 7 [unsafe] & *You*: `#` <tricks>', 'GitOps at Scale 2']);
  await session.screenshot(library, 'library-conference-triaged');

  // The event's log: what is being watched, then the rest of the queue, best first, as links.
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('combobox', { name: 'Talks of the event' }).selectOption(CONFERENCE_TITLE);
  await expect.poll(() => dialog.getByRole('checkbox', { name: /^Add “Not watched yet”: 205 talks still to watch/ }).isChecked()).toBe(true);
  const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe('talklog-kubecon-cloudnativecon-north-america-2021.md');
  const markdown = readFileSync((await download.path())!, 'utf8');
  const [log, queue] = markdown.split('\n## Not watched yet\n\n');
  expect(log).toContain(`# Talk log: ${CONFERENCE_TITLE}`);
  expect(log.match(/^### /gm)).toHaveLength(2);
  expect(log).toContain('### [eBPF in Production 1](https://www.youtube.com/watch?v=kc21talk001)');
  const queuedLinks = queue.trimEnd().split('\n');
  expect(queuedLinks).toHaveLength(205);
  expect(queuedLinks.slice(0, 5).map((line) => /watch\?v=(\w+)\)/.exec(line)?.[1])).toEqual([
    'kc21talk003',
    'kc21talk002',
    'kc21talk004',
    'kc21talk005',
    'kc21talk008',
  ]);
  await session.screenshot(library, 'library-conference-export');
});

test('queued from a talk opened in-page from the /playlist page: the watch page reads its own panel whole, not the hidden list', async () => {
  const playlistTab = await session.openYouTube(`/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
  // YouTube opens the talk without a page load and keeps the /playlist page in the DOM, hidden.
  await playlistTab.getByRole('link', { name: 'Securing the Supply Chain 3 - Tom Okafor, Globex', exact: true }).click();
  await expect.poll(() => playlistTab.url()).toContain('/watch?v=kc21talk003&');
  const popup = await session.openPopupFor(playlistTab);
  await expect.poll(() => popup.getByText('211 videos', { exact: true }).count()).toBe(1);
  await popup.getByRole('button', { name: 'Queue talks' }).click();
  // The test above queued all 208 talks; all 211 rows read, none left for "queue again".
  await expect.poll(() => popup.getByRole('status').textContent(), { timeout: 45_000 }).toBe(`0 queued · 208 already in the library · 3 ${SKIPPED}`);
});
