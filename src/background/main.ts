import browser from 'webextension-polyfill';
import { openTalklogDb } from '../db/database';
import { isFromThisExtension, isPageToBackgroundMessage } from '../messages/messages';
import { followActiveTabBadge } from './badge';
import { CLIP_COMMAND, clipActiveTab } from './clip-command';
import { createContextMenus, onContextMenuClick } from './context-menu';
import { openSidePanel } from '../ui/open-side-panel';

const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

const db = openTalklogDb();
const badge = followActiveTabBadge(db);

async function onCommand(command: string, tab?: browser.Tabs.Tab): Promise<void> {
  if (command === CLIP_COMMAND) await clipActiveTab(db, badge);
  if (command === OPEN_SIDE_PANEL_COMMAND && tab?.windowId !== undefined) await openSidePanel({ windowId: tab.windowId });
}

const onMenuClick = (info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab) => onContextMenuClick(db, badge, info, tab);

browser.runtime.onInstalled.addListener(createContextMenus);
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

// The same handlers the browser calls, reachable from the worker's console: end-to-end tests
// invoke them there, since a headless browser cannot press a global shortcut or open a menu.
Object.assign(globalThis, { talklogHandlers: { onCommand, onMenuClick } });

// A page that saved or deleted a note says so: the worker may have been asleep, its live count stale.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (isFromThisExtension(sender, browser.runtime.id) && isPageToBackgroundMessage(message)) void badge.refresh();
  return undefined;
});
