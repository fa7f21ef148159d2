import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { setUpNotePage } from './page-setup';
import { SidePanelApp } from './SidePanelApp';
import { browserTabFollower, pinnedTabId, resolveTabId } from './tab-connector';

const [setup, initialTabId] = await Promise.all([setUpNotePage(), resolveTabId(location.search)]);
document.body.classList.add('side-panel');
render(
  <SidePanelApp setup={setup} tabs={browserTabFollower()} pinnedTabId={pinnedTabId(location.search)} initialTabId={initialTabId} />,
  document.getElementById('app')!,
);
