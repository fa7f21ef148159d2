// Deleting a whole library of a few hundred talks from its bulk bar, and Undo: what the page shows meanwhile.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();
const TALKS = 300;
const NOTES = 3000;

/** What the page showed, each change as it happened: the status line, the Delete selected button's state, the list's placeholder. */
interface Seen {
  events: string[];
}

async function watchThePage(library: Page): Promise<void> {
  await library.evaluate(() => {
    const seen = ((window as unknown as { seen: Seen }).seen = { events: [] as string[] });
    const statusBefore = [...document.querySelectorAll('[role=status]')].map((status) => `status ${status.textContent?.trim()}`);
    const say = (event: string) => {
      if (seen.events.at(-1) !== event && !statusBefore.includes(event)) seen.events.push(event);
    };
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role=status]')) if (status.textContent) say(`status ${status.textContent.trim()}`);
      const deleteButton = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Delete selected');
      if (deleteButton?.getAttribute('aria-busy') === 'true') say('delete busy');
      if (document.body.textContent?.includes('Opening your library…')) say('opening your library');
      // The storage line counts the library's talks whenever the page lists talks.
      const storage = [...document.querySelectorAll('p')].find((line) => /\bstored\b/.test(line.textContent ?? ''));
      if (storage && !/\d talks? · [\d,]+ notes?/.test(storage.textContent ?? '')) say(`storage line without counts: ${storage.textContent}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const seenEvents = (library: Page) => library.evaluate(() => (window as unknown as { seen: Seen }).seen.events.splice(0));

test('deleting every talk shown says so at once, the button busy, then Undo says so at once and brings them all back without reopening the library', async () => {
  const library = await session.context.newPage();
  await library.setViewportSize({ width: 1100, height: 800 });
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  const file = join(mkdtempSync(join(tmpdir(), 'talklog-bulk-delete-')), 'talklog-backup.json');
  writeFileSync(file, JSON.stringify(makeBackup({ talks: TALKS, notes: NOTES })));
  await library.getByLabel('Import backup').setInputFiles(file);
  await expect.poll(() => library.getByRole('status').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^Imported /));
  await expect.poll(() => library.getByText(`${TALKS} talks`, { exact: true }).count()).toBe(1);

  await library.getByRole('checkbox', { name: 'Select all shown' }).check();
  const bar = library.getByRole('region', { name: 'Selected talks' });
  await expect.poll(() => bar.textContent()).toContain(`${TALKS} talks selected`);
  await watchThePage(library);
  await bar.getByRole('button', { name: 'Delete selected' }).click();
  await expect.poll(() => library.getByRole('status').allTextContents(), { timeout: 30_000 }).toContainEqual('Deleted 300 talks and 3,000 notes.');
  const whileDeleting = await seenEvents(library);
  // Busy and saying so (in one change of the page) before anything was deleted, and counting the talks as they went.
  // Soft: what Undo shows is checked whatever this showed.
  expect.soft(whileDeleting.slice(0, 2).sort()).toEqual(['delete busy', 'status Deleting 300 talks…']);
  expect.soft(whileDeleting).toContainEqual(expect.stringMatching(/^status Deleting talks: \d+ of 300…$/));
  expect.soft(whileDeleting.at(-1)).toBe('status Deleted 300 talks and 3,000 notes.');
  await session.screenshot(library, 'bulk-delete-done');

  await library.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => library.getByRole('status').allTextContents(), { timeout: 30_000 }).toContainEqual('Restored 300 talks and 3,000 notes.');
  await expect.poll(() => library.getByText(`${TALKS} talks`, { exact: true }).count()).toBe(1);
  const whileRestoring = await seenEvents(library);
  // Said first: the library stays empty until all of it is back.
  expect(whileRestoring.find((event) => event.startsWith('status ') && !event.startsWith('status Deleted'))).toBe('status Restoring 300 talks…');
  expect(whileRestoring.filter((event) => !event.startsWith('status '))).toEqual([]);
  // Its rows are drawn a few a frame after the list's head (TalkList), as for any talks that come into an emptied page.
  await expect.poll(() => library.getByRole('list', { name: 'Talks' }).getByRole('listitem').count()).toBeGreaterThan(3);
  await library.close();
});
