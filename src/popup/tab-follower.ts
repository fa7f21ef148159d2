import browser from 'webextension-polyfill';
import { activeTabId } from './early-asks';
import { browserTabConnector, type TabConnector } from './tab-connector';

/** What the side panel needs to follow the tabs of its window. Tests pass their own. */
export interface TabFollower {
  /** The active tab of this page's window now (null: none). */
  activeTabId(): Promise<number | null>;
  /** Calls back with the tab that became active in this page's window; returns the unsubscribe. */
  onActiveTabChanged(listener: (tabId: number) => void): () => void;
  /** Calls back each time the tab finishes loading a page; returns the unsubscribe. */
  onTabLoaded(tabId: number, listener: () => void): () => void;
  /** The connector to one tab (none: null). */
  connect(tabId: number | null): TabConnector;
}

/** The tabs of this page's window, through the extension's APIs. */
export function browserTabFollower(): TabFollower {
  const windowId = browser.windows.getCurrent().then((current) => current.id);
  return {
    activeTabId: () => activeTabId(browser.tabs),
    onActiveTabChanged(listener) {
      const onActivated = (info: browser.Tabs.OnActivatedActiveInfoType) => {
        void windowId.then((id) => {
          if (id === undefined || info.windowId === id) listener(info.tabId);
        });
      };
      browser.tabs.onActivated.addListener(onActivated);
      return () => browser.tabs.onActivated.removeListener(onActivated);
    },
    onTabLoaded(tabId, listener) {
      const onUpdated = (updatedId: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
        if (updatedId === tabId && change.status === 'complete') listener();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => browser.tabs.onUpdated.removeListener(onUpdated);
    },
    connect: browserTabConnector,
  };
}
