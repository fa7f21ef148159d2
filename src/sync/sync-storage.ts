import browser from 'webextension-polyfill';
import { isSyncAccount, isSyncStatus, type SyncAccount, type SyncStatus } from './sync-status';

const ACCOUNT_KEY = 'syncAccount';
const STATUS_KEY = 'syncStatus';

export async function loadSyncAccount(): Promise<SyncAccount | null> {
  const stored = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  return isSyncAccount(stored) ? stored : null;
}

export async function saveSyncAccount(account: SyncAccount | null): Promise<void> {
  if (account) await browser.storage.local.set({ [ACCOUNT_KEY]: account });
  else await browser.storage.local.remove(ACCOUNT_KEY);
}

export async function loadSyncStatus(): Promise<SyncStatus> {
  const stored = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY];
  return isSyncStatus(stored) ? stored : { kind: 'off' };
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

/** Follows the status as the background's syncs change it; returns the function that stops. */
export function onSyncStatusChanged(listener: (status: SyncStatus) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && STATUS_KEY in changes) listener(isSyncStatus(changes[STATUS_KEY].newValue) ? changes[STATUS_KEY].newValue : { kind: 'off' });
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
