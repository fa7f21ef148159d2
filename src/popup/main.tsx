import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { setUpNotePage } from './page-setup';
import { PopupApp } from './PopupApp';
import { browserTabConnector, resolveTabId } from './tab-connector';

const [setup, tabId] = await Promise.all([setUpNotePage(), resolveTabId(location.search)]);
render(<PopupApp {...setup} connector={browserTabConnector(tabId)} />, document.getElementById('app')!);
