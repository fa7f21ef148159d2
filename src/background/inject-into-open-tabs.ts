import browser from 'webextension-polyfill';

/**
 * Run on install and update: the YouTube tabs already open get Talklog's content script, as a page
 * loaded afterwards does. One open across an update keeps the old script, cut off from the extension:
 * without a new one, a talk left there at its end would never become watched. Tabs Talklog may not
 * read are not listed; a discarded or still unloaded tab takes no script and gets one when it loads.
 */
export async function injectIntoOpenYouTubeTabs(): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return;
  const tabs = await browser.tabs.query({ url: 'https://www.youtube.com/*' }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined || tab.discarded ? undefined : browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => undefined),
    ),
  );
}
