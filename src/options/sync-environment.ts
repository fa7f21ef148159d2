import browser from 'webextension-polyfill';
import type { SyncReply } from '../messages/messages';
import { loadSyncAccount, loadSyncStatus, onSyncStatusChanged } from '../sync/sync-storage';
import type { SyncEnvironment } from './SyncSettings';

export function browserSyncEnvironment(): SyncEnvironment {
  return {
    loadAccount: async () => {
      const account = await loadSyncAccount();
      return account && { folderUrl: account.folderUrl, user: account.user };
    },
    loadStatus: loadSyncStatus,
    onStatusChanged: onSyncStatusChanged,
    requestOrigin: (origin) => browser.permissions.request({ origins: [origin] }),
    send: (request) => browser.runtime.sendMessage(request) as Promise<SyncReply>,
  };
}
