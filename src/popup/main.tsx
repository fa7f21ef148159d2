import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { setUpNotePage } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserTabConnector, resolveTabId } from './tab-connector';

// The tab is asked, the database opened and the settings read all at once.
const connector = resolveTabId(location.search).then((tabId) => browserTabConnector(tabId, { askNow: true }));
const [setup, tabConnector] = await Promise.all([setUpNotePage(), connector]);
render(<PopupApp {...setup} connector={tabConnector} />, document.getElementById('app')!);
