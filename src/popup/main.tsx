import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { earlyAsks } from './asks-first';
import { holdToWindowHeight } from './hold-to-window';
import { pinnedTabId } from './early-asks';
import { startNotePage } from './page-setup';
import { PopupApp } from './PopupApp';

const [setup, { connector, read }] = await startNotePage(earlyAsks);
// The toolbar popup makes way for the side panel; a popup page opened as a tab (`?tab=`) stays.
const closeForSidePanel = () => {
  if (pinnedTabId(location.search) === null) window.close();
};
holdToWindowHeight();
render(<PopupApp {...setup} connector={connector} firstRead={read} onSidePanelOpened={closeForSidePanel} />, document.getElementById('app')!);
