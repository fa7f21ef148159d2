import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Note, Talk } from '../talk/model';
import type { Slide } from '../talk/slide';
import type { LocalDeletion } from '../sync/merge';
import { adoptConnection } from './adopt-connection';
import { RECORDING_CHANGES, recordChangesForSync, SYNC_TABLES, type SyncedFile, type SyncChange, type SyncMeta } from './sync-log';
import { byWrittenOrder, type TalkNotes } from './talk-notes';

export type TalklogDb = Dexie & {
  talks: EntityTable<Talk, 'id'>;
  /** Each talk's notes in one record (schema 7; before, a record a note). */
  talkNotes: EntityTable<TalkNotes, 'talkId'>;
  /** Talks changed here since their last sync (schema 3). */
  syncChanges: EntityTable<SyncChange, 'talkId'>;
  /** Talks and notes deleted here since their last sync. */
  syncDeletions: EntityTable<LocalDeletion, 'id'>;
  /** Each talk file as last synced, with its ETag. */
  syncFiles: EntityTable<SyncedFile, 'talkId'>;
  syncMeta: Table<SyncMeta, string>;
  slides: EntityTable<Slide, 'id'>;
  /** Queued talks the user deleted (schema 10): queueing a playlist again leaves them out. */
  deletedFromQueue: EntityTable<DeletedQueuedTalk, 'talkId'>;
};

/** A talk queued from a playlist, then deleted: by the user here, or on another browser and synced. */
export interface DeletedQueuedTalk {
  talkId: string;
  deletedAt: string;
}

export const DEFAULT_DB_NAME = 'talklog';
/** Talks whose notes version 7's upgrade moves at a time: a library's notes are never all held at once. */
const UPGRADE_CHUNK = 500;

/**
 * The schema versions that rewrite records, oldest first, each with every table as it stood then. Dexie compares
 * the tables a browser has with each version newer than its own and makes the tables and indexes that differ, so a
 * version that only changed tables needs no declaration of its own: 1, 3, 6 and 8 are folded into the next. Each
 * version declared cost every page that opens the database a pass over all of them as it started (5–7 ms with all
 * eight). A new version is added below these, which stay as they are (README, "Adding a schema version").
 * `connection`: one opened before Dexie loaded (early-connection.ts), taken when it fits.
 */
export function openTalklogDb(name: string = DEFAULT_DB_NAME, connection?: Promise<IDBDatabase | null>): TalklogDb {
  const db = new Dexie(name, connection && { indexedDB: adoptConnection(connection) }) as TalklogDb;
  // 5: talks keep YouTube's whole title beside the split one (2) and their place in the playlist they were queued
  // from (5); earlier talks have neither. 3 added sync's bookkeeping, empty: a first sync sends every talk.
  db.version(5)
    .stores({
      talks: 'id, &videoId, createdAt, updatedAt, category, event, status, interest, *tags',
      notes: 'id, talkId, [talkId+createdAt], updatedAt',
      syncChanges: 'talkId',
      syncDeletions: 'id, talkId',
      syncFiles: 'talkId, etag',
      syncMeta: 'key',
    })
    .upgrade((tx) =>
      tx
        .table('talks')
        .toCollection()
        .modify((talk: Partial<Talk>) => {
          talk.youtubeTitle ??= null;
          talk.playlist ??= null;
        }),
    );
  // 7: a talk's notes in one record, a tenth of the records to write on import and one read a talk.
  // Dexie deletes `notes` after this upgrade has read it (updateTablesAndIndexes in its source).
  // 6 added slides, frames of the talk kept with a note, images as Blobs in a table of their own.
  // (4 was planned for slides while 5 landed first; it stays unused.)
  db.version(7)
    .stores({ slides: 'id, owner, talkId', talkNotes: 'talkId', notes: null })
    .upgrade(async (tx) => {
      const notes = tx.table<Note, string>('notes');
      const talkIds = (await notes.orderBy('talkId').uniqueKeys()) as string[];
      for (let start = 0; start < talkIds.length; start += UPGRADE_CHUNK) {
        const chunk = talkIds.slice(start, start + UPGRADE_CHUNK);
        // Through the talkId index and sorted here: the [talkId+createdAt] index holds no note whose
        // createdAt is absent or null (none Talklog wrote, but a damaged record can be so), and an
        // upgrade must not drop a note.
        const stored = await notes
          .where('talkId')
          .between(chunk[0], chunk[chunk.length - 1], true, true)
          .toArray();
        const records = new Map<string, TalkNotes>();
        for (const found of stored) {
          // Without a creation time, a note takes its last change's, the closest known, and is ordered by it.
          const note = typeof found.createdAt === 'string' ? found : { ...found, createdAt: found.updatedAt };
          const record = records.get(note.talkId) ?? { talkId: note.talkId, notes: [] };
          record.notes.push(note);
          records.set(note.talkId, record);
        }
        for (const record of records.values()) record.notes.sort(byWrittenOrder);
        await tx.table<TalkNotes, string>('talkNotes').bulkAdd([...records.values()]);
      }
    });
  // 9: the indexes no read uses (updatedAt, status, interest) dropped: the library sorts and filters in memory. Each
  // cost every talk written an entry: 20,000 talks wrote in 3.5 s without them, 4.0 s with them. 8 added
  // [event+status]: the popup's Up next reads only the talks of an event still to watch, not all of the event's
  // (2,000 at a big conference).
  // Changes are recorded for sync only while one is connected (sync-log.ts); a browser that has synced goes on
  // recording them, or a talk changed before its next sync would not be sent.
  db.version(9)
    .stores({ talks: 'id, &videoId, createdAt, category, event, *tags, [event+status]' })
    .upgrade(async (tx) => {
      if ((await tx.table('syncFiles').count()) > 0) await tx.table('syncMeta').put({ key: RECORDING_CHANGES, value: true });
    });
  // 10: queued talks the user deleted, remembered so that queueing their playlist again leaves them out.
  db.version(10).stores({ deletedFromQueue: 'talkId' });
  recordChangesForSync(db);
  return db;
}

/**
 * The tables every change to talks or notes writes: while a sync is connected (syncMeta says so), the change is
 * recorded for sync in the same transaction (`recordChangesForSync` fails a write whose transaction leaves them out).
 */
export function libraryTables(db: TalklogDb) {
  return [db.talks, db.talkNotes, ...SYNC_TABLES.map((name) => db.table(name))];
}
