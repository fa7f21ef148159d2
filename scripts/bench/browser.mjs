// Chromium for the bench, through the project's launcher: with the bench build of Talklog installed
// (the launcher's `installLater` mode, then the DevTools protocol loads our build folder instead of
// dist/), or, `withoutExtension`, the very same browser with nothing installed — the baseline for
// what Talklog adds to a YouTube tab.
import { closeWelcome, launchTalklogBrowser } from '../launch-browser.mjs';
import { SEARCH_QUERIES } from './dataset.mjs';
import { installRowsFloor, talkListHtml } from './in-page.mjs';
import { installKeystrokeProbe } from './keystroke-probe.mjs';

/**
 * @param {{ extensionDir?: string, hostResolverRule: string, withoutExtension?: boolean }} options
 */
export async function launchBenchBrowser({ extensionDir, hostResolverRule, withoutExtension = false }) {
  const browser = await launchTalklogBrowser({ hostResolverRule, installLater: true });
  if (!withoutExtension) {
    const devtools = await browser.context.browser().newBrowserCDPSession();
    await devtools.send('Extensions.loadUnpacked', { path: extensionDir });
    await devtools.detach();
    await browser.findServiceWorker();
    await closeWelcome(browser.context, browser.extensionId);
  }
  return browser;
}

/**
 * Chooses a backup file as a user does: `Import backup` clicked, the file given to the chooser it opens (the import
 * begins as the chooser opens).
 * @param {import('playwright-core').Page} library
 * @param {string} backupPath
 */
export async function chooseBackupFile(library, backupPath) {
  const [chooser] = await Promise.all([library.waitForEvent('filechooser'), library.getByText('Import backup', { exact: true }).click()]);
  await chooser.setFiles(backupPath);
}

/**
 * Imports a backup file as a user does: a library page opened at `libraryUrl`, `Import backup`, the page closed once it
 * says what it imported.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} libraryUrl
 * @param {string} backupPath
 */
export async function importThroughLibrary(context, libraryUrl, backupPath, timeout = 600_000) {
  const library = await context.newPage();
  await library.goto(libraryUrl);
  await appReadyTime(library);
  await chooseBackupFile(library, backupPath);
  await library.getByText(/^Imported /).waitFor({ timeout });
  await library.close();
}

/** The size a toolbar popup is measured at, its floor with it. */
export const POPUP_VIEWPORT = { width: 400, height: 600 };

/**
 * Opens a watch page of the fake www.youtube.com in `page` and waits until its video has loaded its metadata (the
 * player then answers the content script).
 * @param {import('playwright-core').Page} page
 * @param {string} videoId
 */
export async function openWatchPage(page, videoId = 'Pr0meTheus1') {
  await page.goto(`https://www.youtube.com/watch?v=${videoId}`);
  await page.waitForFunction(() => (document.querySelector('#movie_player video')?.readyState ?? 0) >= 1);
}

/**
 * JavaScript memory of the renderer a page runs in, after a full garbage collection: V8's heap and the
 * contents of its array buffers, which the heap's own size leaves out (the library's search words live
 * in typed arrays). The figure is the whole V8 isolate: every page sharing that process counts, so
 * callers keep one page of a site open.
 * @param {import('playwright-core').Page} page
 */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize + (usage.backingStorageSize ?? 0);
  } finally {
    await cdp.detach();
  }
}

/** Resolves once the page has set `performance.mark('app-ready')`; returns its time since navigation start. */
export async function appReadyTime(page, timeout = 30_000) {
  await page.waitForFunction(() => performance.getEntriesByName('app-ready', 'mark').length > 0, undefined, { timeout, polling: 'raf' });
  return page.evaluate(() => performance.getEntriesByName('app-ready', 'mark')[0].startTime);
}

/** For a page without script: DOMContentLoaded end, the earliest a module script could mark anything. */
export async function domContentLoadedTime(page) {
  await page.waitForLoadState('load');
  return page.evaluate(() => {
    const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
    return navigation.domContentLoadedEventEnd;
  });
}

/**
 * Starts a DevTools trace of the page's renderer; the function it returns ends it and gives the longest
 * task of the page's main thread in thread time (CPU), which a busy machine does not stretch as it does
 * the Long Tasks API's wall time. The page's main thread is the renderer main thread that ran the most.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<() => Promise<{ longestMs: number, over50: number, tasks: number }>>}
 */
export async function traceMainThreadTasks(page) {
  const cdp = await page.context().newCDPSession(page);
  const names = new Map();
  const tasks = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    for (const event of value) {
      if (event.name === 'thread_name') names.set(`${event.pid}:${event.tid}`, event.args.name);
      else if (event.name === 'RunTask' && event.ph === 'X' && event.tdur !== undefined)
        tasks.push({ thread: `${event.pid}:${event.tid}`, cpu: event.tdur / 1000 });
    }
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const byThread = new Map();
    for (const task of tasks) {
      if (names.get(task.thread) !== 'CrRendererMain') continue;
      const list = byThread.get(task.thread) ?? [];
      list.push(task.cpu);
      byThread.set(task.thread, list);
    }
    const total = (list) => list.reduce((sum, cpu) => sum + cpu, 0);
    const main = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
    return { longestMs: Math.max(0, ...main), over50: main.filter((cpu) => cpu > 50).length, tasks: main.length };
  };
}

/**
 * Focuses the library's `Search` box and empties it as a user does (select all, Backspace), through
 * input events alone. Not with Playwright's locators: they load Playwright's own script into the page's
 * renderer (0.3 MB of source alone), which the heap taken after the search would count as the library's.
 */
export async function clearSearch(tab) {
  await tab.evaluate(() => document.querySelector('input[type="search"][aria-label="Search"]').focus());
  await tab.keyboard.press('ControlOrMeta+A');
  await tab.keyboard.press('Backspace');
}

/**
 * Types the bench's search into the library page a character at a time, each query into an emptied box, with the
 * keystroke probe (`installKeystrokeProbe`) installed; gives each keystroke's figures and what was typed so far.
 * `afterEach` runs once the screen has settled after each keystroke, and after each emptying of the box.
 * @param {import('playwright-core').Page} tab
 * @param {(typed: string) => Promise<unknown>} [afterEach]
 */
export async function typeSearchQueries(tab, afterEach) {
  const keystrokes = [];
  for (const query of SEARCH_QUERIES) {
    await clearSearch(tab);
    await tab.waitForTimeout(300);
    await afterEach?.('');
    for (let i = 0; i < query.length; i++) {
      await tab.evaluate(() => window.__benchArm());
      await tab.keyboard.type(query[i]);
      const result = await tab.evaluate(() => window.__benchSettled(250));
      keystrokes.push({ typed: query.slice(0, i + 1), ...result });
      await afterEach?.(query.slice(0, i + 1));
    }
  }
  return keystrokes;
}

/**
 * The bench's search keystrokes typed into each page in turns, `passes` times (the first page alternates, and each
 * is brought to the front to type: only the tab in front draws frames). Latencies by page, then by what was typed.
 * @param {Record<string, import('playwright-core').Page>} pages
 * @param {number} passes
 * @returns {Promise<Record<string, Map<string, number[]>>>}
 */
export async function typeInTurns(pages, passes) {
  const names = Object.keys(pages);
  const typed = Object.fromEntries(names.map((name) => [name, new Map()]));
  for (let pass = 0; pass < passes; pass++) {
    for (const name of pass % 2 === 0 ? names : [...names].reverse()) {
      await pages[name].bringToFront();
      for (const { typed: prefix, latency } of await typeSearchQueries(pages[name]))
        if (latency !== null) typed[name].set(prefix, [...(typed[name].get(prefix) ?? []), latency]);
    }
  }
  return typed;
}

/**
 * The bench's search keystrokes typed into a library page, keeping the list it drew once each settled, by what the
 * Search box held (the cleared box too): what `openRowsFloor` draws for the same keystrokes.
 * @param {import('playwright-core').Page} tab
 */
export async function typeKeepingLists(tab) {
  /** @type {Record<string, string>} */
  const lists = {};
  const keystrokes = await typeSearchQueries(tab, async (typed) => {
    lists[typed] = await tab.evaluate(talkListHtml);
  });
  return { keystrokes, lists };
}

/**
 * The search's floor of the same rows alone: a library page opened at `libraryUrl`, frozen once it has read
 * everything, that puts in place the list of `lists` named by what the Search box holds (`installRowsFloor`), with
 * the keystroke probe in it.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} libraryUrl
 * @param {Record<string, string>} lists
 */
export async function openRowsFloor(context, libraryUrl, lists) {
  const rows = await openWholeLibrary(context, libraryUrl);
  await rows.waitForTimeout(300);
  await rows.evaluate(installRowsFloor, lists);
  await rows.evaluate(installKeystrokeProbe);
  return rows;
}

/** Time since navigation start when the library page has read all of it (`Export markdown` enabled). */
export async function wholeLibraryTime(tab, timeout = 300_000) {
  await tab.waitForFunction(
    () => [...document.querySelectorAll('button')].some((button) => button.textContent.trim() === 'Export markdown' && !button.disabled),
    undefined,
    { timeout, polling: 'raf' },
  );
  return tab.evaluate(() => performance.now());
}

/**
 * A library page opened at `libraryUrl`, once it has read the whole library (search, filters and export work).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} libraryUrl
 */
export async function openWholeLibrary(context, libraryUrl, timeout = 300_000) {
  const tab = await context.newPage();
  await tab.goto(libraryUrl);
  await appReadyTime(tab, 120_000);
  await wholeLibraryTime(tab, timeout);
  return tab;
}
