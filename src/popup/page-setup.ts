import { openTalklogDb, type TalklogDb } from '../db/database';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/settings-storage';
import { applyTheme } from '../ui/apply-theme';
import { loadSyncStatus, onSyncStatusChanged } from '../sync/sync-storage';
import { storageDrafts, type DraftStore } from './drafts';
import type { SyncStateSource } from './SyncState';

export interface NotePageSetup {
  db: TalklogDb;
  drafts: DraftStore;
  settings: Settings;
  syncState?: SyncStateSource;
}

/**
 * What the popup and the side panel both start from: the database, drafts and settings, themed.
 * `db`: made by the caller to read from it at once (opened here all the same).
 */
export async function setUpNotePage(db = openTalklogDb()): Promise<NotePageSetup> {
  void db.open().catch(() => undefined); // opening starts now; a failure surfaces on first use
  const settings = await loadSettings();
  applyTheme(settings.theme);
  onSettingsChanged((changed) => applyTheme(changed.theme));
  return { db, drafts: storageDrafts(localStorage), settings, syncState: { load: loadSyncStatus, onChanged: onSyncStatusChanged } };
}
