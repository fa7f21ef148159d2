import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();
const TALKS = 600;

const rows = `${role('list', 'Talks')} ${role('listitem')}`;
const drawnRows = (library: Page) => library.$$eval(rows, (drawn) => drawn.length);
const focusedRow = (library: Page) =>
  library.evaluate(() => {
    const row = document.activeElement?.closest('li');
    return row ? { position: Number(row.getAttribute('aria-posinset')), of: Number(row.getAttribute('aria-setsize')) } : null;
  });

test('in Firefox: a library of 600 talks imports with progress, draws a screenful, moves by keyboard and finds by search', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'talklog-scale-')), 'talklog-backup.json');
  writeFileSync(file, JSON.stringify(makeBackup({ talks: TALKS, notes: TALKS * 2 })));
  const library = await session.openExtensionPage('src/options/index.html', { width: 1100, height: 800 });
  // The import's bar, seen as it moved: the file is read and checked in a worker, then written in steps.
  await library.evaluate(() => {
    const seen = ((window as unknown as { seen: string[] }).seen = [] as string[]);
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label="Import progress"]');
      if (bar) seen.push(`progress ${bar.getAttribute('value')} of ${bar.getAttribute('max')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  // See backup-round-trip.firefox.ts: the file input is found through its label's text.
  const importLabel = await library.waitForSelector('::-p-text(Import backup)');
  await (await importLabel!.$('input[type=file]'))!.uploadFile(file);
  await expect
    .poll(async () => (await textsOf(library, role('status'))).join(' '), { timeout: 30_000 })
    .toBe(`Imported talklog-backup.json: ${TALKS} talks added, ${(TALKS * 2).toLocaleString('en')} notes added.`);
  await expect.poll(async () => (await textsOf(library, `::-p-text(${TALKS} talks)`)).length).toBeGreaterThan(0);
  const seen = await library.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen).toContainEqual(expect.stringMatching(new RegExp(`^progress \\d+ of ${TALKS * 3}$`)));

  // A screenful of rows is drawn, each saying its place in the whole list.
  const drawn = await drawnRows(library);
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(40);
  expect(await library.$eval(rows, (first) => [first.getAttribute('aria-posinset'), first.getAttribute('aria-setsize')])).toEqual(['1', String(TALKS)]);

  // The arrow keys walk the rows past those drawn; End and Home jump.
  await library.$eval(`${rows} h2 a`, (link) => (link as HTMLElement).focus());
  for (let i = 0; i < 30; i++) await library.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(library)).toEqual({ position: 31, of: TALKS });
  await library.keyboard.press('End');
  await expect.poll(() => focusedRow(library)).toEqual({ position: TALKS, of: TALKS });
  await session.screenshot(library, 'library-long-list-end');
  await library.keyboard.press('Home');
  await expect.poll(() => focusedRow(library)).toEqual({ position: 1, of: TALKS });

  // Scrolled far away, the list draws the rows there and keeps the focused one.
  await library.mouse.move(500, 500);
  for (let i = 0; i < 5; i++) await library.mouse.wheel({ deltaY: 4_000 });
  await expect.poll(() => library.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  const furthest = () => library.$$eval(rows, (drawnNow) => Math.max(...drawnNow.map((row) => Number(row.getAttribute('aria-posinset')))));
  await expect.poll(furthest).toBeGreaterThan(150);
  expect(await focusedRow(library)).toEqual({ position: 1, of: TALKS });
  expect(await drawnRows(library)).toBeLessThan(45);

  // Find in page would miss the rows not drawn: Ctrl+F goes to the Search box, which finds them all, marked.
  await library.keyboard.down('Control');
  await library.keyboard.press('f');
  await library.keyboard.up('Control');
  await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  await library.keyboard.type('cloud');
  await expect.poll(async () => (await textsOf(library, `::-p-text(of ${TALKS} talks)`)).join(' ')).toMatch(new RegExp(`^\\d+ of ${TALKS} talks$`));
  await expect.poll(async () => (await textsOf(library, `${rows} mark`)).length).toBeGreaterThan(0);
  expect((await textsOf(library, `${rows} mark`)).every((marked) => marked.toLowerCase() === 'cloud')).toBe(true);
  await session.screenshot(library, 'library-search');
});
