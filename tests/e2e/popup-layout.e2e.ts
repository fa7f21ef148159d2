import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { FIRST_NOTES } from '../../src/popup/NoteList';
import { ARTIFACTS, sessionForThisFile } from './extension';
import { openToolbarPopup } from './toolbar-popup';
import { inView } from './viewport';

const session = sessionForThisFile();

/** Where the popup's editor controls are drawn, against the view, and whether the page as a whole scrolls. In the page. */
function editorLayout() {
  const bottomOf = (name: string) =>
    [...document.querySelectorAll('textarea, button')]
      .find((control) => control.getAttribute('aria-label') === name || control.textContent === name)!
      .getBoundingClientRect().bottom;
  return {
    viewHeight: innerHeight,
    pageHeight: document.documentElement.scrollHeight,
    noteBoxBottom: [...document.querySelectorAll('textarea')][0]!.getBoundingClientRect().bottom,
    saveBottom: bottomOf('Save note'),
  };
}

/** Chromium's own toolbar popup, on the watch page's tab, once it is ready. */
async function toolbarPopupOn(watch: Page) {
  await watch.bringToFront();
  const toolbar = await openToolbarPopup(session.context, session.serviceWorker, session.extensionUrl('src/popup/index.html'));
  await expect.poll(() => toolbar.evaluate(() => performance.getEntriesByName('app-ready').length)).toBe(1);
  return toolbar;
}

// First, while the talk has no notes: the page is only a little taller than the short window.
test('a toolbar popup a little taller than its window fills it exactly: the page itself never scrolls', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const toolbar = await toolbarPopupOn(watch);
  // Read once the window has stopped following the page: the same layout two reads apart.
  let layout = await toolbar.evaluate(editorLayout);
  await expect
    .poll(async () => {
      const before = layout;
      layout = await toolbar.evaluate(editorLayout);
      return JSON.stringify(layout) === JSON.stringify(before);
    })
    .toBe(true);
  expect(layout.viewHeight).toBeLessThan(600);
  expect(layout.pageHeight).toBe(layout.viewHeight);
  expect(layout.saveBottom).toBeLessThanOrEqual(layout.viewHeight);
  await toolbar.close();
  await watch.close();
});

test('with many long notes the editor and its status stay in view in a 380x600 popup', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  const popup = await session.openPopupFor(watch);
  const box = popup.getByRole('textbox', { name: 'Note' });
  const paragraph = 'Scrape limits protect Prometheus from a target that suddenly exposes far too many series. ';
  for (let i = 1; i <= 8; i++) {
    await box.fill(`${i}. ${paragraph.repeat(3)}\n\n- one\n- two\n- three`);
    await box.press('Control+Enter');
    // The notes themselves, not the items of the lists they hold (notes show rendered).
    await expect.poll(() => popup.getByRole('list', { name: 'Notes' }).locator(':scope > li').count()).toBe(i);
  }
  await expect.poll(() => popup.getByRole('status').textContent()).toContain('Note saved');
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await inView(popup, ['textbox', { name: 'Note' }])).toBe(true);
    expect(await inView(popup, ['button', { name: 'Save note' }])).toBe(true);
    expect(await inView(popup, ['status'])).toBe(true);
    expect(await popup.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
    await session.screenshot(popup, `popup-many-notes-${colorScheme}`);
  }

  // Paged through by keyboard from a note's first control, every line of the notes shows above the editor.
  /** The part of the page in view above the editor, in the page's own coordinates, once a page's smooth scroll is over. */
  const shown = () =>
    popup.evaluate(async () => {
      const page = document.querySelector('.popup__main')!;
      // A scroll under way ends with scrollend; with none, the page is at rest once it has not moved for 150 ms.
      await new Promise<void>((resolve) => {
        let last = page.scrollTop;
        let stillSince = performance.now();
        const watch = setInterval(() => {
          if (page.scrollTop !== last) [last, stillSince] = [page.scrollTop, performance.now()];
          else if (performance.now() - stillSince >= 150) atRest();
        }, 10);
        const atRest = () => {
          clearInterval(watch);
          page.removeEventListener('scrollend', atRest);
          resolve();
        };
        page.addEventListener('scrollend', atRest);
      });
      const editorTop = document.querySelector('.note-editor')!.getBoundingClientRect().top - page.getBoundingClientRect().top;
      return { top: page.scrollTop, bottom: page.scrollTop + editorTop, end: page.scrollHeight - page.clientHeight };
    });
  await popup.getByRole('list', { name: 'Notes' }).getByRole('link').first().focus();
  for (const key of ['PageDown', 'PageUp']) {
    let before = await shown();
    for (let pages = 0; key === 'PageDown' ? before.top < before.end : before.top > 0; pages++) {
      await popup.keyboard.press(key);
      const after = await shown();
      // Each page shows the line the last one ended on, or began with.
      const overlap = key === 'PageDown' ? before.bottom - after.top : after.bottom - before.top;
      expect(overlap).toBeGreaterThan(0);
      before = after;
      expect(pages).toBeLessThan(20);
    }
  }
  // The note box, focused, keeps the page where it is.
  await popup.keyboard.press('PageDown');
  const atNotes = await shown();
  await popup.getByRole('textbox', { name: 'Note' }).focus();
  expect(await shown()).toEqual(atNotes);
});

test('a popup opens with the notes in view, the others come after it and are painted once scrolled to; the editor shows at once', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const first = await session.openPopupFor(watch);
  const box = first.getByRole('textbox', { name: 'Note' });
  const count = 14;
  const paragraph = 'Exemplars link a metric to the trace of one request that was counted in it. ';
  for (let i = 1; i <= count; i++) {
    await box.fill(`Note ${i}\n\n${paragraph.repeat(4)}`);
    await box.press('Control+Enter');
    await expect.poll(() => first.getByRole('list', { name: 'Notes' }).locator(':scope > li').count()).toBe(i);
  }
  await first.close();

  // With a look at the notes drawn as the popup marks itself ready.
  const popup = await session.openPopupFor(watch, (page) =>
    page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        const notes = document.querySelectorAll('[aria-label="Notes"] > li');
        if (name === 'app-ready')
          Object.assign(window, {
            notesAtReady: notes.length,
            lastAtReady: notes[notes.length - 1]?.getBoundingClientRect().top,
            editorAtReady: document.querySelector('form')?.getBoundingClientRect().top,
          });
        return mark(name, options);
      };
    }),
  );
  const list = popup.getByRole('list', { name: 'Notes' });
  /** Whether a note's text is laid out and painted (content-visibility: auto skips what is off screen). */
  const drawn = (i: number) => list.getByText(`Note ${i}`, { exact: true }).evaluate((text) => text.checkVisibility({ contentVisibilityAuto: true }));
  // The first notes come with the popup, the last of them out of view under the editor; the others once it is painted.
  const atReady = await popup.evaluate(() => {
    const { notesAtReady, lastAtReady, editorAtReady } = window as unknown as { notesAtReady: number; lastAtReady: number; editorAtReady: number };
    return { notesAtReady, lastAtReady, editorAtReady };
  });
  expect(atReady.notesAtReady).toBe(FIRST_NOTES);
  expect(atReady.lastAtReady).toBeGreaterThan(atReady.editorAtReady);
  await expect.poll(() => list.locator(':scope > li').count()).toBe(count);
  expect(await drawn(1)).toBe(true);
  expect(await drawn(count)).toBe(false);
  expect(await inView(popup, ['textbox', { name: 'Note' }])).toBe(true);
  await expect.poll(() => popup.getByRole('textbox', { name: 'Note' }).evaluate((editor) => editor === document.activeElement)).toBe(true);

  await list.hover();
  await popup.mouse.wheel(0, 5000);
  await expect.poll(() => drawn(count)).toBe(true);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await inView(popup, ['textbox', { name: 'Note' }])).toBe(true);
    await session.screenshot(popup, `popup-scrolled-notes-${colorScheme}`);
  }
});

test('the notes’ markdown styles come with the popup: no stylesheet for them is added while it opens', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  const first = await session.openPopupFor(watch);
  await first.getByRole('textbox', { name: 'Note' }).fill('Styled `code` and\n\n- a list');
  await first.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => first.getByRole('list', { name: 'Notes' }).locator(':scope > li').count()).toBe(1);
  await first.close();

  const popup = await session.openPopupFor(watch);
  // Drawn by the markdown renderer, loaded after the popup is up.
  await popup.getByRole('list', { name: 'Notes' }).getByRole('list').waitFor();
  const added = await popup.evaluate(async () => {
    const served = await (await fetch(location.href)).text();
    return [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
      .filter((link) => !served.includes(`href="${link.getAttribute('href')}"`))
      .filter((link) => [...(link.sheet?.cssRules ?? [])].some((rule) => rule instanceof CSSStyleRule && rule.selectorText.startsWith('.markdown')))
      .map((link) => link.href);
  });
  expect(added).toEqual([]);
});

test('in a popup window shorter than the 600 px the page asks for (a zoom over 100 %, a short screen) the note box and Save note stay in view', async () => {
  // Eight long notes from the test of many long notes.
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  // Chromium's own toolbar popup: headless, its screen is 600 px tall, and the window under the button shorter.
  const toolbar = await toolbarPopupOn(watch);
  const inToolbar = await toolbar.evaluate(editorLayout);
  expect(inToolbar.viewHeight).toBeLessThan(600);
  expect(inToolbar.pageHeight).toBeLessThanOrEqual(inToolbar.viewHeight);
  expect(inToolbar.saveBottom).toBeLessThanOrEqual(inToolbar.viewHeight);
  await toolbar.screenshot(resolve(ARTIFACTS, 'popup-toolbar-short-window.png'));
  await toolbar.close();

  // The popup page zoomed to 150 % while open: a 600 px window is 400 CSS px tall.
  const popup = await session.openPopupFor(watch);
  await popup.setViewportSize({ width: 380, height: 400 });
  await expect.poll(() => popup.evaluate(editorLayout)).toMatchObject({ viewHeight: 400, pageHeight: 400 });
  expect(await inView(popup, ['textbox', { name: 'Note' }])).toBe(true);
  expect(await inView(popup, ['button', { name: 'Save note' }])).toBe(true);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await session.screenshot(popup, `popup-short-window-${colorScheme}`);
  }
});
