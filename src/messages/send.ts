import browser from 'webextension-polyfill';
import type { ContentReplies, ContentToPageMessage, ExtensionToContentMessage } from './messages';

/** Asks the content script in a tab; rejects when no content script answers there. */
export function sendToContent<M extends ExtensionToContentMessage>(tabId: number, message: M): Promise<ContentReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, message) as Promise<ContentReplies[M['type']]>;
}

/** Tells the extension's open pages; nobody listening is fine. */
export async function sendToPages(message: ContentToPageMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No popup or side panel open: nothing to tell.
  }
}
