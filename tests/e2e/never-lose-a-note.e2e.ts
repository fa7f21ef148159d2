import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

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

test('two pages on one talk see each other’s notes live, and a late edit keeps both versions', async () => {
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

  // An edit begun in the right page while the library changes the note keeps both versions.
  await right.getByRole('listitem').getByRole('button', { name: 'Edit' }).click();
  const library = await session.openLibrary();
  const row = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: 'Evolving Prometheus for More Use Cases' }) });
  await row.getByRole('button', { name: 'Details' }).click();
  await row.getByRole('button', { name: 'Edit note' }).click();
  await row.getByRole('textbox', { name: 'Note' }).fill('exemplars in the OpenMetrics format, with trace ids');
  await row.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => library.locator('.library > .announcer').getByRole('status').textContent()).toBe('Note updated.');

  await right.getByRole('textbox', { name: 'Note' }).fill('exemplars: trace ids on samples');
  await right.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => right.getByRole('status').textContent()).toContain('changed elsewhere');
  for (const page of [left, right]) {
    await expect
      .poll(() => page.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('exemplars in the OpenMetrics format, with trace ids'), expect.stringContaining('exemplars: trace ids on samples')]);
  }
});

test('a draft too big for the browser’s storage says so, keeps what fits, and throws nothing', async () => {
  const watch = await session.openYouTube('/watch?v=H0st1le_T1t');
  const popup = await session.openPopupFor(watch);
  const errors: Error[] = [];
  popup.on('pageerror', (error) => errors.push(error));
  const huge = 'a long talk transcript. '.repeat(250_000); // 6 million characters
  // Put in as a paste puts it: the value, then one input event. Playwright's fill inserts it through Chromium's editing, 12 s more for 6 million characters.
  await popup.getByRole('textbox', { name: 'Note' }).evaluate((box: HTMLTextAreaElement, text) => {
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, huge);
  await expect.poll(() => popup.getByRole('alert').textContent()).toContain('too long to keep as a draft');
  expect(errors).toEqual([]);
  await popup.close();

  const reopened = await session.openPopupFor(watch);
  const kept = await reopened.getByRole('textbox', { name: 'Note' }).inputValue();
  expect(kept.length).toBeGreaterThan(1_000_000);
  expect(huge.startsWith(kept)).toBe(true);
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
