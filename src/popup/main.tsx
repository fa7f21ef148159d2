import { render } from 'preact';
import { openTalklogDb } from '../db/database';
import '../ui/theme.css';
import './popup.css';
import { storageDrafts } from './drafts';
import { PopupApp } from './PopupApp';
import { browserTabConnector, resolveTabId } from './tab-connector';

const tabId = await resolveTabId(location.search);
render(<PopupApp db={openTalklogDb()} drafts={storageDrafts(localStorage)} connector={browserTabConnector(tabId)} />, document.getElementById('app')!);
