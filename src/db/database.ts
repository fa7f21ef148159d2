import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Note, Talk } from '../talk/model';
import type { Slide } from '../talk/slide';
import type { LocalDeletion } from '../sync/merge';
import { recordChangesForSync, type SyncedFile, type SyncChange, type SyncMeta } from './sync-log';

export type TalklogDb = Dexie & {
  talks: EntityTable<Talk, 'id'>;
  notes: EntityTable<Note, 'id'>;
  /** Talks changed here since their last sync (schema 3). */
  syncChanges: EntityTable<SyncChange, 'talkId'>;
  /** Talks and notes deleted here since their last sync. */
  syncDeletions: EntityTable<LocalDeletion, 'id'>;
  /** Each talk file as last synced, with its ETag. */
  syncFiles: EntityTable<SyncedFile, 'talkId'>;
  syncMeta: Table<SyncMeta, string>;
  slides: EntityTable<Slide, 'id'>;
};

export const DEFAULT_DB_NAME = 'talklog';

/**
 * Every schema version, oldest first. A new version keeps the old ones and adds
 * `.stores()` plus an `.upgrade()` that rewrites old records (README, "Adding a schema version").
 */
export function openTalklogDb(name: string = DEFAULT_DB_NAME): TalklogDb {
  const db = new Dexie(name) as TalklogDb;
  db.version(1).stores({
    talks: 'id, &videoId, createdAt, updatedAt, category, event, status, interest, *tags',
    notes: 'id, talkId, [talkId+createdAt], updatedAt',
  });
  // 2: talks keep YouTube's whole title beside the split one; earlier talks have none.
  db.version(2)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('talks')
        .toCollection()
        .modify((talk: Partial<Talk>) => {
          talk.youtubeTitle ??= null;
        }),
    );
  // 3: sync's bookkeeping; nothing to rewrite, so a first sync sends every talk.
  db.version(3).stores({ syncChanges: 'talkId', syncDeletions: 'id, talkId', syncFiles: 'talkId, etag', syncMeta: 'key' });
  // 5: a talk queued from a playlist keeps its place there; earlier talks were clipped alone.
  db.version(5)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('talks')
        .toCollection()
        .modify((talk: Partial<Talk>) => {
          talk.playlist ??= null;
        }),
    );
  // 6: slides, frames of the talk kept with a note, images as Blobs in a table of their own.
  // (4 was planned for slides while 5 landed first; it stays unused, Dexie runs the versions that exist, in order.)
  db.version(6).stores({ slides: 'id, owner, talkId' });
  recordChangesForSync(db);
  return db;
}

/**
 * The tables every change to talks or notes writes: the change is recorded for sync in the same
 * transaction (`recordChangesForSync` fails a write whose transaction leaves them out).
 */
export function libraryTables(db: TalklogDb) {
  return [db.talks, db.notes, db.syncChanges, db.syncDeletions];
}
