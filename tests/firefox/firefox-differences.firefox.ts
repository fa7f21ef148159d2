import { expect, test } from 'vitest';
import { firefoxSessionForThisFile, role, textsOf } from './firefox-session';

const session = firefoxSessionForThisFile();

/** What the selected tab of the browser window shows: its URL, and for about:addons the view open in it. */
const selectedTab = () =>
  session.inBrowserWindow<{ url: string; view: string | null }>(
    `({ url: gBrowser.currentURI.spec, view: gBrowser.selectedBrowser.contentWindow?.gViewController?.currentViewId ?? null })`,
  );

test('the library lists the default shortcuts; “Change shortcuts” opens Firefox’s shortcut editor on Talklog', async () => {
  const library = await session.openExtensionPage('src/options/index.html');
  const shortcuts = await textsOf(library, `${role('list')} ::-p-text(Alt+Shift+)`);
  expect(shortcuts).toEqual(['Alt+Shift+K', 'Alt+Shift+N']);
  await library.locator(role('button', 'Change shortcuts in the browser’s settings')).click();
  await expect.poll(selectedTab).toEqual({ url: 'about:addons', view: 'addons://shortcuts/talklog%40example.org' });
});
