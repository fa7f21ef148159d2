import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { earlyAsks } from './asks-first';
import { pinnedTabId } from './early-asks';
import { startNotePage } from './page-setup';
import { SidePanelApp } from './SidePanelApp';
import { browserTabFollower } from './tab-follower';

const [setup, first] = await startNotePage(earlyAsks);
document.body.classList.add('side-panel');
render(<SidePanelApp setup={setup} tabs={browserTabFollower()} pinnedTabId={pinnedTabId(location.search)} first={first} />, document.getElementById('app')!);
