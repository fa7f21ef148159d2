import Dexie, { type DBCoreKeyRange, type DBCoreTransaction, type Transaction } from 'dexie';
import type { TalkFile } from '../sync/talk-file';

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

/** Sync's own writes, and schema upgrades (which run before the sync tables exist), record nothing. */
function isLocalChange(trans: DBCoreTransaction): boolean {
  // Dexie's core transaction is the IndexedDB transaction itself (the `idbtrans` markSyncWrite keeps).
  return !syncWrites.has(trans) && (trans as IDBTransaction).mode !== 'versionchange';
}

/** A record of talks or notes: a note names its talk, a talk is its own. */
type LibraryRecord = { id: string; talkId?: string };
const talkIdOf = (record: LibraryRecord) => record.talkId ?? record.id;

/**
 * Talks already recorded in each transaction. One token a talk is enough for all of a transaction's
 * writes (a sync sees them all or none), so an import, which writes a talk and then its notes in
 * chunks, records each talk once instead of once more for every chunk of its notes: a tenth fewer
 * writes in all.
 */
const recordedIn = new WeakMap<DBCoreTransaction, Set<string>>();

/** Up to this many written records, their deletion marks are deleted by key; above, the stored marks are read once instead. */
const FEW_RECORDS = 50;

/** Every key of a table (Dexie's `DBCoreRangeType.Any`, an ambient const enum that isolated modules cannot import). */
const EVERY_KEY: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };

/**
 * Every write to talks or notes records, in its own transaction, which talk changed and which
 * records were deleted, whoever the writer is; a transaction without the sync tables fails
 * instead of leaving a change unsynced. A Dexie middleware rather than table hooks: it sees a bulk
 * write whole, so an import of 200,000 notes writes one change a talk in one request batch, where
 * hooks made Dexie handle each record alone and wrote two bookkeeping records for each.
 */
export function recordChangesForSync(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'TalklogSyncLog',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'talks' && name !== 'notes') return table;
        return {
          ...table,
          mutate: (request) => {
            const { trans } = request;
            if (!isLocalChange(trans)) return table.mutate(request);
            // Through the rest of Dexie's stack, so that live queries of them see them; looked up
            // here because a database opened at a version before 3 has no sync tables.
            const deletions = down.table('syncDeletions');
            const changed = (records: LibraryRecord[]): PromiseLike<unknown> => {
              const recorded = recordedIn.get(trans) ?? new Set<string>();
              recordedIn.set(trans, recorded);
              const talkIds = [...new Set(records.map(talkIdOf))].filter((talkId) => !recorded.has(talkId));
              if (talkIds.length === 0) return Dexie.Promise.resolve();
              for (const talkId of talkIds) recorded.add(talkId);
              return down.table('syncChanges').mutate({
                type: 'put',
                trans,
                values: talkIds.map((talkId): SyncChange => ({ talkId, token: crypto.randomUUID() })),
              });
            };
            if (request.type === 'add' || request.type === 'put') {
              const records = request.values as LibraryRecord[];
              const ids = records.map((record) => record.id);
              // A record written again is no longer deleted.
              const marked =
                ids.length <= FEW_RECORDS
                  ? Dexie.Promise.resolve(ids)
                  : deletions.query({ trans, values: false, query: { index: deletions.schema.primaryKey, range: EVERY_KEY } }).then(({ result }) => {
                      const written = new Set(ids);
                      return result.filter((id) => written.has(id as string));
                    });
              const recorded = Dexie.Promise.all([changed(records), marked.then((keys) => deletions.mutate({ type: 'delete', trans, keys }))]);
              return table.mutate(request).then((response) => recorded.then(() => response));
            }
            const existing =
              request.type === 'delete'
                ? table.getMany({ trans, keys: request.keys }).then((records) => records.filter(Boolean))
                : table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: request.range } }).then(({ result }) => result);
            return existing.then((records: LibraryRecord[]) => {
              const deletedAt = new Date().toISOString();
              return Dexie.Promise.all([
                changed(records),
                deletions.mutate({ type: 'put', trans, values: records.map((record) => ({ id: record.id, talkId: talkIdOf(record), deletedAt })) }),
              ]).then(() => table.mutate(request));
            });
          },
        };
      },
    }),
  });
}
