import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { NotePageSetup } from './page-setup';
import { PopupApp } from './PopupApp';
import type { TabFollower } from './tab-follower';
import type { FirstLook } from './page-setup';

interface SidePanelAppProps {
  setup: NotePageSetup;
  tabs: TabFollower;
  pinnedTabId: number | null;
  /** The tab the panel opens on, asked and read for as the page started. */
  first: FirstLook;
}

/**
 * The side panel: the popup's note-taking, staying open while the talk plays. Unless pinned to a
 * tab with `?tab=`, it follows the active tab of its window and each page load in it.
 */
export function SidePanelApp({ setup, tabs, pinnedTabId, first }: SidePanelAppProps) {
  // `shown` counts the tabs shown: each tab switch shows its talk afresh. `loads` counts the pages loaded in the tab
  // since: each is asked about as an in-page navigation is (a note being written holds the talk it is on).
  const [page, setPage] = useState({ tabId: first.tabId, shown: 0, loads: 0 });
  const { tabId } = page;

  // Layout effects: listening starts with the render that shows the tab, so no load in between is missed.
  useLayoutEffect(() => {
    if (pinnedTabId !== null) return;
    let listening = true;
    let switched = false;
    const show = (active: number) => listening && setPage((shown) => (shown.tabId === active ? shown : { tabId: active, shown: shown.shown + 1, loads: 0 }));
    const stop = tabs.onActiveTabChanged((active) => {
      switched = true;
      show(active);
    });
    // The tab asked for as the page started may no longer be the active one: a tab selected while the page loaded,
    // before it listened, is shown now, unless a switch heard since says where the user is.
    void tabs.activeTabId().then((active) => active === null || switched || show(active));
    return () => {
      listening = false;
      stop();
    };
  }, [tabs, pinnedTabId]);
  useLayoutEffect(
    () => (tabId === null ? undefined : tabs.onTabLoaded(tabId, () => setPage((shown) => ({ ...shown, loads: shown.loads + 1 })))),
    [tabs, tabId],
  );

  const connector = useMemo(() => (tabId === first.tabId ? first.connector : tabs.connect(tabId)), [tabs, tabId, first]);
  return (
    <PopupApp
      key={page.shown}
      {...setup}
      connector={connector}
      surface="side-panel"
      pageLoads={page.loads}
      firstRead={page.shown === 0 ? first.read : undefined}
    />
  );
}
