import { expect, test } from 'vitest';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();

const sidebarHeading = () => session.inSidebar((sidebar) => sidebar.document.querySelector('h1')?.textContent);

/** The buttons in the sidebar whose label takes more than one line. */
const wrappedButtons = () =>
  session.inSidebar((sidebar) =>
    [...sidebar.document.querySelectorAll('button')]
      .filter((button) => {
        const label = sidebar.document.createRange();
        label.selectNodeContents(button);
        return new Set([...label.getClientRects()].map((line) => Math.round(line.top))).size > 1;
      })
      .map((button) => button.textContent),
  );

const EXTENSION = `WebExtensionPolicy.getByID('talklog@example.org').extension`;

/** What the selected tab of the browser window shows: its URL, and for about:addons the view open in it. */
const selectedTab = () =>
  session.inBrowserWindow<{ url: string; view: string | null }>(
    `({ url: gBrowser.currentURI.spec, view: gBrowser.selectedBrowser.contentWindow?.gViewController?.currentViewId ?? null })`,
  );

test('the library lists the default shortcuts; “Change shortcuts” opens Firefox’s shortcut editor on Talklog', async () => {
  const library = await session.openExtensionPage('src/options/index.html');
  expect(await textsOf(library, '::-p-text(Clip the talk in this tab)')).toEqual(['Alt+Shift+K Clip the talk in this tab']);
  // Not Alt+Shift+S, which opens Firefox's History menu.
  expect(await textsOf(library, '::-p-text(Capture the slide on screen)')).toEqual(['Alt+Shift+Q Capture the slide on screen into the note you are writing']);
  // Firefox calls it the sidebar, in its shortcut editor and in the library alike. Not Alt+Shift+L, Bookmarks in German.
  expect(await textsOf(library, '::-p-text(Open Talklog)')).toEqual(["Alt+Shift+J Open Talklog's sidebar for notes"]);
  await library.locator(role('button', 'Change shortcuts in the browser’s settings')).click();
  await expect.poll(selectedTab).toEqual({ url: 'about:addons', view: 'addons://shortcuts/talklog%40example.org' });
});

test('the background is an event page: stopped when idle, Alt+Shift+K wakes it and clips the talk in the selected tab', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  await session.inBrowserWindow(`${EXTENSION}.terminateBackground({ disableResetIdleForTest: true })`);
  expect(await session.inBrowserWindow(`${EXTENSION}.backgroundState`)).toBe('stopped');

  await watch.bringToFront();
  await session.pressKeys('Alt+Shift+K');
  await expect.poll(async () => (await session.readStore<{ id: string }>('talks')).map((talk) => talk.id)).toEqual(['t_Pr0meTheus1']);
  expect(await watch.$$eval('talklog-confirmation', (hosts) => hosts.length)).toBe(1);
  expect(await session.inBrowserWindow(`${EXTENSION}.backgroundState`)).toBe('running');
});

test('Alt+Shift+J opens Firefox’s sidebar on the talk in the selected tab, and it follows the next tab selected', async () => {
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  await watch.bringToFront();
  await session.pressKeys('Alt+Shift+J');
  await expect
    .poll(() =>
      session.inBrowserWindow(`SidebarController.isOpen && SidebarController.browser.contentDocument.getElementById('webext-panels-browser')?.currentURI.spec`),
    )
    .toMatch(/^moz-extension:\/\/[^/]+\/src\/popup\/side-panel\.html$/);
  await expect.poll(sidebarHeading).toBe('What You Need to Know About OpenMetrics');
  // Firefox opens its sidebar narrower than Chrome's narrowest side panel: the labels still fit.
  expect(await wrappedButtons()).toEqual([]);
  await session.screenshotWindow('sidebar-in-window');

  // The sidebar stays open and follows the tab the user selects.
  const other = await session.openYouTube('/watch?v=Pr0meTheus1');
  await other.bringToFront();
  await expect.poll(sidebarHeading).toBe('Evolving Prometheus for More Use Cases');
});

test('Firefox grants persistent storage, and the library says the notes are kept', async () => {
  const library = await session.openExtensionPage('src/options/index.html');
  await expect.poll(() => textsOf(library, '::-p-text(kept by the browser until you delete it)')).toHaveLength(1);
  expect(await library.evaluate(() => navigator.storage.persisted())).toBe(true);
});

test('with Firefox in dark mode, the popup, sidebar and library are dark', async () => {
  await session.inBrowserWindow(`(Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', 0), null)`);
  try {
    const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
    const pages = {
      popup: await session.openPopupFor(watch),
      sidebar: await session.openExtensionPage(`src/popup/side-panel.html?tab=${await session.tabIdOf(watch)}`, { width: 360, height: 720 }),
      library: await session.openExtensionPage('src/options/index.html'),
    };
    for (const [name, page] of Object.entries(pages)) {
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const brightness =
        background
          .match(/\d+/g)!
          .slice(0, 3)
          .reduce((sum, channel) => sum + Number(channel), 0) / 3;
      expect({ name, background, dark: brightness < 64 }).toEqual({ name, background, dark: true });
      await session.screenshot(page, `${name}-dark`);
    }
  } finally {
    await session.inBrowserWindow(`(Services.prefs.clearUserPref('layout.css.prefers-color-scheme.content-override'), null)`);
  }
});

test('the popup calls it the sidebar: its `Open sidebar` button opens Firefox’s sidebar on the talk', async () => {
  await session.inBrowserWindow('SidebarController.hide()');
  await expect.poll(() => session.inBrowserWindow('SidebarController.isOpen')).toBe(false);
  const watch = await session.openYouTube('/watch?v=OpenMetr1cs');
  const popup = await session.openPopupFor(watch);
  expect(await textsOf(popup, role('button', 'Open side panel'))).toEqual([]);
  await popup.locator(role('button', 'Open sidebar')).click();
  await expect.poll(() => session.inBrowserWindow('SidebarController.isOpen')).toBe(true);
  // The popup here is a tab of its own; the toolbar's closes and leaves the watch page selected, as this does.
  await watch.bringToFront();
  await expect.poll(sidebarHeading).toBe('What You Need to Know About OpenMetrics');
});
