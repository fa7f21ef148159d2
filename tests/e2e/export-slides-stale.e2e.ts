import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';
import { seekMainPlayer } from './slide-frames';

const session = sessionForThisFile();

async function captureAndSave(popup: import('playwright-core').Page, watch: import('playwright-core').Page, atSec: number, noteText: string) {
  await seekMainPlayer(watch, atSec);
  await popup.getByRole('button', { name: 'Capture slide' }).click();
  const time = `0:${String(Math.floor(atSec)).padStart(2, '0')}`;
  await expect.poll(() => popup.getByRole('status').textContent()).toBe(`Slide at ${time} added to the note.`);
  await popup.getByRole('textbox', { name: 'Note' }).fill(noteText);
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('button', { name: `Slide at ${time}: ${noteText}` }).count()).toBe(1);
}

test('export dialog left open with Include slides: a note (with its slide) deleted from the popup meanwhile is left out of the zip, which downloads', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  const popup = await session.openPopupFor(watch);
  await captureAndSave(popup, watch, 9.5, 'the architecture slide');
  await captureAndSave(popup, watch, 4.5, 'the problem statement');

  const library = await session.openLibrary();
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('checkbox', { name: 'Include slides' }).check();
  await expect.poll(() => dialog.getByText('Downloads a .zip: the talk log and a slides folder with 2 slides.').count()).toBe(1);

  // In the popup (another tab), the user deletes one of the notes: its slide goes with it.
  await popup.bringToFront();
  const note = popup.getByRole('listitem').filter({ hasText: 'the architecture slide' });
  await note.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => popup.getByRole('button', { name: 'Slide at 0:09: the architecture slide' }).count()).toBe(0);

  // Back in the library: the preview no longer has that note; the zip should hold the one slide left.
  await library.bringToFront();
  await expect.poll(() => dialog.locator('pre').textContent()).not.toContain('the architecture slide');
  await dialog.getByRole('button', { name: 'Download' }).click();
  // What the dialog says once Download was pressed: a zip downloaded, not an error.
  const footer = dialog.locator('footer');
  await expect.poll(() => footer.textContent(), { timeout: 5_000 }).toMatch(/Downloaded|Could not/);
  expect(await footer.textContent()).not.toContain('Could not export the slides');
  // And it never claimed a slide that is gone.
  expect(await dialog.getByText('Downloads a .zip: the talk log and a slides folder with 1 slide.').count()).toBe(1);
  const [download] = await Promise.all([library.waitForEvent('download', { timeout: 5_000 }), dialog.getByRole('button', { name: 'Download' }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).filter((name) => name.startsWith('slides/'))).toHaveLength(1);
});

test('export dialog left open with Include slides: a slide captured with a new note meanwhile is in the zip', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  const popup = await session.openPopupFor(watch);
  await captureAndSave(popup, watch, 4.5, 'the opening slide');
  const library = await session.openLibrary();
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('checkbox', { name: 'Include slides' }).check();
  await expect.poll(() => dialog.locator('pre').textContent()).toContain('Slide at 0:04');

  await popup.bringToFront();
  await captureAndSave(popup, watch, 12.5, 'the closing slide');

  await library.bringToFront();
  await expect.poll(() => dialog.locator('pre').textContent()).toContain('the closing slide');
  const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const log = strFromU8(files[Object.keys(files).find((name) => name.endsWith('.md'))!]);
  expect(log).toMatch(/the closing slide\n\n {2}!\[Slide at 0:12\]\(slides\/Sl1desT4lk0-12\.webp\)/);
});
