/** What the sync engine reads and writes locally: the talks changed since the last sync, and each talk's last synced file. */

import { localRecords, type LocalTalk } from '../sync/merge';
import { syncedSlide } from '../sync/synced-slides';
import type { TalkFile } from '../sync/talk-file';
import { isDraftOwner, type Slide } from '../talk/slide';
import { libraryTables, type TalklogDb } from './database';
import { rememberDeleted } from './deleted-from-queue';
import { notesForTalk, putTalkNotes } from './notes';
import { markSyncWrite, RECORDING_CHANGES } from './sync-log';
import { byWrittenOrder } from './talk-notes';

/**
 * Which talks changed here (with their change token), the ETag of every file synced before, every talk held here, and
 * the talks whose markdown mirror their last sync could not write.
 */
export interface SyncSnapshot {
  changes: Map<string, string>;
  etags: Map<string, string>;
  talkIds: string[];
  mirrorsUnwritten: Set<string>;
}

/** The syncMeta key of the talks whose markdown mirror their last sync could not write (locked, refused): the next sync writes it. */
const MIRRORS_UNWRITTEN = 'mirrorsUnwritten';

async function mirrorsUnwritten(db: TalklogDb): Promise<Set<string>> {
  const stored = (await db.syncMeta.get(MIRRORS_UNWRITTEN))?.value;
  return new Set(Array.isArray(stored) ? (stored as string[]) : []);
}

export async function syncSnapshot(db: TalklogDb): Promise<SyncSnapshot> {
  return db.transaction('r', [db.talks, db.syncChanges, db.syncFiles, db.syncMeta], async () => {
    const changes = new Map((await db.syncChanges.toArray()).map((change) => [change.talkId, change.token]));
    const etags = new Map<string, string>();
    // Keys only: the files' bases and the talks stay on disk.
    await db.syncFiles.orderBy('etag').eachKey((etag, cursor) => etags.set(cursor.primaryKey as string, etag as string));
    const talkIds = (await db.talks.toCollection().primaryKeys()) as string[];
    return { changes, etags, talkIds, mirrorsUnwritten: await mirrorsUnwritten(db) };
  });
}

export interface TalkSyncState extends LocalTalk {
  etag: string | null;
  markdownPath: string | null;
  /** The change token when read; saving the merge checks it is still the same. */
  token: string | null;
}

export async function readTalkForSync(db: TalklogDb, talkId: string): Promise<TalkSyncState> {
  return db.transaction('r', [...libraryTables(db), db.syncFiles, db.slides], async () => {
    const [talk, notes, deletions, synced, change, slides] = await Promise.all([
      db.talks.get(talkId),
      notesForTalk(db, talkId),
      db.syncDeletions.where('talkId').equals(talkId).toArray(),
      db.syncFiles.get(talkId),
      db.syncChanges.get(talkId),
      db.slides.where('talkId').equals(talkId).toArray(),
    ]);
    return {
      talk,
      notes,
      deletions,
      slides: slides.filter((slide) => !isDraftOwner(slide.owner)).map(syncedSlide),
      base: synced?.base ?? null,
      etag: synced?.etag ?? null,
      markdownPath: synced?.markdownPath ?? null,
      token: change?.token ?? null,
    };
  });
}

export interface SyncedTalk {
  file: TalkFile | null;
  etag: string | null;
  markdownPath: string | null;
  /** The talk's markdown mirror could not be written: the next sync writes it again. */
  mirrorUnwritten?: boolean;
}

/**
 * Makes this device hold what was merged and written for a talk, in one transaction, with the
 * slides that `arrived` from the server and without those of notes gone; unless the talk changed
 * here meanwhile (`token` differs): then nothing is written, and the next sync merges that change
 * with the file on the server.
 */
export async function saveSyncedTalk(db: TalklogDb, talkId: string, synced: SyncedTalk, token: string | null, arrived: Slide[] = []): Promise<boolean> {
  return db.transaction('rw', [...libraryTables(db), db.syncFiles, db.slides, db.deletedFromQueue], async (transaction) => {
    markSyncWrite(transaction);
    if (((await db.syncChanges.get(talkId))?.token ?? null) !== token) return false;
    const { talk, notes } = synced.file ? localRecords(synced.file) : { talk: null, notes: [] };
    if (talk) await db.talks.put(talk);
    else {
      // Deleted on another browser: queueing its playlist here leaves it out too, or it would come back everywhere.
      // Never held here (a browser that joined since), it is known by the talk its file keeps.
      const deleted = (await db.talks.get(talkId)) ?? synced.file?.talk;
      if (deleted) await rememberDeleted(db, [deleted], new Date());
      await db.talks.delete(talkId);
    }
    await putTalkNotes(db, talkId, [...notes].sort(byWrittenOrder));
    const owners = new Map(synced.file?.slides?.map((slide) => [slide.id, slide.note]));
    const held = (await db.slides.where('talkId').equals(talkId).toArray()).filter((slide) => !isDraftOwner(slide.owner));
    await db.slides.bulkDelete(held.filter((slide) => !owners.has(slide.id)).map((slide) => slide.id));
    // A slide whose note was deleted on another device goes with the conflict copy its note's text was kept as.
    await db.slides.bulkPut(
      held.flatMap((slide) => {
        const owner = owners.get(slide.id);
        return owner === undefined || owner === slide.owner ? [] : [{ ...slide, owner }];
      }),
    );
    // Slide ids are random: one another talk holds came from a damaged or hostile folder, and stays that talk's.
    const heldElsewhere = new Set(
      (await db.slides.bulkGet(arrived.map((slide) => slide.id))).flatMap((slide) => (slide && slide.talkId !== talkId ? [slide.id] : [])),
    );
    await db.slides.bulkPut(arrived.filter((slide) => !heldElsewhere.has(slide.id)));
    await db.syncDeletions.where('talkId').equals(talkId).delete();
    await db.syncChanges.delete(talkId);
    if (synced.file && synced.etag !== null) await db.syncFiles.put({ talkId, etag: synced.etag, base: synced.file, markdownPath: synced.markdownPath });
    else await db.syncFiles.delete(talkId);
    const unwritten = await mirrorsUnwritten(db);
    if (unwritten.has(talkId) !== (synced.mirrorUnwritten === true)) {
      if (synced.mirrorUnwritten) unwritten.add(talkId);
      else unwritten.delete(talkId);
      await db.syncMeta.put({ key: MIRRORS_UNWRITTEN, value: [...unwritten] });
    }
    return true;
  });
}

/** This browser profile's id in sync stamps, made on first use. */
export async function syncDeviceId(db: TalklogDb): Promise<string> {
  return db.transaction('rw', db.syncMeta, async () => {
    const stored = await db.syncMeta.get('deviceId');
    if (typeof stored?.value === 'string') return stored.value;
    const id = `d_${crypto.randomUUID()}`;
    await db.syncMeta.put({ key: 'deviceId', value: id });
    return id;
  });
}

const TALK_LOG_STALE = 'talkLogStale';

/** Whether talks changed in a sync since `markdown/talk-log.md` was last written. */
export async function isTalkLogStale(db: TalklogDb): Promise<boolean> {
  return (await db.syncMeta.get(TALK_LOG_STALE))?.value === true;
}

export async function setTalkLogStale(db: TalklogDb, stale: boolean): Promise<void> {
  await db.syncMeta.put({ key: TALK_LOG_STALE, value: stale });
}

const TALK_LOG_MARKED = 'talkLogMarked';

/**
 * Whether this device wrote `markdown/talk-log.md` with its mark (or found one there) in the folder synced with: from
 * then on, a log without the mark is someone's edit rather than the log of a Talklog from before the mark.
 */
export async function isTalkLogMarked(db: TalklogDb): Promise<boolean> {
  return (await db.syncMeta.get(TALK_LOG_MARKED))?.value === true;
}

export async function setTalkLogMarked(db: TalklogDb): Promise<void> {
  await db.syncMeta.put({ key: TALK_LOG_MARKED, value: true });
}

/** The syncMeta key of the folder what was synced (each talk's synced file) was synced with. */
const SYNCED_FOLDER = 'syncedFolder';

/**
 * Disconnect: changes are no longer recorded, and what was synced stays with `folderUrl`, the folder it was synced
 * with, for a Connect to that folder again (startSyncWith).
 */
export async function stopSync(db: TalklogDb, folderUrl: string | null): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    if (folderUrl !== null) await db.syncMeta.put({ key: SYNCED_FOLDER, value: folderUrl });
    await db.syncMeta.delete(RECORDING_CHANGES);
  });
}

/**
 * Connect: what was synced with another folder says nothing about this one and is forgotten, so its first sync
 * sends every talk. With the same folder it is kept: it is what tells a note deleted on either side meanwhile from
 * one the other side never had (merge.ts). Changes made while disconnected were not recorded, so every talk
 * synced before is visited by the next sync. `connectedTo`: the folder of the account connected now, if any.
 */
export async function startSyncWith(db: TalklogDb, folderUrl: string, connectedTo: string | null): Promise<void> {
  await db.transaction('rw', db.syncFiles, db.syncMeta, db.syncChanges, async () => {
    // Accounts connected before the folder was kept here have only `connectedTo`.
    const syncedWith = connectedTo ?? (await db.syncMeta.get(SYNCED_FOLDER))?.value;
    if (syncedWith !== folderUrl) {
      await db.syncFiles.clear();
      await db.syncMeta.bulkDelete([RECORDING_CHANGES, TALK_LOG_MARKED]);
    } else if ((await db.syncMeta.get(RECORDING_CHANGES))?.value !== true) {
      const recorded = new Set(await db.syncChanges.toCollection().primaryKeys());
      const synced = (await db.syncFiles.toCollection().primaryKeys()).filter((talkId) => !recorded.has(talkId));
      await db.syncChanges.bulkPut(synced.map((talkId) => ({ talkId, token: crypto.randomUUID() })));
    }
    await db.syncMeta.put({ key: SYNCED_FOLDER, value: folderUrl });
  });
}

/**
 * Has every later change to talks and notes recorded, as a sync starts: before it reads the library, so that a
 * change made while it runs is told apart from what it read.
 */
export async function recordChangesFromNowOn(db: TalklogDb): Promise<void> {
  await db.syncMeta.put({ key: RECORDING_CHANGES, value: true });
}

/** How many talks wait to be synced: the background watches it to sync soon after a change. */
export function countSyncChanges(db: TalklogDb): Promise<number> {
  return db.syncChanges.count();
}
