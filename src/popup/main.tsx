import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { openTalklogDb } from '../db/database';
import { setUpNotePage } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserTabConnector, pinnedTabId, resolveTabId } from './tab-connector';
import { readTalkInTabUrl } from './talk-in-tab-url';

// The tab is asked, the database opened and read for the tab's URL, and the settings read, all at once.
const db = openTalklogDb();
const connector = resolveTabId(location.search).then((tabId) => browserTabConnector(tabId, { askNow: true }));
const firstRead = connector.then((tab) => readTalkInTabUrl(db, tab));
const [setup, tabConnector] = await Promise.all([setUpNotePage(db), connector]);
// The toolbar popup makes way for the side panel; a popup page opened as a tab (`?tab=`) stays.
const closeForSidePanel = () => {
  if (pinnedTabId(location.search) === null) window.close();
};
render(<PopupApp {...setup} connector={tabConnector} firstRead={firstRead} onSidePanelOpened={closeForSidePanel} />, document.getElementById('app')!);
