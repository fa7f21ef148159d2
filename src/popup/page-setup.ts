import { openTalklogDb, type TalklogDb } from '../db/database';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/settings-storage';
import { applyTheme } from '../ui/apply-theme';
import { loadSyncStatus, onSyncStatusChanged } from '../sync/sync-storage';
import { storageDrafts, type DraftStore } from './drafts';
import type { SyncStateSource } from './SyncState';
import { browserTabConnector, resolveTabId } from './tab-connector';
import { firstLook, type FirstLook } from './talk-in-tab-url';

export interface NotePageSetup {
  db: TalklogDb;
  drafts: DraftStore;
  settings: Settings;
  syncState?: SyncStateSource;
}

/**
 * What the popup and the side panel both start from, all begun at once: the tab of `?tab=` (else the
 * active one) asked, the database opened and read for the tab's URL, and the settings read (the
 * page themed by them).
 */
export function startNotePage(search: string): Promise<[NotePageSetup, FirstLook]> {
  const db = openTalklogDb();
  const first = resolveTabId(search).then((tabId) => firstLook(db, tabId, browserTabConnector(tabId, { askNow: true })));
  return Promise.all([setUpNotePage(db), first]);
}

async function setUpNotePage(db: TalklogDb): Promise<NotePageSetup> {
  void db.open().catch(() => undefined); // opening starts now; a failure surfaces on first use
  const settings = await loadSettings();
  applyTheme(settings.theme);
  onSettingsChanged((changed) => applyTheme(changed.theme));
  return { db, drafts: storageDrafts(localStorage), settings, syncState: { load: loadSyncStatus, onChanged: onSyncStatusChanged } };
}
