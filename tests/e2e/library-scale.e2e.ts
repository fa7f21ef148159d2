import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { makeBackup } from '../../scripts/bench/dataset.mjs';
import { EXCERPT_HEIGHT } from '../../src/options/row-estimate';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();
const TALKS = 600;

/** What the read-ahead test logs in the page: see there. */
interface ReadLog {
  events: string[];
  begun: number;
  done: number;
  /** When a read last began or ended, by the page's clock. */
  lastAt: number;
}

const talkList = (library: Page) => library.getByRole('list', { name: 'Talks' });
/** Rows in the page's DOM: the list draws only those near where the page is scrolled to. */
const drawnRows = (library: Page) => talkList(library).getByRole('listitem').count();
const focusedRow = (library: Page) =>
  library.evaluate(() => {
    const row = document.activeElement?.closest('li');
    return row ? { position: Number(row.getAttribute('aria-posinset')), of: Number(row.getAttribute('aria-setsize')) } : null;
  });

/** The place in the list of the furthest row drawn. */
const furthestRow = (library: Page) =>
  talkList(library)
    .getByRole('listitem')
    .evaluateAll((rows) => Math.max(...rows.map((row) => Number(row.getAttribute('aria-posinset')))));

/** Rows drawn wholly below or above the window now. */
const rowsBeyond = (library: Page) =>
  library.evaluate(() => {
    const rows = [...document.querySelectorAll('ul.talk-list > li')].map((row) => row.getBoundingClientRect());
    return { below: rows.filter((row) => row.top >= innerHeight).length, above: rows.filter((row) => row.bottom <= 0).length };
  });

/**
 * Watches, every frame from now on, how many rows are drawn wholly beyond the window's bottom edge (or its top); the
 * function it returns gives the most seen.
 */
async function watchRowsBeyond(library: Page, edge: 'below' | 'above' = 'below'): Promise<() => Promise<number>> {
  type Seen = { mostBeyond: Record<string, number> };
  await library.evaluate((edge) => {
    const seen = window as unknown as Seen;
    seen.mostBeyond = { ...seen.mostBeyond, [edge]: 0 };
    const list = document.querySelector('ul.talk-list')!;
    const beyond = (row: Element) => (edge === 'below' ? row.getBoundingClientRect().top >= innerHeight : row.getBoundingClientRect().bottom <= 0);
    const look = () => {
      seen.mostBeyond[edge] = Math.max(seen.mostBeyond[edge], [...list.children].filter(beyond).length);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, edge);
  return () => library.evaluate((edge) => (window as unknown as Seen).mostBeyond[edge], edge);
}

type Backup = ReturnType<typeof makeBackup>;

/** Whether this file's session holds the generated library already. */
let imported = false;

/**
 * The library of `talks` generated talks, in a page of its own. The first call of the file imports them (and checks
 * what the page shows while it does); the next find them in the database, as the same backup imported again would
 * leave it. `edit` changes the generated backup, and imports it again.
 */
async function libraryOf(talks: number, edit?: (backup: Backup) => void): Promise<Page> {
  const library = await session.context.newPage();
  await library.setViewportSize({ width: 1100, height: 800 });
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  if (imported && !edit) {
    await library.getByText(`${talks} talks`, { exact: true }).waitFor();
    return library;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'talklog-scale-')), 'talklog-backup.json');
  const backup = makeBackup({ talks, notes: talks * 2 });
  edit?.(backup);
  writeFileSync(file, JSON.stringify(backup));
  // Everything the page said and showed while importing, seen as it happened.
  await library.evaluate(() => {
    const seen = ((window as unknown as { seen: string[] }).seen = [] as string[]);
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[role=status]')) if (status.textContent) seen.push(status.textContent.trim());
      const bar = document.querySelector('progress[aria-label="Import progress"]');
      if (bar) seen.push(`progress ${bar.getAttribute('value')} of ${bar.getAttribute('max')}`);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await library.getByLabel('Import backup').setInputFiles(file);
  await expect.poll(() => library.getByRole('status').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^Imported /));
  await expect.poll(() => library.getByText(`${TALKS} talks`, { exact: true }).count()).toBe(1);
  const seen = await library.evaluate(() => (window as unknown as { seen: string[] }).seen);
  // First the file read and checked, the bar claiming no progress; then its writing, counted.
  const reading = seen.indexOf('Reading talklog-backup.json…');
  expect(reading).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf('progress null of null')).toBeGreaterThan(reading);
  expect(seen.findIndex((said) => said.startsWith('Importing talklog-backup.json'))).toBeGreaterThan(reading);
  expect(seen).toContainEqual(expect.stringMatching(new RegExp(`^progress \\d+ of ${talks * 3}$`)));
  imported = true;
  return library;
}

test('a long list draws a screenful, tells each row’s place, moves by keyboard and keeps the focused row', async () => {
  const library = await libraryOf(TALKS);
  const drawn = await drawnRows(library);
  expect(drawn).toBeGreaterThan(3);
  expect(drawn).toBeLessThan(40);

  // Each row says where it stands in the whole list, for screen readers.
  const first = talkList(library).getByRole('listitem').first();
  expect(await first.getAttribute('aria-posinset')).toBe('1');
  expect(await first.getAttribute('aria-setsize')).toBe(String(TALKS));

  // Arrow keys walk the rows from the title link, past the drawn ones; End and Home jump.
  await first.getByRole('heading').getByRole('link').focus();
  for (let i = 0; i < 30; i++) await library.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(library)).toEqual({ position: 31, of: TALKS });
  await library.keyboard.press('End');
  await expect.poll(() => focusedRow(library)).toEqual({ position: TALKS, of: TALKS });
  await session.screenshot(library, 'library-long-list-end');
  await library.keyboard.press('ArrowUp');
  await expect.poll(() => focusedRow(library)).toEqual({ position: TALKS - 1, of: TALKS });
  await library.keyboard.press('Home');
  await expect.poll(() => focusedRow(library)).toEqual({ position: 1, of: TALKS });

  // Scrolled far away, the focused row stays drawn and focused.
  await library.mouse.wheel(0, 20_000);
  await expect.poll(() => library.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  // (Which rows are there depends on how tall rows are taken to be before they are measured.)
  await expect.poll(() => furthestRow(library)).toBeGreaterThan(150);
  expect(await focusedRow(library)).toEqual({ position: 1, of: TALKS });
  expect(await drawnRows(library)).toBeLessThan(45);
  await session.screenshot(library, 'library-long-list-scrolled');

  // Find in page would miss the rows not drawn: Ctrl+F goes to the Search box, which finds them all.
  await library.keyboard.press('Control+F');
  const search = library.getByRole('searchbox', { name: 'Search' });
  await expect.poll(() => search.evaluate((box) => box === document.activeElement)).toBe(true);
  await library.keyboard.type('cloud');
  await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
  await library.close();
});

test('the library opens without moving what it has drawn: the first screen, then the rest as it is read', async () => {
  const library = await libraryOf(TALKS);
  await library.close();
  const opening = await session.context.newPage();
  await opening.setViewportSize({ width: 1100, height: 800 });
  // Every layout shift the browser counts (the Layout Instability API), with what moved, from the first paint on.
  await opening.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = ((window as unknown as { shifts: unknown }).shifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[])
        shifts.push({
          value: entry.value,
          moved: entry.sources.map(({ node }) => (node instanceof Element ? `${node.tagName}.${node.className}` : String(node?.nodeName))),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await opening.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(opening);
  // The whole library read: the storage line's counts, Export, and the settings below the list.
  await expect.poll(() => opening.getByRole('button', { name: 'Export markdown' }).isEnabled()).toBe(true);
  await expect.poll(() => opening.getByText(`${TALKS} talks ·`, { exact: false }).count()).toBe(1);
  await opening.waitForTimeout(300);
  const shifts = await opening.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
  // A count's text growing in its line moves it a few pixels (0.0001); a line coming above the list moved it 0.05.
  expect(shifts.filter((shift) => shift.value > 0.001)).toEqual([]);
  await opening.close();
});

test('a search draws the window’s rows and one beyond it, where they were; a scroll draws more ahead while it lasts', async () => {
  const library = await libraryOf(TALKS);
  const beyond = () => rowsBeyond(library);
  const listTop = () => library.evaluate(() => document.querySelector('ul.talk-list')!.getBoundingClientRect().top);
  const topBefore = await listTop();
  await library.getByRole('searchbox', { name: 'Search' }).fill('cloud');
  await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
  // The list stays where it was (`Clear filters` comes beside the count), so its rows are placed once.
  expect(await listTop()).toBe(topBefore);
  // Each row a keystroke draws is one the user waits for: the next row is there for Tab and the arrows, no more.
  await expect.poll(beyond).toEqual({ below: 1, above: 0 });

  // While the page scrolls, rows are drawn further ahead, so that the scroll finds them drawn.
  const mostBelow = await watchRowsBeyond(library);
  for (let i = 0; i < 5; i++) await library.mouse.wheel(0, 400);
  await expect.poll(mostBelow).toBeGreaterThanOrEqual(4);
  // Once it stops, one row beyond each edge again: Tab from the window's last row goes on to the next.
  await expect.poll(beyond).toEqual({ below: 1, above: 1 });
  const lastInWindow = await library.evaluate(() =>
    Math.max(
      ...[...document.querySelectorAll('ul.talk-list > li')]
        .filter((row) => row.getBoundingClientRect().top < innerHeight)
        .map((row) => Number(row.getAttribute('aria-posinset'))),
    ),
  );
  await talkList(library).locator(`[aria-posinset="${lastInWindow}"]`).getByRole('button', { name: 'Details' }).focus();
  await library.keyboard.press('Tab');
  await expect.poll(() => focusedRow(library)).toMatchObject({ position: lastInWindow + 1 });
  await library.close();
});

test('keys that move the focus down the list scroll it a row at a time, with no rows drawn ahead for that scroll', async () => {
  const library = await libraryOf(TALKS);
  await talkList(library).getByRole('listitem').first().getByRole('heading').getByRole('link').focus();
  const mostBelow = await watchRowsBeyond(library);
  for (let i = 0; i < 12; i++) await library.keyboard.press('ArrowDown');
  await expect.poll(() => focusedRow(library)).toEqual({ position: 13, of: TALKS });
  expect(await library.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  // The next row is drawn for the next key, as at rest: rows drawn ahead of a scroll, then taken away as it stops,
  // were a render at each key and another after it, for a scroll of one row.
  expect(await mostBelow()).toBe(1);
  await library.close();
});

test('keys with pauses between them: each scroll comes to rest with one row beyond the window, however the browser rounded it', async () => {
  const library = await libraryOf(TALKS);
  await talkList(library).getByRole('listitem').first().getByRole('heading').getByRole('link').focus();
  // Each key's scroll stops before the next key (the list hears a scroll stop 150 ms after its last event): the rows
  // are drawn for a window at rest, at a scroll the browser set to a whole pixel while the row it brought into view
  // ends a fraction of a pixel above or below the window's edge.
  await library.evaluate(() => {
    const page = window as unknown as { lastScrollAt: number };
    page.lastScrollAt = -Infinity;
    addEventListener('scroll', () => (page.lastScrollAt = performance.now()));
  });
  /** Once the frames that show a key's scroll are past: 300 ms after the page last scrolled (at once if it did not). */
  const scrollAtRest = () =>
    library.evaluate(
      () =>
        new Promise<void>((rested) => {
          const page = window as unknown as { lastScrollAt: number };
          const check = () => (performance.now() - page.lastScrollAt > 300 ? rested() : setTimeout(check, 50));
          requestAnimationFrame(() => requestAnimationFrame(check));
        }),
    );
  const keysWithPauses = async (key: string, from: number, to: number) => {
    for (let position = from; position !== to;) {
      await library.keyboard.press(key);
      position += to > from ? 1 : -1;
      await expect.poll(() => focusedRow(library)).toEqual({ position, of: TALKS });
      await scrollAtRest();
    }
  };
  const mostBelow = await watchRowsBeyond(library);
  await keysWithPauses('ArrowDown', 1, 16);
  expect(await library.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await mostBelow()).toBe(1);
  const mostAbove = await watchRowsBeyond(library, 'above');
  await keysWithPauses('ArrowUp', 16, 2);
  expect(await mostAbove()).toBe(1);
  await library.close();
});

test('the frame that shows a key’s scroll draws no row: the next one below is drawn after it', async () => {
  const library = await libraryOf(TALKS);
  await talkList(library).getByRole('listitem').first().getByRole('heading').getByRole('link').focus();
  // For each key: the rows drawn as it is pressed, in the frame after it (the scroll's frame), and whether the
  // focused row is in view then.
  await library.evaluate(() => {
    const keys: { scrolled: boolean; before: number[]; inFrame: number[]; focusInView: boolean }[] = [];
    (window as unknown as { keys: typeof keys }).keys = keys;
    const drawn = () => [...document.querySelectorAll('ul.talk-list > li')].map((row) => Number(row.getAttribute('aria-posinset'))).sort((a, b) => a - b);
    document.addEventListener(
      'keydown',
      () => {
        const before = drawn();
        const scrollY = window.scrollY;
        requestAnimationFrame(() => {
          const focused = document.activeElement!.closest('li')!.getBoundingClientRect();
          // Rows sit at fractions of a pixel; a scroll goes by whole ones.
          keys.push({ scrolled: window.scrollY !== scrollY, before, inFrame: drawn(), focusInView: focused.top >= 0 && focused.bottom <= innerHeight + 1 });
        });
      },
      true,
    );
  });
  for (let i = 0; i < 12; i++) {
    await library.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(library)).toEqual({ position: i + 2, of: TALKS });
    // The row beyond the window is drawn before the next key.
    await expect.poll(async () => (await rowsBeyond(library)).below).toBe(1);
  }
  const keys = await library.evaluate(
    () => (window as unknown as { keys: { scrolled: boolean; before: number[]; inFrame: number[]; focusInView: boolean }[] }).keys,
  );
  const scrolled = keys.filter((key) => key.scrolled);
  expect(scrolled.length).toBeGreaterThan(3);
  for (const key of scrolled) {
    expect(key.focusInView).toBe(true);
    expect(key.inFrame).toEqual(key.before);
  }
  await library.close();
});

test('the first letter of a search draws its rows once: none it draws is dropped, excerpts and all', async () => {
  const library = await libraryOf(TALKS);
  // From the keystroke on: the rows drawn (put into the list, or changed inside), and those taken out.
  // Preact may draw twice in one task, so the changes themselves are kept, not what the list holds after.
  await library.evaluate(() => {
    const seen = { drawn: [] as string[], dropped: [] as string[] };
    (window as unknown as { rowsSeen: typeof seen }).rowsSeen = seen;
    const list = document.querySelector('ul.talk-list')!;
    const rowOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('li')?.getAttribute('aria-labelledby') ?? '';
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.target !== list) seen.drawn.push(rowOf(change.target));
        seen.drawn.push(...[...change.addedNodes].map(rowOf));
        if (change.target === list) seen.dropped.push(...[...change.removedNodes].map(rowOf));
      }
    }).observe(list, { subtree: true, childList: true, characterData: true });
  });
  // `p` leaves most talks shown and marks them, and gives most an excerpt from a note: the rows grow taller.
  await library.getByRole('searchbox', { name: 'Search' }).fill('p');
  await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
  await library.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
  expect(await talkList(library).getByRole('listitem').filter({ hasText: 'In a note' }).count()).toBeGreaterThan(1);
  const { drawn, dropped } = await library.evaluate(() => (window as unknown as { rowsSeen: { drawn: string[]; dropped: string[] } }).rowsSeen);
  expect(drawn.length).toBeGreaterThan(0);
  // A row drawn and then dropped was one too many for the window: its excerpt was left out of its height.
  expect(dropped.filter((row) => drawn.includes(row))).toEqual([]);
  await library.close();
});

test('a search’s first draw holds the rows that fit, at the height rows were measured: none is added once measured', async () => {
  const library = await libraryOf(TALKS);
  // A tall window: a search draws some twenty rows, none measured before, placed by the height expected of them.
  await library.setViewportSize({ width: 1100, height: 2000 });
  await expect.poll(() => drawnRows(library)).toBeGreaterThan(15);
  // The rows in the list when its rows are first measured after the keystroke (as its first draw left
  // them: Preact draws again in the same task, so the list's changes alone would not tell the draws apart).
  await library.evaluate(() => {
    const seen = window as unknown as { firstDraw: (string | null)[] | null };
    seen.firstDraw = null;
    const measure = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const list = this.parentElement;
      if (seen.firstDraw === null && this.localName === 'li' && list?.matches('ul.talk-list'))
        seen.firstDraw = [...list.children].map((row) => row.getAttribute('aria-labelledby'));
      return measure.call(this);
    };
  });
  // An event's talks, further down the list: its rows are new to the list.
  await library.getByRole('searchbox', { name: 'Search' }).fill('rustconf');
  await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
  await library.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
  const { firstDraw, settled } = await library.evaluate(() => ({
    firstDraw: (window as unknown as { firstDraw: (string | null)[] }).firstDraw,
    settled: [...document.querySelector('ul.talk-list')!.children].map((row) => row.getAttribute('aria-labelledby')),
  }));
  expect(settled.length).toBeGreaterThan(15);
  expect(firstDraw).toEqual(settled);
  await library.close();
});

test('a cleared search reads ahead the notes of the rows it draws, so that the next first letter draws at once', async () => {
  const library = await libraryOf(TALKS);
  // In order: each keystroke, each read of a talk's notes begun, and each change of the list
  // ('excerpts' when the list then shows where a search matched in notes).
  await library.evaluate(() => {
    const log = ((window as unknown as { log: ReadLog }).log = { events: [] as string[], begun: 0, done: 0, lastAt: 0 });
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (...args) {
      const request = get.apply(this, args);
      if (this.name === 'talkNotes') {
        log.events.push('read');
        log.begun++;
        log.lastAt = performance.now();
        request.addEventListener('success', () => {
          log.done++;
          log.lastAt = performance.now();
        });
      }
      return request;
    };
    document.addEventListener('input', () => log.events.push('input'), true);
    const list = document.querySelector('ul.talk-list')!;
    new MutationObserver(() => log.events.push(list.querySelector('.talk-row__snippet') ? 'excerpts' : 'drawn')).observe(list, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const log = () => library.evaluate(() => (window as unknown as { log: ReadLog }).log);
  /**
   * Waits for reads of talks' notes begun after `after` of them, and for every read to be over with
   * none begun for a while: a read ahead goes a few talks at a time, each waiting for idle time.
   */
  const readsOver = async (after: number, message?: string) => {
    await expect
      .poll(
        () =>
          library.evaluate((after) => {
            const { begun, done, lastAt } = (window as unknown as { log: ReadLog }).log;
            return begun > after && done === begun && performance.now() - lastAt > 250;
          }, after),
        { message },
      )
      .toBe(true);
  };
  const search = library.getByRole('searchbox', { name: 'Search' });
  const shownOf = (text: RegExp | string) => expect.poll(() => library.getByText(text, { exact: true }).count()).toBe(1);

  // A search whose rows show where it matched in their notes, scrolled through until the notes kept
  // (a few hundred talks') no longer hold those of the first rows.
  await search.fill('o');
  await shownOf(/^\d[\d,]* of 600 talks$/);
  const firstDrawn = () => library.evaluate(() => Number(document.querySelector('ul.talk-list > li')?.getAttribute('data-index')));
  // A search's rows are drawn once their notes are read: each step's rows moved on, their reads are over.
  for (let step = 0; step < 45; step++) {
    const from = await firstDrawn();
    await library.evaluate(() => scrollBy(0, 1000));
    await expect.poll(firstDrawn).toBeGreaterThan(from);
  }
  await readsOver(-1);
  await library.evaluate(() => scrollTo(0, 0));
  // One talk, by its title, then the search cleared: the list draws a window of rows again, and
  // their notes are read while the page is idle.
  await search.fill('What You Need to Know About OpenMetrics (Shopify)');
  await shownOf('1 of 600 talks');
  const { begun } = await log();
  await search.fill('');
  await shownOf(`${TALKS} talks`);
  await readsOver(begun, 'the notes of the rows the cleared search draws are read while the page is idle');

  // The next search's first letter draws its rows, excerpts and all, before reading any talk's notes.
  // What the cleared list still does before the keystroke (a row measured, a read a busy machine
  // started late) is not the keystroke's, so the log is read from the keystroke on.
  await search.fill('o');
  await shownOf(/^\d[\d,]* of 600 talks$/);
  await expect.poll(async () => (await log()).events).toContain('excerpts');
  const { events } = await log();
  const fromKeystroke = events.slice(events.lastIndexOf('input'));
  expect(fromKeystroke.slice(0, fromKeystroke.indexOf('excerpts'))).not.toContain('read');
  expect(await talkList(library).getByRole('listitem').filter({ hasText: 'In a note' }).count()).toBeGreaterThan(1);
  await library.close();
});

test('an excerpt takes the same height whatever its length and the query, the height the list places it at', async () => {
  const library = await libraryOf(TALKS);
  const search = library.getByRole('searchbox', { name: 'Search' });
  // Each excerpt's share of its row: its box and the margin above it.
  const excerptHeights = () =>
    talkList(library)
      .locator('.talk-row__snippet')
      .evaluateAll((excerpts) =>
        excerpts.map((excerpt) => ({
          height: excerpt.getBoundingClientRect().height + parseFloat(getComputedStyle(excerpt).marginTop),
          length: excerpt.textContent?.length ?? 0,
        })),
      );
  const seen: { height: number; length: number }[] = [];
  for (const query of ['p', 'e', 'o']) {
    await search.fill(query);
    await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
    await expect.poll(async () => (await excerptHeights()).length).toBeGreaterThan(0);
    seen.push(...(await excerptHeights()));
  }
  // Short and long excerpts alike: one that wrapped to one line for one query and to two for the next
  // changed its row's height, and the list, placing rows by the height last measured, drew them twice.
  expect(new Set(seen.map((excerpt) => excerpt.length)).size).toBeGreaterThan(1);
  expect(new Set(seen.map((excerpt) => excerpt.height))).toEqual(new Set([EXCERPT_HEIGHT]));
  await library.close();
});

test('a note edited in the library keeps its row and its text, scrolled far away or no longer matching the filters, until closed', async () => {
  const library = await libraryOf(TALKS);
  const first = talkList(library)
    .getByRole('listitem')
    .filter({ hasText: /[1-9]\d* notes? · clipped/ })
    .first();
  await first.getByRole('button', { name: 'Details' }).click();
  await first.getByRole('button', { name: 'Edit note' }).first().click();
  const box = library.getByRole('textbox', { name: 'Note' });
  await box.press('End');
  await library.keyboard.type(' and half a thought');
  const typed = await box.inputValue();

  // The focus leaves the list, then the page scrolls far past the row: the row stays drawn, its editor as it was.
  await library.getByRole('heading', { name: 'Talklog library' }).click();
  await library.mouse.wheel(0, 20_000);
  await expect.poll(() => library.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  await expect.poll(() => furthestRow(library)).toBeGreaterThan(150);
  expect(await box.inputValue()).toBe(typed);
  await library.mouse.wheel(0, -30_000);
  await expect.poll(() => library.evaluate(() => window.scrollY)).toBe(0);
  expect(await box.inputValue()).toBe(typed);

  // Filtered to the talk's status, then its status changed in the row: it no longer matches, and stays while edited.
  const row = talkList(library).getByRole('listitem').filter({ has: box });
  const rowStatus = row.getByRole('combobox', { name: 'Status' });
  const status = await rowStatus.inputValue();
  await library.getByRole('search', { name: 'Find talks' }).getByRole('combobox', { name: 'Status' }).selectOption(status);
  const counter = library.getByText(/^\d[\d,]* of 600 talks$/);
  await expect.poll(() => counter.count()).toBe(1);
  const matching = Number((await counter.textContent())!.split(' ')[0]);
  await rowStatus.selectOption(status === 'skipped' ? 'watched' : 'skipped');
  await expect.poll(() => row.getByRole('combobox', { name: 'Status' }).inputValue()).not.toBe(status);
  // Kept on screen, it is no longer counted among the talks that match, and says so.
  await expect.poll(() => counter.textContent()).toBe(`${matching - 1} of 600 talks`);
  expect(await row.getByText('Does not match the filters: kept while open').count()).toBe(1);
  expect(await box.inputValue()).toBe(typed);

  // Saved, the edit is over, the row still open: it stays until closed, then goes as any talk that does not match.
  const title = (await row.getByRole('heading', { level: 2 }).textContent())!;
  await box.press('Control+Enter');
  await expect.poll(() => library.getByRole('status').allTextContents()).toContainEqual('Note updated.');
  expect(await counter.textContent()).toBe(`${matching - 1} of 600 talks`);
  const opened = talkList(library)
    .getByRole('listitem')
    .filter({ has: library.getByRole('heading', { name: title, exact: true }) });
  await opened.getByRole('button', { name: 'Details' }).click();
  await expect.poll(() => counter.textContent()).toBe(`${matching - 1} of 600 talks`);
  await library.close();
});

test('Select all shown selects every talk that matches, drawn or not', async () => {
  const library = await libraryOf(TALKS);
  const search = library.getByRole('searchbox', { name: 'Search' });
  await search.fill('cloud');
  const counter = library.getByText(/^\d[\d,]* of 600 talks$/);
  await expect.poll(() => counter.count()).toBe(1);
  const matching = Number((await counter.textContent())!.split(' ')[0].replace(/,/g, ''));
  expect(matching).toBeGreaterThan(100);
  expect(await drawnRows(library)).toBeLessThan(matching);

  await library.getByRole('checkbox', { name: 'Select all shown' }).check();
  await expect.poll(() => library.getByRole('region', { name: 'Selected talks' }).textContent()).toContain(`${matching} talks selected`);
  await library.close();
});

test('with talks selected, the sticky bulk bar never covers what the keyboard moves the focus to (ArrowUp, Shift+Tab)', async () => {
  const library = await libraryOf(TALKS);
  await talkList(library).getByRole('listitem').first().getByRole('checkbox').check();
  await expect.poll(() => library.getByRole('region', { name: 'Selected talks' }).count()).toBe(1);
  /** How many pixels of the focused element the bar covers. */
  const covered = () =>
    library.evaluate(() => {
      const bar = document.querySelector('.bulk-actions')!.getBoundingClientRect();
      const focused = document.activeElement!.getBoundingClientRect();
      return Math.max(0, Math.min(bar.bottom, focused.bottom) - Math.max(bar.top, focused.top));
    });
  await talkList(library).getByRole('listitem').first().getByRole('heading').getByRole('link').focus();
  await library.keyboard.press('End');
  await expect.poll(() => focusedRow(library)).toEqual({ position: TALKS, of: TALKS });
  const byArrow: number[] = [];
  for (let i = 0; i < 8; i++) {
    await library.keyboard.press('ArrowUp');
    await library.waitForTimeout(150);
    byArrow.push(await covered());
  }
  await session.screenshot(library, 'bulk-bar-arrow-up');
  const byShiftTab: number[] = [];
  for (let i = 0; i < 10; i++) {
    await library.keyboard.press('Shift+Tab');
    await library.waitForTimeout(100);
    byShiftTab.push(await covered());
  }
  await session.screenshot(library, 'bulk-bar-shift-tab');
  expect({ byArrow, byShiftTab }).toEqual({ byArrow: byArrow.map(() => 0), byShiftTab: byShiftTab.map(() => 0) });
  await library.close();
});

test('a search draws each row whole in the first frame after the keystroke, at its own height', async () => {
  const library = await libraryOf(TALKS);
  // In the first frame after the list changes: each row's height, and that of what it holds.
  await library.evaluate(() => {
    const frames: { row: number; content: number }[][] = [];
    (window as unknown as { firstFrames: typeof frames }).firstFrames = frames;
    const list = document.querySelector('ul.talk-list')!;
    let waiting = false;
    new MutationObserver(() => {
      if (waiting) return;
      waiting = true;
      requestAnimationFrame(() => {
        waiting = false;
        frames.push(
          [...list.children].map((row) => ({
            row: Math.round(row.getBoundingClientRect().height),
            content: Math.round(row.firstElementChild!.getBoundingClientRect().height),
          })),
        );
      });
    }).observe(list, { subtree: true, childList: true });
  });
  const search = library.getByRole('searchbox', { name: 'Search' });
  for (const query of ['o', 'ot', 'ote', 'e', 'eb', 'ebpf', 'cloud']) {
    await search.fill(query);
    await expect.poll(() => library.getByText(/^\d[\d,]* of 600 talks$/).count()).toBe(1);
    // Its rows' frame is painted before the next keystroke.
    await library.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
  }
  const frames = await library.evaluate(() => (window as unknown as { firstFrames: { row: number; content: number }[][] }).firstFrames);
  expect(frames.length).toBeGreaterThan(3);
  // A row laid out later (off screen, say) would be drawn at a stand-in height, then moved a frame on.
  for (const rows of frames) for (const { row, content } of rows) expect(row).toBeGreaterThanOrEqual(content);
  await library.close();
});

test('Export markdown and Export backup are made off the page, with progress, and give every talk', async () => {
  const library = await libraryOf(TALKS);
  await library.evaluate(() => {
    const seen = ((window as unknown as { exportSeen: string[] }).exportSeen = [] as string[]);
    new MutationObserver(() => {
      const bar = document.querySelector('progress[aria-label="Preparing the talk log"]');
      if (bar) seen.push(`progress of ${bar.getAttribute('max')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('radio', { name: 'Every talk' }).check();
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Everything');
  // Playwright clicks once the button is enabled: when the log for these options is made.
  const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown.startsWith('# Everything\n')).toBe(true);
  expect(markdown.match(/^### /gm)).toHaveLength(TALKS);
  expect(await library.evaluate(() => (window as unknown as { exportSeen: string[] }).exportSeen)).toContainEqual(`progress of ${TALKS}`);
  // The preview holds the log's beginning, not the whole of it.
  const previewed = (await dialog.getByRole('region', { name: 'Preview' }).textContent())!;
  expect(previewed.length).toBeLessThan(20_010);
  expect(markdown.startsWith(previewed.slice(0, -2))).toBe(true);
  // Copy puts the whole log on the clipboard, though the page holds only that beginning of its text.
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => dialog.getByRole('status').textContent()).toBe(`Copied the talk log (${TALKS} talks) to the clipboard.`);
  // Pasted as a user would (reading the clipboard from script needs a permission the page has not).
  await library.evaluate(() => {
    (window as unknown as { pasted: Promise<string> }).pasted = new Promise((resolve) =>
      document.addEventListener(
        'paste',
        (event) => {
          event.preventDefault();
          resolve(event.clipboardData?.getData('text/plain') ?? '');
        },
        { once: true },
      ),
    );
  });
  await dialog.getByRole('textbox', { name: 'Introduction' }).focus();
  await library.keyboard.press('Control+V');
  expect(await library.evaluate(() => (window as unknown as { pasted: Promise<string> }).pasted)).toBe(markdown);
  await session.screenshot(library, 'export-dialog-long-log');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const [backup] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Export backup' }).click()]);
  const file = JSON.parse(readFileSync((await backup.path())!, 'utf8'));
  expect([file.talks.length, file.notes.length]).toEqual([TALKS, TALKS * 2]);
  await expect
    .poll(() => library.getByRole('status').allTextContents())
    .toContainEqual(expect.stringMatching(/^Backup saved as talklog-backup\.json: 600 talks, 1,200 notes/));
  await library.close();
});

test('a row’s chips flow in lines like words, 24px apart, a long one cut within its line, and are read with their names', async () => {
  const event =
    'An Extremely Long Conference Event Name That Would Never Fit In One Chip, Not Even On A Wide Screen, Because It Goes On And On About Its Co-Located Events, Tracks And Venues: 2026 Edition';
  const tags = [
    'prometheus',
    'opentelemetry',
    'tracing',
    'exemplars',
    'cardinality',
    'remote-write',
    'grafana',
    'slo',
    'sre',
    'profiling',
    'ebpf',
    'otel-collector',
    'sampling',
    'histograms',
  ];
  const library = await libraryOf(TALKS, (backup) => {
    const newest = (backup.talks as { createdAt: string }[]).reduce((a, b) => (a.createdAt > b.createdAt ? a : b));
    // Newer than the copy an earlier test of this file imported, so that the import takes it.
    Object.assign(newest, { title: 'A talk with every fact', event, category: null, tags, status: 'watched', updatedAt: new Date().toISOString() });
  });
  const facts = talkList(library)
    .getByRole('listitem')
    .filter({ has: library.getByRole('heading', { name: 'A talk with every fact' }) })
    .locator('.talk-row__facts');
  const line = await facts.evaluate((line) => {
    const column = line.parentElement!.getBoundingClientRect();
    const chips = [...line.querySelectorAll<HTMLElement>('.chip')];
    return {
      // Neither the line nor a chip is a flex container: in one, each text run is a flex item of its own.
      displays: [...new Set([line, ...chips].map((element) => getComputedStyle(element).display))],
      chips: chips.map((chip) => {
        const box = chip.getBoundingClientRect();
        return {
          text: chip.textContent,
          top: box.top - column.top,
          height: box.height,
          left: box.left - column.left,
          right: box.right - column.right,
          cut: chip.scrollWidth > chip.clientWidth,
        };
      }),
    };
  });
  expect(line.displays).toEqual(['block', 'inline-block']);
  const tops = [...new Set(line.chips.map((chip) => chip.top))];
  expect(tops.length).toBeGreaterThan(2);
  expect(tops.slice(1).map((top, i) => top - tops[i])).toEqual(tops.slice(1).map(() => 24));
  expect(new Set(line.chips.map((chip) => chip.height))).toEqual(new Set([22]));
  // Every chip inside the column; the long event on a line of its own, cut at the column's edge (where its ellipsis is).
  expect(Math.max(...line.chips.map((chip) => chip.right))).toBeLessThanOrEqual(0);
  const long = line.chips.find((chip) => chip.text?.endsWith(event))!;
  expect(long).toMatchObject({ left: 0, right: 0, cut: true });
  expect(line.chips.filter((chip) => chip.cut)).toEqual([long]);
  // What is read out: each fact named, the tags under one label.
  expect(await facts.ariaSnapshot()).toBe(`- paragraph: "Watched Event: ${event} Tags: ${tags.map((tag) => `#${tag}`).join(' ')}"`);
  await session.screenshot(library, 'library-chips');
  // Searched, the words around a mark in a chip keep the spaces between them: as flex items, they lost them.
  await library.getByRole('searchbox', { name: 'Search' }).fill('one chip');
  const marked = facts.locator('.chip--event mark', { hasText: 'One' });
  await marked.waitFor();
  const spaces = await marked.evaluate((mark) =>
    [mark.previousSibling!, mark.nextSibling!].map((text) => {
      const at = text === mark.previousSibling ? text.textContent!.length - 1 : 0;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return { character: text.textContent![at], width: range.getBoundingClientRect().width };
    }),
  );
  expect(spaces.map(({ character }) => character)).toEqual([' ', ' ']);
  for (const { width } of spaces) expect(width).toBeGreaterThan(0);
  await library.close();
});
