import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { setUpNotePage } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserTabConnector, pinnedTabId, resolveTabId } from './tab-connector';

// The tab is asked, the database opened and the settings read all at once.
const connector = resolveTabId(location.search).then((tabId) => browserTabConnector(tabId, { askNow: true }));
const [setup, tabConnector] = await Promise.all([setUpNotePage(), connector]);
// The toolbar popup makes way for the side panel; a popup page opened as a tab (`?tab=`) stays.
const closeForSidePanel = () => {
  if (pinnedTabId(location.search) === null) window.close();
};
render(<PopupApp {...setup} connector={tabConnector} onSidePanelOpened={closeForSidePanel} />, document.getElementById('app')!);
