import { DEFAULT_DB_NAME, openTalklogDb, type TalklogDb } from '../db/database';
import { parseSettings, type Settings } from '../settings/settings';
import { loadSettings, onSettingsChanged } from '../settings/settings-storage';
import { applyTheme } from '../ui/apply-theme';
import { saveDetailsDraftsIfAny } from '../ui/save-details-drafts-at-start';
import { loadSyncStatus, onSyncStatusChanged } from '../sync/sync-storage';
import { storageDrafts, type DraftStore } from './drafts';
import type { SyncStateSource } from './SyncState';
import type { TalkWithNotes } from '../db/talks';
import type { EarlyAsks } from './early-asks';
import { browserTabConnector, type TabConnector } from './tab-connector';

export interface NotePageSetup {
  db: TalklogDb;
  drafts: DraftStore;
  /** Kept current as they change in the library: read when used, not once (a side panel stays open for days). */
  settings: Settings;
  syncState?: SyncStateSource;
}

/** The tab a note page opens on, asked at once, and what the library holds for its talk. */
export interface FirstLook {
  tabId: number | null;
  /** A connector that asked the tab already (early-asks.ts): its first answer is on its way. */
  connector: TabConnector;
  /** The talk of the tab's first answer as the library holds it, for the first talk the page shows only (null: read it). */
  read: Promise<TalkWithNotes | null>;
}

/**
 * What the popup and the side panel both start from: the tab, its content script's answer, the database's
 * connection and what it holds for that talk, and the settings, asked before this code had loaded (`early`); the page
 * themed by the settings.
 */
export function startNotePage(early: EarlyAsks): Promise<[NotePageSetup, FirstLook]> {
  const db = openTalklogDb(DEFAULT_DB_NAME, early.db);
  const first = early.tabId.then((tabId): FirstLook => ({ tabId, connector: browserTabConnector(tabId, { firstAnswer: early.talkHere }), read: early.saved }));
  return Promise.all([setUpNotePage(db, early.storedSettings), first]);
}

async function setUpNotePage(db: TalklogDb, storedSettings: Promise<unknown>): Promise<NotePageSetup> {
  void db.open().catch(() => undefined); // opening starts now; a failure surfaces on first use
  saveDetailsDraftsIfAny(db);
  const settings = await storedSettings.then(parseSettings, loadSettings);
  applyTheme(settings.theme);
  onSettingsChanged((changed) => applyTheme(Object.assign(settings, changed).theme));
  return { db, drafts: storageDrafts(localStorage), settings, syncState: { load: loadSyncStatus, onChanged: onSyncStatusChanged } };
}
