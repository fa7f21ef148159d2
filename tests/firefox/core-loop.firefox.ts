import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { seekPlayer } from '../e2e/in-page';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();

test('in Firefox: clip a talk from the popup, note a moment, see it in the sidebar and the library, export the talk log', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1&list=PLj6h78yzYM2&index=3');
  await watch.evaluate(seekPlayer, 754.6);

  const popup = await session.openPopupFor(watch);
  await expect.poll(() => textsOf(popup, role('heading'))).toContain('Evolving Prometheus for More Use Cases');
  // Opening the popup clipped the talk: it says so.
  await expect.poll(async () => (await textsOf(popup, '::-p-text(In your library)')).length).toBe(1);

  await popup.locator(role('textbox', 'Note')).fill('new scrape limits: `sample_limit`, `label_limit`');
  await expect.poll(async () => (await textsOf(popup, '::-p-text(At 12:34)')).length).toBe(1);
  await watch.evaluate(seekPlayer, 800);
  await popup.locator(role('button', 'Save note')).click();
  await expect.poll(async () => (await textsOf(popup, role('status'))).join(' ')).toContain('Note saved at 12:34.');
  await expect.poll(() => popup.$eval('textarea', (box) => box.value)).toBe('');
  const timeLinks = () => popup.$$eval(role('link', 'Play from 12:34'), (links) => links.map((link) => link.getAttribute('href')));
  await expect.poll(timeLinks).toEqual(['https://www.youtube.com/watch?v=Pr0meTheus1&t=754s']);
  await session.screenshot(popup, 'popup');

  const sidebar = await session.openExtensionPage(`src/popup/side-panel.html?tab=${await session.tabIdOf(watch)}`, { width: 360, height: 720 });
  await expect.poll(() => textsOf(sidebar, role('heading'))).toContain('Evolving Prometheus for More Use Cases');
  await expect.poll(() => textsOf(sidebar, role('listitem'))).toEqual([expect.stringContaining('new scrape limits')]);
  await session.screenshot(sidebar, 'sidebar');

  const library = await session.openExtensionPage('src/options/index.html');
  const talks = `${role('list', 'Talks')} ${role('heading')}`;
  await expect.poll(() => textsOf(library, talks)).toEqual(['Evolving Prometheus for More Use Cases']);
  await expect.poll(async () => (await textsOf(library, '::-p-text(1 note)')).length).toBeGreaterThan(0);
  await session.screenshot(library, 'library');

  // The library can open scrolled a little down, this button only a sliver in view: an element
  // handle's click scrolls it fully into view first (as Playwright does), a locator's does not.
  await (await library.waitForSelector(role('button', 'Export markdown')))!.click();
  await library.locator(`${role('dialog', 'Export markdown')} ${role('button', 'Download')}`).click();
  const markdown = readFileSync(await session.downloaded(/^talklog-\d{4}-\d{2}-\d{2}\.md$/), 'utf8');
  expect(markdown).toContain('### [Evolving Prometheus for More Use Cases](https://www.youtube.com/watch?v=Pr0meTheus1)');
  expect(markdown).toContain('- [12:34](https://www.youtube.com/watch?v=Pr0meTheus1&t=754s) new scrape limits: `sample_limit`, `label_limit`');

  // Deleting loads its code when asked for: the delete and its Undo run in Firefox too.
  await popup.bringToFront(); // the library's tab was selected over it: a background tab gets no animation frames
  await popup.locator(role('button', 'Delete')).click();
  await expect.poll(() => textsOf(popup, role('listitem'))).toEqual([]);
  await popup.locator(role('button', 'Undo')).click();
  await expect.poll(() => textsOf(popup, role('listitem'))).toEqual([expect.stringContaining('new scrape limits')]);
});

test('in Firefox: after YouTube’s in-page navigation the open popup follows, and the note lands on the new talk', async () => {
  // titleLagMs: document.title keeps naming the first video for 5 s, as YouTube's can.
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1&titleLagMs=5000');
  const popup = await session.openPopupFor(watch);
  await expect.poll(() => textsOf(popup, role('heading'))).toContain('Evolving Prometheus for More Use Cases');

  await watch.bringToFront();
  await watch.locator(role('link', 'What You Need to Know About OpenMetrics - Richard Hartmann & Ben Kochie CNCF [Cloud Native Computing Foundation]')).click();
  await expect.poll(() => watch.evaluate(() => location.search)).toBe('?v=OpenMetr1cs');
  expect(await watch.title()).toContain('Evolving Prometheus');

  await popup.bringToFront(); // a background tab gets no animation frames, which Puppeteer's locators wait on
  await expect.poll(() => textsOf(popup, role('heading'))).toContain('What You Need to Know About OpenMetrics');
  await watch.evaluate(seekPlayer, 95);
  await popup.locator(role('textbox', 'Note')).fill('counters need the _total suffix');
  await popup.locator(role('button', 'Save note')).click();
  await expect.poll(async () => (await textsOf(popup, role('status'))).join(' ')).toContain('Note saved at 1:35.');
  const notes = await session.readStore<{ talkId: string; atSec: number | null }>('notes');
  expect(notes.filter((note) => note.atSec === 95).map((note) => note.talkId)).toEqual(['t_OpenMetr1cs']);
});

test('in Firefox: a popup of long notes pages down by the view above its editor, and Tab brings each control clear of it', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  const popup = await session.openExtensionPage(`src/popup/index.html?tab=${await session.tabIdOf(watch)}`, { width: 380, height: 600 });
  const paragraph = 'Exemplars link a metric to the trace of one request that was counted in it. ';
  // Save note found once: a locator's click looks the button up in the accessibility tree again, and waits for it to
  // hold still over animation frames, half a second a note here.
  const box = popup.locator(role('textbox', 'Note'));
  const save = (await popup.waitForSelector(role('button', 'Save note')))!;
  for (let i = 1; i <= 8; i++) {
    await box.fill(`${i}. ${paragraph.repeat(3)}`);
    await save.click();
    await expect.poll(() => popup.$$eval('.popup__main a.time-link', (links) => links.length)).toBe(i);
  }
  /** The part of the page in view above the editor, once a smooth scroll is over; and the focused control's bottom. */
  const shown = () =>
    popup.evaluate(async () => {
      const page = document.querySelector('.popup__main')!;
      for (let last = -1; page.scrollTop !== last;) {
        last = page.scrollTop;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const editorTop = document.querySelector('.note-editor')!.getBoundingClientRect().top;
      const focused = document.activeElement!;
      return {
        top: page.scrollTop,
        bottom: page.scrollTop + editorTop - page.getBoundingClientRect().top,
        end: page.scrollHeight - page.clientHeight,
        focusedClear: focused.closest('form') !== null || focused.getBoundingClientRect().bottom <= editorTop,
      };
    });
  await popup.$eval('.popup__main a.time-link', (link) => (link as HTMLElement).focus());
  let before = await shown();
  for (let pages = 0; before.top < before.end; pages++) {
    await popup.keyboard.press('PageDown');
    const after = await shown();
    // Each page shows the line the last one ended on.
    expect(after.top).toBeLessThan(before.bottom);
    before = after;
    expect(pages).toBeLessThan(20);
  }
  await popup.$eval('.popup__main', (page) => page.scrollTo(0, 0));
  await popup.$eval('.popup__main a.time-link', (link) => (link as HTMLElement).focus());
  for (let steps = 0; !(await popup.evaluate(() => document.activeElement!.closest('form') !== null)); steps++) {
    await popup.keyboard.press('Tab');
    expect((await shown()).focusedClear).toBe(true);
    expect(steps).toBeLessThan(40);
  }
});
