import browser from 'webextension-polyfill';

/** Chrome's side panel API; webextension-polyfill has no wrapper for it. */
declare const chrome: { sidePanel?: { open(options: { tabId: number } | { windowId: number }): Promise<void> } } | undefined;

/**
 * Opens the note-taking side panel: Chrome's side panel, Firefox's sidebar. Both need a user
 * gesture (a shortcut, a click), so call this straight from its handler, before any `await`.
 */
export async function openSidePanel(where: { tabId: number } | { windowId: number }): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  // The Firefox build drops this branch (and its API) at build time.
  if (import.meta.env.MODE !== 'firefox' && typeof chrome !== 'undefined' && chrome.sidePanel) await chrome.sidePanel.open(where);
}
