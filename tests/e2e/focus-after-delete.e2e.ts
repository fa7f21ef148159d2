// Keyboard focus after a delete: the deleted item takes the focus with it, and Undo should get it, not <body>.
// The announcement and the row's removal race, so each case is tried several times.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();
const settle = () => new Promise((r) => setTimeout(r, 500));
const focusIsOn = (p: Page) =>
  p.evaluate(() => {
    const e = document.activeElement;
    return !e || e === document.body ? 'body' : `${e.tagName}:${e.textContent?.trim().slice(0, 30)}`;
  });

/** Presses Enter on `button`, waits for the status and for the page to settle; says where the focus is then. */
async function pressAndSeeFocus(page: Page, button: ReturnType<Page['locator']>, status: string): Promise<string> {
  await expect.poll(() => button.count()).toBeGreaterThan(0);
  await button.first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain(status);
  await settle();
  return focusIsOn(page);
}

async function undo(page: Page) {
  await page.getByRole('button', { name: 'Undo' }).click();
  await settle();
}

test('keyboard only: Delete on a note in the popup never drops the focus to <body> (5 tries)', async () => {
  const popup = await session.openPopupFor(await session.openYouTube('/watch?v=Pr0meTheus1'));
  await popup.getByRole('textbox', { name: 'Note' }).fill('first note');
  await popup.keyboard.press('Control+Enter');
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    seen.push(await pressAndSeeFocus(popup, popup.getByRole('button', { name: 'Delete' }), 'Note deleted'));
    await undo(popup);
  }
  expect(seen.filter((f) => f === 'body')).toEqual([]);
});

test('keyboard only: Remove from library in the popup never drops the focus to <body> (5 tries)', async () => {
  const popup = await session.openPopupFor(await session.openYouTube('/watch?v=Pr0meTheus1'));
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    seen.push(await pressAndSeeFocus(popup, popup.getByRole('button', { name: 'Remove from library' }), 'Removed from your library'));
    await undo(popup);
  }
  expect(seen.filter((f) => f === 'body')).toEqual([]);
});

test('keyboard only: in the library, Delete (note) and Delete talk never drop the focus to <body> (3 tries each)', async () => {
  const popup = await session.openPopupFor(await session.openYouTube('/watch?v=H0st1le_T1t'));
  await popup.getByRole('textbox', { name: 'Note' }).fill('a note to delete');
  await popup.keyboard.press('Control+Enter');
  await expect.poll(() => popup.getByRole('button', { name: 'Delete' }).count()).toBe(1);
  const library = await session.openLibrary();
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const details = library.locator('button', { hasText: /Details$/ }).first();
    if ((await details.textContent())?.includes('▸')) {
      await details.focus();
      await library.keyboard.press('Enter');
    }
    seen.push('note:' + (await pressAndSeeFocus(library, library.locator('button', { hasText: /^Delete$/ }), 'Note deleted')));
    await undo(library);
    seen.push('talk:' + (await pressAndSeeFocus(library, library.locator('button', { hasText: /^Delete talk$/ }), 'Deleted 1 talk')));
    await undo(library);
  }
  expect(seen.filter((f) => f.endsWith(':body'))).toEqual([]);
});
