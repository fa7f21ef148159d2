import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { NotePageSetup } from './page-setup';
import { PopupApp } from './PopupApp';
import type { TabFollower } from './tab-connector';

interface SidePanelAppProps {
  setup: NotePageSetup;
  tabs: TabFollower;
  pinnedTabId: number | null;
  initialTabId: number | null;
}

/**
 * The side panel: the popup's note-taking, staying open while the talk plays. Unless pinned to a
 * tab with `?tab=`, it follows the active tab of its window and each page load in it.
 */
export function SidePanelApp({ setup, tabs, pinnedTabId, initialTabId }: SidePanelAppProps) {
  const [tabId, setTabId] = useState(pinnedTabId ?? initialTabId);
  const [loads, setLoads] = useState(0);

  // Layout effects: listening starts with the render that shows the tab, so no load in between is missed.
  useLayoutEffect(() => (pinnedTabId === null ? tabs.onActiveTabChanged(setTabId) : undefined), [tabs, pinnedTabId]);
  useLayoutEffect(() => (tabId === null ? undefined : tabs.onTabLoaded(tabId, () => setLoads((count) => count + 1))), [tabs, tabId]);

  const connector = useMemo(() => tabs.connect(tabId), [tabs, tabId]);
  return <PopupApp key={`${tabId}:${loads}`} {...setup} connector={connector} surface="side-panel" />;
}
