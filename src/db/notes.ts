import type { Note } from '../talk/model';
import { newNoteId } from '../talk/model';
import { MAX_POSITION_SEC, NOTE_MAX_CHARS } from '../talk/limits';
import { libraryTables, type TalklogDb } from './database';
import { readInPages } from './read-in-pages';
import { groupByTalk, withNotes } from './talk-notes';

/** A talk's notes in the order they were written. */
export async function notesForTalk(db: TalklogDb, talkId: string): Promise<Note[]> {
  return (await db.talkNotes.get(talkId))?.notes ?? [];
}

/** The notes of each of these talks, each talk's in the order they were written, in one read. */
export async function notesForTalks(db: TalklogDb, talkIds: string[]): Promise<Note[][]> {
  return (await db.talkNotes.bulkGet(talkIds)).map((record) => record?.notes ?? []);
}

/** Every note of the library, talk by talk. */
export async function allNotes(db: TalklogDb): Promise<Note[]> {
  return (await readInPages(db.talkNotes, (record) => record.talkId)).flatMap((record) => record.notes);
}

export async function countNotesForTalk(db: TalklogDb, talkId: string): Promise<number> {
  return (await notesForTalk(db, talkId)).length;
}

/** Writes notes into their talks' records, beside the notes stored there. In a transaction over `libraryTables`. */
export async function putNotes(db: TalklogDb, notes: Note[]): Promise<void> {
  const byTalk = groupByTalk(notes);
  const talkIds = [...byTalk.keys()];
  const stored = await notesForTalks(db, talkIds);
  await db.talkNotes.bulkPut(talkIds.map((talkId, i) => ({ talkId, notes: withNotes(stored[i], byTalk.get(talkId) ?? []) })));
}

/** Writes a talk's notes: its record, or none when it has no notes left. In a transaction over `libraryTables`. */
export function putTalkNotes(db: TalklogDb, talkId: string, notes: Note[]): Promise<unknown> {
  return notes.length === 0 ? db.talkNotes.delete(talkId) : db.talkNotes.put({ talkId, notes });
}

/** Adds a note. Given an `id` already saved (the same draft saved from two pages), it returns that note and adds none; addNoteWithSlides saves a draft's other words as an edit of it. */
export async function addNote(db: TalklogDb, talkId: string, body: string, atSec: number | null, now = new Date(), id = newNoteId()): Promise<Note> {
  const note: Note = {
    id,
    talkId,
    body: noteWithinLimit(body),
    // The position comes from the page's player: one that cannot be real is dropped, the note kept.
    atSec: atSec === null || atSec > MAX_POSITION_SEC ? null : Math.max(0, Math.floor(atSec)),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return db.transaction('rw', libraryTables(db), async () => {
    const notes = await notesForTalk(db, talkId);
    const saved = notes.find((stored) => stored.id === id);
    if (saved) return saved;
    if (!(await db.talks.get(talkId))) throw new Error('The talk for this note is no longer saved.');
    await putTalkNotes(db, talkId, withNotes(notes, [note]));
    return note;
  });
}

export type NoteUpdate =
  /** The note now holds the new text. */
  | { outcome: 'updated'; note: Note }
  /** Someone changed or deleted the note since it was opened: the new text became a note of its own. */
  | { outcome: 'kept-both'; note: Note };

/**
 * Saves an edit of a note opened at `openedAt` (its `updatedAt` then). A change made elsewhere in
 * the meantime is never overwritten: both versions survive. A note that already holds the text (the
 * same edit saved twice, or from two pages) is left as it is.
 */
export async function updateNoteBody(
  db: TalklogDb,
  opened: Pick<Note, 'id' | 'talkId' | 'atSec' | 'updatedAt'>,
  body: string,
  now = new Date(),
): Promise<NoteUpdate> {
  return db.transaction('rw', libraryTables(db), async () => {
    noteWithinLimit(body);
    const notes = await notesForTalk(db, opened.talkId);
    const current = notes.find((stored) => stored.id === opened.id);
    if (current?.body === body) return { outcome: 'updated', note: current };
    if (current && current.updatedAt === opened.updatedAt) {
      const note = { ...current, body, updatedAt: now.toISOString() };
      await putTalkNotes(db, opened.talkId, withNotes(notes, [note]));
      return { outcome: 'updated', note };
    }
    return { outcome: 'kept-both', note: await addNote(db, opened.talkId, body, opened.atSec, now) };
  });
}

/** The popup writes notes: this check stays small, not `requireWithin`'s general form (bundle budget). */
function noteWithinLimit(body: string): string {
  if (body.length > NOTE_MAX_CHARS) throw new Error(`A note is at most 1,000,000 characters; this one has ${body.length.toLocaleString('en')}.`);
  return body;
}
