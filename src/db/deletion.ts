import { RangeSet, type DBCoreTransaction, type Transaction } from 'dexie';
import type { Note, Talk } from '../talk/model';
import type { Slide } from '../talk/slide';
import { draftSlidesOwner } from '../talk/slide-owner';
import { libraryTables, type TalklogDb } from './database';
import { rememberDeleted } from './deleted-from-queue';
import { notesForTalk, notesForTalks, putNotes, putTalkNotes } from './notes';
import { groupByTalk } from './talk-notes';

// Deleting and its Undo, loaded when a delete is asked for: the note pages open without it.

export interface DeletedTalks {
  talks: Talk[];
  notes: Note[];
  slides: Slide[];
  /** The talks of deleted notes as they were then (deleteNote): put back only with a note whose talk went since. */
  talksOfNotes?: Talk[];
}

/**
 * Talks deleted, or put back, a write at a time. A write of fewer than 50 records Dexie reports to the library pages
 * (library-feed.ts) key by key, where a bigger one says the whole table may have changed and has each page read it all
 * again; and each write's records are cloned, and its deletion marks made (sync-log.ts), in a task of their own rather
 * than all of a library's in one.
 */
const TALKS_A_WRITE = 49;

/** `items` in parts of `size`. */
function inParts<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let at = 0; at < items.length; at += size) parts.push(items.slice(at, at + size));
  return parts;
}

/**
 * Deletes talks with all their notes and slides, in one transaction, a part at a time: `onProgress` says how many
 * of them are deleted so far (all of them only once the transaction commits). Returns what went, for Undo. A talk
 * queued from a playlist is remembered as deleted, so that queueing the playlist again leaves it out.
 */
export async function deleteTalks(db: TalklogDb, talkIds: string[], onProgress?: (deleted: number, of: number) => void): Promise<DeletedTalks> {
  return db.transaction('rw', [...libraryTables(db), db.slides, db.deletedFromQueue], async () => {
    const talks: Talk[] = [];
    const notes: Note[] = [];
    const slides: Slide[] = [];
    const now = new Date();
    let done = 0;
    for (const part of inParts(talkIds, TALKS_A_WRITE)) {
      const partTalks = (await db.talks.bulkGet(part)).filter((talk): talk is Talk => talk !== undefined);
      talks.push(...partTalks);
      await rememberDeleted(db, partTalks, now);
      notes.push(...(await notesForTalks(db, part)).flat());
      const partSlides = await db.slides.where('talkId').anyOf(part).toArray();
      slides.push(...partSlides);
      await db.slides.bulkDelete(partSlides.map((slide) => slide.id));
      await db.talkNotes.bulkDelete(part);
      await db.talks.bulkDelete(part);
      done += part.length;
      onProgress?.(done, talkIds.length);
    }
    return { talks, notes, slides };
  });
}

/** Deletion marks taken back a request at a time (takeBackMarks). */
const MARKS_A_WRITE = 1000;

/**
 * Takes back the deletion marks (sync-log.ts) of the talks and notes about to be put back, in requests that tell the pages
 * (Dexie's storagemutated) that any mark may have changed, as Dexie says itself of a put of 50 records or more. Left to
 * the sync log, which deletes marks by key, Dexie told of each: an Undo of a delete of 3,000 talks took back 33,000
 * marks, each a node of a tree that Dexie grew key by key and then cloned to every page of the extension, in the task
 * that ended the Undo (0.3-1 s of main thread there). The sync log then finds no mark left to take back.
 */
async function takeBackMarks(db: TalklogDb, transaction: Transaction, ids: string[]): Promise<void> {
  if (ids.length < 50) return;
  const trans = transaction.idbtrans as unknown as DBCoreTransaction;
  const part = `idb://${db.name}/syncDeletions/`;
  const everyMark = () => new RangeSet(db.core.MIN_KEY, db.core.MAX_KEY);
  for (const keys of inParts(ids, MARKS_A_WRITE))
    await db.core.table('syncDeletions').mutate({ type: 'delete', trans, keys, mutatedParts: { [part]: everyMark(), [`${part}:dels`]: everyMark() } });
}

/**
 * Puts back what deleteTalks or deleteNote removed, beside any note written since. A note never
 * comes back without its talk: one removed since the note was deleted comes back with it, as the
 * Undo holds it; when it does not, nothing is restored. Returns how many talks came back that way.
 */
export async function restoreDeleted(db: TalklogDb, deleted: DeletedTalks): Promise<number> {
  return db.transaction('rw', [...libraryTables(db), db.slides, db.deletedFromQueue], async (transaction) => {
    const restored = new Set(deleted.talks.map((talk) => talk.id));
    const needed = [...new Set(deleted.notes.map((note) => note.talkId))].filter((talkId) => !restored.has(talkId));
    const stored = await db.talks.bulkGet(needed);
    const held = new Map(deleted.talksOfNotes?.map((talk) => [talk.id, talk]));
    const gone = needed.filter((_, i) => stored[i] === undefined);
    if (gone.some((talkId) => !held.has(talkId))) throw new Error('The talk for this note is no longer saved.');
    const talks = [...deleted.talks, ...gone.map((talkId) => held.get(talkId)!)];
    await takeBackMarks(
      db,
      transaction,
      [...talks, ...deleted.notes].map((record) => record.id),
    );
    await db.deletedFromQueue.bulkDelete(talks.map((talk) => talk.id));
    for (const part of inParts(talks, TALKS_A_WRITE)) await db.talks.bulkPut(part);
    for (const part of inParts([...groupByTalk(deleted.notes).values()], TALKS_A_WRITE)) await putNotes(db, part.flat());
    for (const part of inParts(deleted.slides, TALKS_A_WRITE)) await db.slides.bulkPut(part);
    return gone.length;
  });
}

/**
 * Deletes a note with its slides, those of an edit of it not saved too (nothing else could ever own them), and
 * returns what went, for Undo (restoreDeleted).
 */
export async function deleteNote(db: TalklogDb, { id, talkId }: Pick<Note, 'id' | 'talkId'>): Promise<DeletedTalks | undefined> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const notes = await notesForTalk(db, talkId);
    const note = notes.find((stored) => stored.id === id);
    if (!note) return undefined;
    const slides = await db.slides
      .where('owner')
      .anyOf([id, draftSlidesOwner(talkId, id)])
      .toArray();
    // Held for Undo: should the talk go before it is pressed, the note comes back with it.
    const talk = await db.talks.get(talkId);
    await db.slides.bulkDelete(slides.map((slide) => slide.id));
    const kept = notes.filter((stored) => stored !== note);
    await putTalkNotes(db, talkId, kept);
    return { talks: [], notes: [note], slides, talksOfNotes: talk ? [talk] : [] };
  });
}
