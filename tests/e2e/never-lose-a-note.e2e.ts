import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';
import { DRAFT_PREFIX } from '../../src/popup/drafts';

const session = sessionForThisFile();

test('closing the popup at any point in the typing, even right after the last key, loses nothing', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const sentence = 'counters need the _total suffix; timestamps are seconds';
  for (const cut of [1, 7, 23, sentence.length]) {
    const popup = await session.openPopupFor(watch);
    const box = popup.getByRole('textbox', { name: 'Note' });
    const typed = await box.inputValue();
    expect(sentence.startsWith(typed)).toBe(true);
    await box.pressSequentially(sentence.slice(typed.length, cut));
    await popup.close();
  }
  const reopened = await session.openPopupFor(watch);
  expect(await reopened.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(sentence);
  await reopened.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => reopened.getByRole('listitem').filter({ hasText: sentence }).count()).toBe(1);
  expect(await reopened.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');
});

test('two pages on one talk see each other’s notes live, and the library follows their edit as another popup would', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const left = await session.openPopupFor(watch);
  const right = await session.openPopupFor(watch);

  await left.getByRole('textbox', { name: 'Note' }).fill('exemplars in OpenMetrics');
  await left.getByRole('button', { name: 'Save note' }).click();
  const inRight = right.getByRole('listitem').filter({ hasText: 'exemplars in OpenMetrics' });
  await expect.poll(() => inRight.count()).toBe(1);

  await left.getByRole('listitem').getByRole('button', { name: 'Edit' }).click();
  await right.getByRole('listitem').getByRole('button', { name: 'Edit' }).click();
  await left.getByRole('textbox', { name: 'Note' }).fill('exemplars in the OpenMetrics format');
  await expect.poll(() => right.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('exemplars in the OpenMetrics format');
  await left.getByRole('button', { name: 'Save note' }).click();
  // The right page followed the left one's typing: once the left one saved, the edit is over there too, with
  // nothing left in its box that a Save would add again.
  await expect.poll(() => right.getByText('Editing a note', { exact: false }).count()).toBe(0);
  expect(await right.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('');
  await expect.poll(() => right.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('exemplars in the OpenMetrics format')]);

  // The library shares the talk's one edit draft: an edit of the note typed in the right page is named at the top of
  // the library and opened with its words; what is typed there shows in the right page, and its Save ends the edit
  // there too, not left open to save the old words again as a second version.
  await right.getByRole('listitem').getByRole('button', { name: 'Edit' }).click();
  await right.getByRole('textbox', { name: 'Note' }).fill('exemplars: trace ids on samples');
  const library = await session.openLibrary();
  await expect.poll(() => library.getByText('An edit of a note on “Evolving Prometheus for More Use Cases” was not saved.').count()).toBe(1);
  await library.getByRole('button', { name: 'Open the unsaved edit' }).click();
  const row = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: 'Evolving Prometheus for More Use Cases' }) });
  const inLibrary = row.getByRole('textbox', { name: 'Note' });
  await expect.poll(() => inLibrary.inputValue()).toBe('exemplars: trace ids on samples');
  await inLibrary.fill('exemplars: trace ids on samples, in the OpenMetrics format');
  await expect.poll(() => right.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('exemplars: trace ids on samples, in the OpenMetrics format');
  await row.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => library.locator('.library > .announcer').getByRole('status').textContent()).toBe('Note updated.');
  await expect.poll(() => right.getByText('Editing a note', { exact: false }).count()).toBe(0);
  for (const page of [left, right]) {
    await expect
      .poll(() => page.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('exemplars: trace ids on samples, in the OpenMetrics format')]);
  }
  await library.close();
});

test('a draft too big for the browser’s storage says so, keeps what fits, and throws nothing', async () => {
  const watch = await session.openYouTube('/watch?v=H0st1le_T1t');
  const popup = await session.openPopupFor(watch);
  const errors: Error[] = [];
  popup.on('pageerror', (error) => errors.push(error));
  // Another talk's long draft holds most of the storage (about 5 million characters in Chromium), so that a paste just
  // over a note's limit does not fit: the path of one paste of 6 million characters, at a fifth of the browser's work.
  const other = `${DRAFT_PREFIX}t_Pr0meTheus1:new`;
  await popup.evaluate(({ key, body }) => localStorage.setItem(key, JSON.stringify({ id: 'n_other', body: 'x'.repeat(body), atSec: null, editing: null })), {
    key: other,
    body: 4_700_000,
  });
  const phrase = 'a long talk transcript. ';
  // Put in as a paste puts it: the value, then one input event. Playwright's fill inserts it through Chromium's
  // editing, seconds more; and made in the page, not sent there.
  await popup.getByRole('textbox', { name: 'Note' }).evaluate((box: HTMLTextAreaElement, text) => {
    box.value = text.repeat(50_000);
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, phrase);
  await expect.poll(() => popup.getByRole('alert').textContent()).toContain('too long to keep as a draft');
  // Not told to save it as it is: over a note's limit, that would be refused.
  expect(await popup.getByRole('alert').textContent()).toContain('it has 1,200,000 characters, and a note holds at most 1,000,000.');
  await session.screenshot(popup, 'popup-draft-over-note-limit');
  expect(errors).toEqual([]);
  await popup.close();

  const reopened = await session.openPopupFor(watch);
  const kept = await reopened.getByRole('textbox', { name: 'Note' }).evaluate((box: HTMLTextAreaElement, text) => {
    const whole = text.repeat(50_000);
    return { length: box.value.length, aStart: whole.startsWith(box.value) };
  }, phrase);
  expect(kept.length).toBeGreaterThan(400_000);
  expect(kept.aStart).toBe(true);
  // The other draft is whole: nothing was pushed out to make room.
  expect(await reopened.evaluate((key) => JSON.parse(localStorage.getItem(key)!).body.length, other)).toBe(4_700_000);
});

test('a note deleted in the popup while the library edits it keeps the library’s text, and Save brings it back', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(watch);
  await popup.getByRole('textbox', { name: 'Note' }).fill('histograms need le labels');
  await popup.getByRole('button', { name: 'Save note' }).click();
  const inPopup = popup.getByRole('listitem').filter({ hasText: 'histograms' });
  await expect.poll(() => inPopup.count()).toBe(1);
  const title = (await popup.getByRole('heading', { level: 1 }).textContent())!;

  const library = await session.openLibrary();
  const row = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: title }) });
  await row.getByRole('button', { name: 'Details' }).click();
  await row.getByRole('listitem').filter({ hasText: 'histograms' }).getByRole('button', { name: 'Edit note' }).click();
  const box = row.getByRole('textbox', { name: 'Note' });
  await box.fill('histograms need le labels, and native ones do not');

  await inPopup.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => inPopup.count()).toBe(0);
  await expect.poll(() => row.getByText('This note was deleted elsewhere while you edited it.', { exact: false }).count()).toBe(1);
  expect(await box.inputValue()).toBe('histograms need le labels, and native ones do not');
  await session.screenshot(library, 'library-note-deleted-while-edited');

  await row.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => library.locator('.library > .announcer').getByRole('status').textContent()).toBe('Your text is saved as a note again.');
  await expect.poll(() => inPopup.allTextContents()).toEqual([expect.stringContaining('histograms need le labels, and native ones do not')]);
});

// Last in the file: the update replaces the extension's worker under the session.
test('words typed in a library note edit survive an update of Talklog, which closes the library unasked, and are named there after', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(watch);
  // Room for the draft: the storage is left full by the too-big draft earlier in this file.
  await popup.evaluate(() => Object.keys(localStorage).forEach((key) => localStorage.removeItem(key)));
  await popup.getByRole('textbox', { name: 'Note' }).fill('summaries are not aggregatable');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('listitem').filter({ hasText: 'summaries' }).count()).toBe(1);
  const title = (await popup.getByRole('heading', { level: 1 }).textContent())!;
  await popup.close();

  const library = await session.openLibrary();
  const rowIn = (page: typeof library) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await rowIn(library).getByRole('button', { name: 'Details' }).click();
  await rowIn(library).getByRole('listitem').filter({ hasText: 'summaries' }).getByRole('button', { name: 'Edit note' }).click();
  await rowIn(library).getByRole('textbox', { name: 'Note' }).pressSequentially(', histograms are');

  await session.update();
  await expect.poll(() => library.isClosed(), { timeout: 15_000 }).toBe(true);

  const again = await session.openLibrary();
  await expect.poll(() => again.getByText(`An edit of a note on “${title}” was not saved.`).count()).toBe(1);
  // By keyboard: the button takes the focus and Enter opens the edit, the focus in its box.
  await again.getByRole('button', { name: 'Open the unsaved edit' }).focus();
  await session.screenshot(again, 'library-unsaved-edit-after-update');
  await again.keyboard.press('Enter');
  const box = rowIn(again).getByRole('textbox', { name: 'Note' });
  await expect.poll(() => box.inputValue()).toBe('summaries are not aggregatable, histograms are');
  await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
  await again.keyboard.type(' aggregatable');
  await again.keyboard.press('Control+Enter');
  await expect.poll(() => again.locator('.library > .announcer').getByRole('status').textContent()).toBe('Note updated.');
  expect(await again.getByRole('button', { name: 'Open the unsaved edit' }).count()).toBe(0);

  const reopened = await session.openPopupFor(watch);
  await expect.poll(() => reopened.getByRole('listitem').filter({ hasText: 'summaries are not aggregatable, histograms are aggregatable' }).count()).toBe(1);
  expect(await reopened.getByText('Editing a note', { exact: false }).count()).toBe(0);
  await again.close();
  const afterSave = await session.openLibrary();
  await rowIn(afterSave).getByRole('button', { name: 'Details' }).waitFor();
  expect(await afterSave.getByRole('button', { name: 'Open the unsaved edit' }).count()).toBe(0);
});
