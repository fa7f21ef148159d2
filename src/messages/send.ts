import browser from 'webextension-polyfill';
import type { ContentToBackgroundMessage } from './content-to-background';
import type { ContentReplies, ContentToPageMessage, ExtensionToContentMessage, PageToBackgroundMessage } from './messages';

/** Asks the content script in a tab; rejects when no content script answers there. */
export function sendToContent<M extends ExtensionToContentMessage>(tabId: number, message: M): Promise<ContentReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, message) as Promise<ContentReplies[M['type']]>;
}

/** Tells the extension's own pages and background (runtime message); nobody listening is fine. */
export async function sendToExtension(message: ContentToPageMessage | ContentToBackgroundMessage | PageToBackgroundMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No page of the extension is listening: nothing to tell.
  }
}
