import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { NotePageSetup } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserTabConnector } from './tab-connector';

/**
 * The side panel: the popup's note-taking, staying open while the talk plays. Unless pinned to a
 * tab with `?tab=`, it follows the active tab of its window and each page load in it.
 */
export function SidePanelApp({ setup, pinnedTabId, initialTabId }: { setup: NotePageSetup; pinnedTabId: number | null; initialTabId: number | null }) {
  const [tabId, setTabId] = useState(pinnedTabId ?? initialTabId);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (pinnedTabId !== null) return undefined;
    let windowId: number | undefined;
    void browser.windows.getCurrent().then((current) => (windowId = current.id));
    const onActivated = (info: browser.Tabs.OnActivatedActiveInfoType) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinnedTabId]);

  useEffect(() => {
    const onUpdated = (updatedId: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (updatedId === tabId && change.status === 'complete') setLoads((count) => count + 1);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);

  const connector = useMemo(() => browserTabConnector(tabId), [tabId]);
  return <PopupApp key={`${tabId}:${loads}`} {...setup} connector={connector} />;
}
