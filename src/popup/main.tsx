import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { setUpNotePage } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserConferenceConnector } from './conference-connector';
import { browserTabConnector, pinnedTabId, resolveTabId } from './tab-connector';

// The tab is asked, the database opened and the settings read all at once.
const tab = resolveTabId(location.search).then((tabId) => [tabId, browserTabConnector(tabId, { askNow: true })] as const);
const [setup, [tabId, tabConnector]] = await Promise.all([setUpNotePage(), tab]);
const conference = tabId === null ? undefined : browserConferenceConnector(tabId);
// The toolbar popup makes way for the side panel; a popup page opened as a tab (`?tab=`) stays.
const closeForSidePanel = () => {
  if (pinnedTabId(location.search) === null) window.close();
};
render(<PopupApp {...setup} connector={tabConnector} onSidePanelOpened={closeForSidePanel} conference={conference} />, document.getElementById('app')!);
