import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { sessionForThisFile, startTalklogSession, type TalklogSession } from './extension';
import { readStoredSlides, seekMainPlayer } from './slide-frames';

const source = sessionForThisFile();
let fresh: TalklogSession | null = null;
afterAll(() => fresh?.close());

/** Both exports happen at this moment: the backup's `exportedAt` and its entries' dates come from it. */
const EXPORTED_AT = new Date('2026-11-26T05:00:00.000Z');
const ZIP_NAME = 'talklog-backup-2026-11-26.zip';

/** The library page with its clock held at EXPORTED_AT, so that two exports can be compared byte for byte. */
async function openLibrary(session: TalklogSession): Promise<Page> {
  const library = await session.context.newPage();
  await library.clock.setFixedTime(EXPORTED_AT);
  await library.goto(session.extensionUrl('src/options/index.html'));
  // With Playwright's clock installed the page's app-ready mark is not found (waitForAppReady times out): wait for the page itself.
  await library.getByLabel('Import backup').waitFor();
  return library;
}

async function exportBackup(library: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export backup' }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('a backup with slides exported from the library imports into a fresh profile, slides and all, and exports again byte for byte', async () => {
  // Two slides with a note, captured as a user does.
  const watch = await source.openYouTube('/watch?v=Sl1desT4lk0');
  await seekMainPlayer(watch, 9.5);
  const popup = await source.openPopupFor(watch);
  await popup.getByRole('button', { name: 'Capture slide' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Slide at 0:09 added to the note.');
  await seekMainPlayer(watch, 4.5);
  await popup.getByRole('button', { name: 'Capture slide' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Slide at 0:04 added to the note.');
  await popup.getByRole('textbox', { name: 'Note' }).fill('the architecture, then the problem');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('button', { name: /^Slide at 0:0[49]: / }).count()).toBe(2);

  const library = await openLibrary(source);
  const exported = await exportBackup(library);
  expect(exported.name).toBe(ZIP_NAME);
  await expect.poll(() => library.getByRole('status').textContent()).toBe(`Backup saved as ${ZIP_NAME}: 1 talk, 1 note, 2 slides.`);
  const files = unzipSync(new Uint8Array(exported.bytes));
  const slides = await readStoredSlides(library);
  expect(slides).toHaveLength(2);
  expect(Object.keys(files)).toEqual(['talklog-backup.json', ...slides.flatMap((slide) => [`slides/${slide.id}.webp`, `slides/thumbnails/${slide.id}.webp`])]);
  for (const slide of slides) expect(createHash('sha256').update(files[`slides/${slide.id}.webp`]).digest('hex')).toBe(slide.sha256);

  // A fresh profile: a hostile zip is refused and changes nothing; the backup brings back every slide.
  fresh = await startTalklogSession();
  const restored = await openLibrary(fresh);
  const importInput = restored.getByLabel('Import backup');
  const hostile = unzipSync(new Uint8Array(exported.bytes));
  hostile['../../evil.webp'] = strToU8('RIFF');
  await importInput.setInputFiles({ name: 'evil.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(hostile, { level: 0 })) });
  await expect
    .poll(() => restored.getByRole('alert').allTextContents())
    .toContain('Nothing was imported from evil.zip. "../../evil.webp" in the zip climbs out of the backup with "..": Talklog never writes such a path.');
  expect(await readStoredSlides(restored)).toEqual([]);

  await importInput.setInputFiles({ name: ZIP_NAME, mimeType: 'application/zip', buffer: exported.bytes });
  await expect.poll(() => restored.getByRole('status').textContent()).toBe(`Imported ${ZIP_NAME}: 1 talk added, 1 note added, 2 slides added.`);
  expect(await readStoredSlides(restored)).toEqual(slides);

  // The library shows them, and a second export is the same file, byte for byte.
  const row = restored.getByRole('listitem').filter({ has: restored.getByRole('heading', { level: 2 }) });
  await row.getByRole('button', { name: 'Details' }).click();
  await expect.poll(() => restored.getByRole('button', { name: /^Slide at 0:0[49]: the architecture/ }).count()).toBe(2);
  await fresh.screenshot(restored, 'backup-with-slides-restored');
  const again = await exportBackup(restored);
  expect(again.name).toBe(ZIP_NAME);
  expect(again.bytes.equals(exported.bytes)).toBe(true);
});
