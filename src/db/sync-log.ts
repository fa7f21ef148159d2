import Dexie, { type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreTransaction, type Transaction } from 'dexie';
import type { LocalDeletion } from '../sync/merge';
import type { TalkFile } from '../sync/talk-file';
import type { TalkNotes } from './talk-notes';

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
const syncWrites = new WeakSet<object>();

export function markSyncWrite(transaction: Transaction): void {
  syncWrites.add(transaction.idbtrans);
}

/**
 * The syncMeta key set while this browser syncs with a server (from a sync's start to Disconnect): only then is a
 * change recorded. A talk written while none is connected needs no record: a connection's first sync visits every
 * talk it has no synced file of (sync-run.ts), and Connect to the folder it has them of marks those (startSyncWith). Recorded regardless, an import of 20,000 talks spent a fifth of its
 * time writing their records.
 */
export const RECORDING_CHANGES = 'recordingChanges';

/** Sync's own writes, and schema upgrades (which run before the sync tables exist), record nothing. */
function isLocalChange(trans: DBCoreTransaction): boolean {
  // Dexie's core transaction is the IndexedDB transaction itself (the `idbtrans` markSyncWrite keeps).
  return !syncWrites.has(trans) && (trans as IDBTransaction).mode !== 'versionchange';
}

/** A record of the talks table, or of talkNotes (a talk's notes together). */
type LibraryRecord = { id: string } | TalkNotes;

/** A talk or a note, as a deletion mark names it. */
type Entry = Omit<LocalDeletion, 'deletedAt'>;

const talkIdOf = (record: LibraryRecord) => ('talkId' in record ? record.talkId : record.id);

/** What sync tracks in a record: a talk is its own, a talk's notes record holds one a note. */
function entriesOf(record: LibraryRecord): Entry[] {
  return 'notes' in record ? record.notes.map((note) => ({ id: note.id, talkId: record.talkId })) : [{ id: record.id, talkId: record.id }];
}

/**
 * Each transaction's record: whether it records changes (read once in it), and the talks it recorded. One token a
 * talk is enough for all of a transaction's writes (a sync sees them all or none), so an import, which writes a talk
 * and then its notes in chunks, records each talk once instead of once more for every chunk of its notes: a tenth
 * fewer writes in all.
 */
const recordedIn = new WeakMap<DBCoreTransaction, { recording: Promise<boolean>; talkIds: Set<string> }>();
/** The sync tables every local write to talks or notes must hold in its transaction (`libraryTables` adds them). */
export const SYNC_TABLES = ['syncChanges', 'syncDeletions', 'syncMeta'] as const;

/** Up to this many written records, their deletion marks are deleted by key; above, the stored marks are read once instead. */
const FEW_RECORDS = 50;

/**
 * The deletion marks of a transaction that put many talks or notes back, read once in it and kept current by its
 * writes: an Undo of a large delete puts its talks and notes back in many writes (deletion.ts), each of which read all
 * the marks again.
 */
const marksIn = new WeakMap<DBCoreTransaction, Promise<Set<string>>>();

/** Every key of a table (Dexie's `DBCoreRangeType.Any`, an ambient const enum that isolated modules cannot import). */
const EVERY_KEY: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };
/** `DBCoreRangeType.Range`. */
const KEY_RANGE = 2;

/**
 * Every write to talks or to a talk's notes records, in its own transaction, which talk changed and
 * which talks and notes were deleted (a note missing from a talk's new notes record, or every one
 * of a deleted record), whoever the writer is; a transaction without the sync tables fails instead
 * of leaving a change unsynced. A Dexie middleware rather than table hooks: it sees a bulk write
 * whole, so an import writes one change a talk in one request batch, where hooks made Dexie handle
 * each record alone and wrote two bookkeeping records for each. Slides given to saved notes are
 * recorded by their writers (recordSlidesForSync, slides.ts).
 */
export function recordChangesForSync(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'TalklogSyncLog',
    create: (down) => {
      /** Records the talk of each of `records` changed in `trans`, once a transaction, while a sync is connected. */
      const changed = (trans: DBCoreTransaction, records: LibraryRecord[]): Promise<unknown> => {
        let recorded = recordedIn.get(trans);
        if (!recorded) {
          const recording = down
            .table('syncMeta')
            .get({ trans, key: RECORDING_CHANGES })
            .then((meta: SyncMeta | undefined) => meta?.value === true);
          recordedIn.set(trans, (recorded = { recording, talkIds: new Set() }));
        }
        const { talkIds } = recorded;
        const changedIds = [...new Set(records.map(talkIdOf))].filter((talkId) => !talkIds.has(talkId));
        if (changedIds.length === 0) return Dexie.Promise.resolve();
        for (const talkId of changedIds) talkIds.add(talkId);
        return recorded.recording.then((on): unknown =>
          on
            ? down.table('syncChanges').mutate({ type: 'put', trans, values: changedIds.map((talkId): SyncChange => ({ talkId, token: crypto.randomUUID() })) })
            : undefined,
        );
      };
      return {
        ...down,
        table: (name) => {
          const table = down.table(name);
          // Marks written by anyone else (sync, a reset) leave the marks kept for the transaction behind: read again.
          if (name === 'syncDeletions')
            return {
              ...table,
              mutate: (request) => {
                marksIn.delete(request.trans);
                return table.mutate(request);
              },
            };
          if (name !== 'talks' && name !== 'talkNotes') return table;
          /**
           * The records a write replaces or deletes. A talk's put replaces no talk or note, and an add
           * replaces nothing; a notes record put replaces the stored one, whose notes may have gone.
           */
          const replaced = (request: DBCoreMutateRequest): Promise<LibraryRecord[]> => {
            const { trans } = request;
            if (request.type === 'add' || (request.type === 'put' && name === 'talks')) return Dexie.Promise.resolve([]);
            if (request.type === 'deleteRange')
              return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: request.range } }).then(({ result }) => result);
            const keys = request.type === 'delete' ? (request.keys as string[]) : (request.values as TalkNotes[]).map((record) => record.talkId);
            if (keys.length <= FEW_RECORDS) return table.getMany({ trans, keys }).then((records) => records.filter(Boolean));
            // Many records: one read of the key range they span (getMany is a request a key).
            const sorted = [...keys].sort();
            const wanted = new Set(keys);
            const range: DBCoreKeyRange = { type: KEY_RANGE, lower: sorted[0], upper: sorted[sorted.length - 1], lowerOpen: false, upperOpen: false };
            return table
              .query({ trans, values: true, query: { index: table.schema.primaryKey, range } })
              .then(({ result }) => (result as LibraryRecord[]).filter((record) => wanted.has(talkIdOf(record))));
          };
          return {
            ...table,
            mutate: (request) => {
              const { trans } = request;
              if (!isLocalChange(trans)) return table.mutate(request);
              // Checked here, not left to the first request that needs a table: most writes need only some.
              const missing = SYNC_TABLES.find((store) => !(trans as IDBTransaction).objectStoreNames.contains(store));
              // In Dexie's words for a table missing from a transaction.
              if (missing) return Dexie.Promise.reject(new Dexie.NotFoundError(`Table ${missing} not part of transaction`));
              // Through the rest of Dexie's stack, so that live queries of them see them; looked up
              // here because a database opened at a version before 3 has no sync tables.
              const deletions = down.table('syncDeletions');
              const written = request.type === 'add' || request.type === 'put' ? (request.values as LibraryRecord[]) : [];
              return replaced(request).then((before) => {
                const after = written.flatMap(entriesOf);
                const afterIds = new Set(after.map((entry) => entry.id));
                const beforeEntries = before.flatMap(entriesOf);
                const beforeIds = new Set(beforeEntries.map((entry) => entry.id));
                const deletedAt = new Date().toISOString();
                const gone = beforeEntries.filter((entry) => !afterIds.has(entry.id)).map((entry) => ({ ...entry, deletedAt }));
                // A talk or note written again is no longer deleted.
                const back = after.filter((entry) => !beforeIds.has(entry.id)).map((entry) => entry.id);
                let marks = marksIn.get(trans);
                if (!marks && back.length > FEW_RECORDS) {
                  marks = deletions
                    .query({ trans, values: false, query: { index: deletions.schema.primaryKey, range: EVERY_KEY } })
                    .then(({ result }) => new Set(result as string[]));
                  marksIn.set(trans, marks);
                }
                const marked: Promise<string[]> =
                  back.length <= FEW_RECORDS || !marks ? Dexie.Promise.resolve(back) : marks.then((ids) => back.filter((id) => ids.has(id)));
                const recorded = Dexie.Promise.all([
                  changed(trans, [...before, ...written]),
                  gone.length > 0 && deletions.mutate({ type: 'put', trans, values: gone }),
                  marked.then((keys) => (keys.length > 0 ? deletions.mutate({ type: 'delete', trans, keys }) : undefined)),
                ]);
                // Kept in the order the writes were asked for, as IndexedDB carries them out: after the read of the marks.
                void marks?.then((ids) => {
                  for (const entry of gone) ids.add(entry.id);
                  for (const id of back) ids.delete(id);
                });
                return table.mutate(request).then((response) => recorded.then(() => response));
              });
            },
          };
        },
      };
    },
  });
}
