import browser from 'webextension-polyfill';
import { openTalklogDb } from '../db/database';
import { isContentToBackgroundMessage } from '../messages/content-to-background';
import { isFromOurContentScript, isFromOurPages, isFromThisExtension, isPageToBackgroundMessage, isPageToBackgroundRequest } from '../messages/messages';
import { followActiveTabBadge } from './badge';
import { injectIntoOpenYouTubeTabs } from './inject-into-open-tabs';
import { browserBadge, browserClipEnvironment, browserQueueEnvironment } from './browser-environment';
import { CLIP_COMMAND, clipTab, finishUnfinishedClip } from './clip-command';
import { CAPTURE_SLIDE_COMMAND, captureSlideInTab, finishUnfinishedSlideCapture } from './capture-slide-command';
import { createContextMenus, onContextMenuClick } from './context-menu';
import { openSidePanel } from '../ui/open-side-panel';
import { finishUnfinishedQueues, queuePlaylistInTab } from './queue-playlist';
import { keepStorageFromContentScripts } from './storage-access';
import { startBackgroundSync } from './sync';
import { markWatchedOnClose, markWatchedOnLeave, rememberTabAtTheEnd } from './watched-on-close';

const OPEN_SIDE_PANEL_COMMAND = 'open-side-panel';

void keepStorageFromContentScripts();
const db = openTalklogDb();
const badge = followActiveTabBadge(db, browserBadge());
const clips = browserClipEnvironment(db, badge);
// What a worker stopped in the middle of a clip left in the journal, read before a new clip writes
// there; that clip then lands, or says it failed.
const leftUnfinished = clips.journal.read().catch(() => null);
void leftUnfinished.then((clip) => finishUnfinishedClip(clips, clip));
const queues = browserQueueEnvironment(db);
// Likewise a playlist being queued: read before a new request is written down, then queued again.
void queues.journal
  .all()
  .catch(() => [])
  .then((requests) => finishUnfinishedQueues(queues, requests));
const slideLeftUnfinished = clips.slideJournal.read().catch(() => null);
void slideLeftUnfinished.then((capture) => finishUnfinishedSlideCapture(clips, capture));
startBackgroundSync(db);

async function onCommand(command: string, tab?: browser.Tabs.Tab): Promise<void> {
  if (command === OPEN_SIDE_PANEL_COMMAND && tab?.windowId !== undefined) await openSidePanel({ windowId: tab.windowId });
  if (command !== CLIP_COMMAND && command !== CAPTURE_SLIDE_COMMAND) return;
  // The browser names the tab the shortcut was pressed in; asking for the active tab is the fallback.
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  if (command === CAPTURE_SLIDE_COMMAND) {
    await slideLeftUnfinished;
    return captureSlideInTab(clips, tabId);
  }
  await leftUnfinished;
  await clipTab(clips, tabId);
}

const onMenuClick = (info: browser.Menus.OnClickData, tab?: browser.Tabs.Tab) => onContextMenuClick(clips, info, tab);

browser.runtime.onInstalled.addListener(({ reason }) => {
  createContextMenus();
  if (reason === 'install' || reason === 'update') void injectIntoOpenYouTubeTabs();
  // A newcomer sees the library's welcome: it says to pin the button and gives the shortcut to clip.
  if (reason === 'install') void browser.runtime.openOptionsPage();
});
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

// The same handlers the browser calls, reachable from the worker's console: end-to-end tests
// invoke them there, since a headless browser cannot press a global shortcut or open a menu.
Object.assign(globalThis, { talklogHandlers: { onCommand, onMenuClick } });

// A page that saved or deleted a note says so: the worker may have been asleep, its live count stale.
// A page's clip confirmation that went away says so too: the badge's ✓ goes with it.
// A YouTube tab leaving a talk seen to the end says so: the talk is watched (a skipped one stays so).
// Its player coming to the end, or leaving it, is told too: a tab closed there makes the talk watched,
// since Firefox drops what a closing tab's page says.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isFromThisExtension(sender, browser.runtime.id)) return undefined;
  if (isPageToBackgroundMessage(message)) void badge.refresh();
  if (isPageToBackgroundRequest(message) && isFromOurPages(sender, browser.runtime.id, browser.runtime.getURL(''))) return queuePlaylistInTab(queues, message);
  if (isContentToBackgroundMessage(message) && isFromOurContentScript(sender, browser.runtime.id)) {
    if (message.type === 'talklog/seen-to-the-end') void markWatchedOnLeave(db, browser.storage.session, message.videoId, sender.tab?.id);
    else if (sender.tab?.id !== undefined) void rememberTabAtTheEnd(browser.storage.session, sender.tab.id, message.videoId);
  }
  return undefined;
});
browser.tabs.onRemoved.addListener((tabId) => void markWatchedOnClose(db, browser.storage.session, tabId));
