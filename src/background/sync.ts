import browser from 'webextension-polyfill';
import type { TalklogDb } from '../db/database';
import { watchQuery } from '../db/live';
import { countSyncChanges, forgetSync, syncDeviceId } from '../db/sync-store';
import { isFromThisExtension, isSyncRequest, type SyncReply, type SyncRequest } from '../messages/messages';
import type { SyncAccount, SyncProblem, SyncStatus } from '../sync/sync-status';
import { loadSyncAccount, saveSyncAccount, saveSyncStatus } from '../sync/sync-storage';
import { thumbnailOf } from '../slides/encode';
import { syncWithServer } from '../sync/sync-run';
import { checkFolderUrl, createDavClient, DavError, prepareFolder } from '../sync/webdav';

const ALARM = 'talklog-sync';
const PERIOD_MINUTES = 15;
/** After a local change, wait for typing to pause before syncing. */
const AFTER_CHANGE_MS = 5000;

/**
 * Syncs when it is worth it: at browser start, every 15 minutes, a few seconds after a change
 * (in any page), and when the library asks. The sync after a change leaves the whole talk log to
 * the others, so that it is rewritten at most every 15 minutes while notes are being written. Runs one at a time. A worker stopped mid-sync
 * resumes on its next start: each talk is saved with its file in one transaction, and what is
 * not yet synced is still recorded as changed.
 */
export function startBackgroundSync(db: TalklogDb): void {
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** `talkLog`: whether this sync rewrites the whole talk log if it is stale (sync-run.ts). */
  const sync = (talkLog: 'now' | 'later' = 'now'): Promise<SyncStatus> => {
    clearTimeout(timer);
    const run = queue.then(() => syncOnce(db, talkLog));
    queue = run.catch(() => undefined);
    return run;
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void sync('later'), AFTER_CHANGE_MS);
  };

  const handle = async (request: SyncRequest): Promise<SyncReply> => {
    if (request.type === 'talklog/sync-now') return sync();
    if (request.type === 'talklog/sync-disconnect') {
      await saveSyncAccount(null);
      await forgetSync(db);
      const off: SyncStatus = { kind: 'off' };
      await saveSyncStatus(off);
      return off;
    }
    const failure = await connect(db, request.account);
    if (failure) {
      await saveSyncStatus(failure);
      return failure;
    }
    return sync();
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (isFromThisExtension(sender, browser.runtime.id) && isSyncRequest(message)) return handle(message);
    return undefined;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void sync();
  });
  browser.runtime.onStartup.addListener(() => void sync());
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: PERIOD_MINUTES });
  });
  watchQuery(() => countSyncChanges(db), { next: (waiting) => waiting > 0 && soon(), error: () => undefined });
}

/** Checks the account and the folder (creating it when missing) before anything is saved; the failure, if any. */
async function connect(db: TalklogDb, account: SyncAccount): Promise<SyncStatus | null> {
  try {
    const folderUrl = checkFolderUrl(account.folderUrl);
    if (!(await browser.permissions.contains({ origins: [`${new URL(folderUrl).origin}/*`] }))) return failed('permission', new URL(folderUrl).origin);
    const checked = { ...account, folderUrl };
    await prepareFolder(createDavClient(checked));
    // Another folder, maybe another server: what was synced with the old one says nothing about it.
    if ((await loadSyncAccount())?.folderUrl !== folderUrl) await forgetSync(db);
    await saveSyncAccount(checked);
    return null;
  } catch (error) {
    return failedWith(error);
  }
}

async function syncOnce(db: TalklogDb, talkLog: 'now' | 'later'): Promise<SyncStatus> {
  const account = await loadSyncAccount();
  if (!account) return { kind: 'off' };
  await saveSyncStatus({ kind: 'syncing', since: new Date().toISOString() });
  let status: SyncStatus;
  try {
    if (!(await browser.permissions.contains({ origins: [`${new URL(account.folderUrl).origin}/*`] }))) {
      status = failed('permission', new URL(account.folderUrl).origin);
    } else {
      const report = await syncWithServer(db, createDavClient(account), { device: await syncDeviceId(db), thumbnail: thumbnailOf, talkLog });
      status =
        report.unreadable.length > 0
          ? failed('unreadable', report.unreadable.join('; '))
          : { kind: 'synced', at: new Date().toISOString(), changes: report.changes, conflicts: report.conflicts };
    }
  } catch (error) {
    status = failedWith(error);
  }
  await saveSyncStatus(status);
  return status;
}

function failed(problem: SyncProblem, detail: string): SyncStatus {
  return { kind: 'failed', at: new Date().toISOString(), problem, detail };
}

function failedWith(error: unknown): SyncStatus {
  if (error instanceof DavError) return failed(error.problem, error.message);
  return failed('other', error instanceof Error ? error.message : String(error));
}
