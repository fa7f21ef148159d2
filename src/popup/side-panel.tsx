import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { startNotePage } from './page-setup';
import { SidePanelApp } from './SidePanelApp';
import { browserTabFollower, pinnedTabId } from './tab-connector';

const [setup, first] = await startNotePage(location.search);
document.body.classList.add('side-panel');
render(<SidePanelApp setup={setup} tabs={browserTabFollower()} pinnedTabId={pinnedTabId(location.search)} first={first} />, document.getElementById('app')!);
