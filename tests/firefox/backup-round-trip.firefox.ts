import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from '../e2e/extension';
import { seekPlayer } from '../e2e/in-page';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const chromium = sessionForThisFile();
const firefox = firefoxSessionForThisFile();

const PROMETHEUS = 'Evolving Prometheus for More Use Cases';
const OPENMETRICS = 'What You Need to Know About OpenMetrics';

test('a backup exported in Chromium imports in Firefox, and one exported in Firefox imports in Chromium', async () => {
  // Chromium: a talk and a note, backed up.
  const watch = await chromium.openYouTube('/watch?v=Pr0meTheus1');
  await watch.evaluate(seekPlayer, 252);
  const popup = await chromium.openPopupFor(watch);
  await popup.getByText('In your library', { exact: false }).waitFor(); // opening the popup clipped it
  await popup.getByRole('textbox', { name: 'Note' }).fill('new scrape limits');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Note saved at 4:12.');
  const chromiumLibrary = await chromium.context.newPage();
  await chromiumLibrary.goto(chromium.extensionUrl('src/options/index.html'));
  await waitForAppReady(chromiumLibrary);
  const [download] = await Promise.all([chromiumLibrary.waitForEvent('download'), chromiumLibrary.getByRole('button', { name: 'Export backup' }).click()]);
  const fromChromium = (await download.path())!;

  // Firefox imports it: the talk, and its note at its moment.
  const library = await firefox.openExtensionPage('src/options/index.html');
  // BiDi's accessibility locator finds no node named "Import backup" in Firefox (the name Firefox
  // computes for a file input differs), so the file goes to the input inside the label with that text.
  const importLabel = await library.waitForSelector('::-p-text(Import backup)');
  await (await importLabel!.$('input[type=file]'))!.uploadFile(fromChromium);
  await expect.poll(async () => (await textsOf(library, role('status'))).join(' ')).toMatch(/Imported .*: 1 talk added, 1 note added\./);
  await expect.poll(() => textsOf(library, `${role('list', 'Talks')} ${role('heading')}`)).toEqual([PROMETHEUS]);
  const firefoxWatch = await firefox.openYouTube('/watch?v=Pr0meTheus1');
  const firefoxPopup = await firefox.openPopupFor(firefoxWatch);
  await expect
    .poll(() => firefoxPopup.$$eval(role('link', 'Play from 4:12'), (links) => links.map((link) => link.getAttribute('href'))))
    .toEqual(['https://www.youtube.com/watch?v=Pr0meTheus1&t=252s']);

  // Firefox adds a talk and a note, and backs up both.
  const other = await firefox.openYouTube('/watch?v=OpenMetr1cs');
  await other.evaluate(seekPlayer, 95);
  const otherPopup = await firefox.openPopupFor(other);
  await expect.poll(async () => (await textsOf(otherPopup, '::-p-text(In your library)')).length).toBe(1);
  await otherPopup.locator(role('textbox', 'Note')).fill('counters need the _total suffix');
  await otherPopup.locator(role('button', 'Save note')).click();
  await expect.poll(async () => (await textsOf(otherPopup, role('status'))).join(' ')).toContain('Note saved at 1:35.');
  await library.bringToFront();
  await library.locator(role('button', 'Export backup')).click();
  const fromFirefox = await firefox.downloaded(/^talklog-backup\.json$/);
  expect(
    JSON.parse(readFileSync(fromFirefox, 'utf8'))
      .talks.map((talk: { videoId: string }) => talk.videoId)
      .sort(),
  ).toEqual(['OpenMetr1cs', 'Pr0meTheus1']);

  // Chromium imports it: the new talk and note arrive, what it had stays as it was.
  await chromiumLibrary.getByLabel('Import backup').setInputFiles(fromFirefox);
  await expect
    .poll(() => chromiumLibrary.getByRole('status').textContent())
    .toMatch(/^Imported .*: 1 talk added, 1 note added, 2 records already up to date\.$/);
  await expect.poll(() => chromiumLibrary.getByRole('list', { name: 'Talks' }).getByRole('heading').allTextContents()).toEqual([OPENMETRICS, PROMETHEUS]);
  const notes = await chromium.readStore<{ talkId: string; atSec: number | null }>('notes');
  expect(notes.map((note) => [note.talkId, note.atSec]).sort()).toEqual([
    ['t_OpenMetr1cs', 95],
    ['t_Pr0meTheus1', 252],
  ]);
});
