import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { watchQuery } from '../db/live';
import { countSyncChanges } from '../db/sync-store';
import { isFromOurPages, isSyncRequest } from '../messages/messages';
import { loadSyncAccount, loadSyncStatus, saveSyncAccount, saveSyncStatus } from '../sync/sync-storage';
import { thumbnailOf } from '../slides/encode';
import { createDavClient, hostPattern } from '../sync/webdav';
import { backgroundSync, type SyncEnvironment } from './sync-service';

const ALARM = 'talklog-sync';
const PERIOD_MINUTES = 15;

/**
 * Syncs when it is worth it: at browser start, every 15 minutes, a few seconds after a change
 * (in any page), and when the library asks. The sync after a change leaves the whole talk log to
 * the others, so that it is rewritten at most every 15 minutes while notes are being written.
 * One at a time, Connect and Disconnect too (sync-service.ts).
 */
export function startBackgroundSync(db: TalklogDb): void {
  const background = backgroundSync(browserSyncEnvironment(db));
  void background.resumeInterrupted();
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (isFromOurPages(sender, browser.runtime.id, browser.runtime.getURL('')) && isSyncRequest(message)) return background.handle(message);
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void background.sync();
  });
  browser.runtime.onStartup.addListener(() => void background.sync());
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES });
  });
  watchQuery(() => countSyncChanges(db), { next: (waiting) => waiting > 0 && background.soon(), error: () => undefined });
}

function browserSyncEnvironment(db: TalklogDb): SyncEnvironment {
  return {
    db,
    mayReach: (folderUrl) => browser.permissions.contains({ origins: [hostPattern(folderUrl)] }),
    release: async (folderUrl) => {
      const pattern = hostPattern(folderUrl);
      // One the manifest grants (YouTube's, or a test build's) cannot be removed, and is not sync's to give back.
      if (!browser.runtime.getManifest().host_permissions?.includes(pattern)) await browser.permissions.remove({ origins: [pattern] });
    },
    dav: (account) => createDavClient(account),
    loadAccount: loadSyncAccount,
    loadStatus: loadSyncStatus,
    saveAccount: saveSyncAccount,
    saveStatus: saveSyncStatus,
    thumbnail: thumbnailOf,
  };
}
