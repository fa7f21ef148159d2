import browser from 'webextension-polyfill';

/** Chrome's side panel API; webextension-polyfill has no wrapper for it. */
declare const chrome: { sidePanel?: { open(options: { windowId: number }): Promise<void> } } | undefined;

export const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

/**
 * Opens the note-taking side panel: Chrome's side panel, Firefox's sidebar. Both need the user
 * gesture the command brings, so this runs straight from the command listener.
 */
export async function openSidePanel(tab: browser.Tabs.Tab | undefined): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  // The Firefox build drops this branch (and its API) at build time.
  if (import.meta.env.MODE !== 'firefox' && typeof chrome !== 'undefined' && chrome.sidePanel && tab?.windowId !== undefined) {
    await chrome.sidePanel.open({ windowId: tab.windowId });
  }
}
