import { DEFAULT_DB_NAME, openTalklogDb, type TalklogDb } from '../db/database';
import type { Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/settings-storage';
import { applyTheme } from '../ui/apply-theme';
import { loadSyncStatus, onSyncStatusChanged } from '../sync/sync-storage';
import { storageDrafts, type DraftStore } from './drafts';
import type { SyncStateSource } from './SyncState';
import type { EarlyAsks } from './early-asks';
import { browserTabConnector } from './tab-connector';
import { firstLook, type FirstLook } from './talk-in-tab-url';

export interface NotePageSetup {
  db: TalklogDb;
  drafts: DraftStore;
  settings: Settings;
  syncState?: SyncStateSource;
}

/**
 * What the popup and the side panel both start from: the tab, its content script's answer and the database's
 * connection, asked before this code had loaded (`early`); the library read for the tab's URL once the
 * database is open, and the settings read (the page themed by them).
 */
export function startNotePage(early: EarlyAsks): Promise<[NotePageSetup, FirstLook]> {
  const db = openTalklogDb(DEFAULT_DB_NAME, early.db);
  const first = early.tab.then((tab) =>
    firstLook(db, tab?.id ?? null, browserTabConnector(tab?.id ?? null, { firstAnswer: early.talkHere, url: tab?.url ?? null })),
  );
  return Promise.all([setUpNotePage(db), first]);
}

async function setUpNotePage(db: TalklogDb): Promise<NotePageSetup> {
  void db.open().catch(() => undefined); // opening starts now; a failure surfaces on first use
  const settings = await loadSettings();
  applyTheme(settings.theme);
  onSettingsChanged((changed) => applyTheme(changed.theme));
  return { db, drafts: storageDrafts(localStorage), settings, syncState: { load: loadSyncStatus, onChanged: onSyncStatusChanged } };
}
