import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { TalkFile } from '../sync/talk-file';
import type { Note, Talk } from '../talk/model';

/** A talk changed here since its last sync; `token` changes with every change, so a sync can tell a change made while it ran. */
export interface SyncChange {
  talkId: string;
  token: string;
}

export interface SyncedFile {
  talkId: string;
  /** The ETag the server gave the file (without a weak `W/` prefix). */
  etag: string;
  /** The file as this device last merged it: what "changed here since" is measured against. */
  base: TalkFile;
  /** Where the talk's markdown mirror was last written, so a move deletes the old one. */
  markdownPath: string | null;
}

export interface SyncMeta {
  key: string;
  value: unknown;
}

/** Transactions in which sync applies what it merged: their writes are not local changes. */
const syncWrites = new WeakSet<Transaction>();

export function markSyncWrite(transaction: Transaction): void {
  syncWrites.add(transaction);
}

/** Sync's own writes, and schema upgrades (which run before the sync tables exist), record nothing. */
function isLocalChange(transaction: Transaction): boolean {
  return !syncWrites.has(transaction) && transaction.idbtrans.mode !== 'versionchange';
}

/**
 * Every write to talks or notes records, in its own transaction, which talk changed and which
 * records were deleted, whoever the writer is; a transaction without the sync tables fails
 * instead of leaving a change unsynced.
 */
export function recordChangesForSync(db: Dexie): void {
  const changed = (transaction: Transaction, talkId: string) => {
    if (isLocalChange(transaction)) void transaction.table('syncChanges').put({ talkId, token: crypto.randomUUID() });
  };
  const deleted = (transaction: Transaction, id: string, talkId: string) => {
    if (!isLocalChange(transaction)) return;
    changed(transaction, talkId);
    void transaction.table('syncDeletions').put({ id, talkId, deletedAt: new Date().toISOString() });
  };
  const restored = (transaction: Transaction, id: string, talkId: string) => {
    if (!isLocalChange(transaction)) return;
    changed(transaction, talkId);
    void transaction.table('syncDeletions').delete(id);
  };
  const talks = db.table<Talk, string>('talks');
  const notes = db.table<Note, string>('notes');
  talks.hook('creating', (_id, talk, transaction) => restored(transaction, talk.id, talk.id));
  talks.hook('updating', (_changes, _id, talk, transaction) => changed(transaction, talk.id));
  talks.hook('deleting', (_id, talk, transaction) => deleted(transaction, talk.id, talk.id));
  notes.hook('creating', (_id, note, transaction) => restored(transaction, note.id, note.talkId));
  notes.hook('updating', (_changes, _id, note, transaction) => changed(transaction, note.talkId));
  notes.hook('deleting', (_id, note, transaction) => deleted(transaction, note.id, note.talkId));
}
