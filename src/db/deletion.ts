import type { Note, Talk } from '../talk/model';
import type { Slide } from '../talk/slide';
import { draftSlidesOwner } from '../talk/slide-owner';
import { libraryTables, type TalklogDb } from './database';
import { notesForTalk, notesForTalks, putNotes, putTalkNotes } from './notes';

// Deleting and its Undo, loaded when a delete is asked for: the note pages open without it.

export interface DeletedTalks {
  talks: Talk[];
  notes: Note[];
  slides: Slide[];
  /** The talks of deleted notes as they were then (deleteNote): put back only with a note whose talk went since. */
  talksOfNotes?: Talk[];
}

/** Deletes talks with all their notes and slides, in one transaction; returns what went, for Undo. */
export async function deleteTalks(db: TalklogDb, talkIds: string[]): Promise<DeletedTalks> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const talks = (await db.talks.bulkGet(talkIds)).filter((talk): talk is Talk => talk !== undefined);
    const notes = (await notesForTalks(db, talkIds)).flat();
    const slides = await db.slides.where('talkId').anyOf(talkIds).toArray();
    await db.slides.bulkDelete(slides.map((slide) => slide.id));
    await db.talkNotes.bulkDelete(talkIds);
    await db.talks.bulkDelete(talkIds);
    return { talks, notes, slides };
  });
}

/**
 * Puts back what deleteTalks or deleteNote removed, beside any note written since. A note never
 * comes back without its talk: one removed since the note was deleted comes back with it, as the
 * Undo holds it; when it does not, nothing is restored. Returns how many talks came back that way.
 */
export async function restoreDeleted(db: TalklogDb, deleted: DeletedTalks): Promise<number> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const restored = new Set(deleted.talks.map((talk) => talk.id));
    const needed = [...new Set(deleted.notes.map((note) => note.talkId))].filter((talkId) => !restored.has(talkId));
    const stored = await db.talks.bulkGet(needed);
    const held = new Map(deleted.talksOfNotes?.map((talk) => [talk.id, talk]));
    const gone = needed.filter((_, i) => stored[i] === undefined);
    if (gone.some((talkId) => !held.has(talkId))) throw new Error('The talk for this note is no longer saved.');
    await db.talks.bulkPut([...deleted.talks, ...gone.map((talkId) => held.get(talkId)!)]);
    await putNotes(db, deleted.notes);
    await db.slides.bulkPut(deleted.slides);
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
