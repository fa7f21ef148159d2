import type { Note } from '../talk/model';
import { newNoteId } from '../talk/model';
import type { TalklogDb } from './database';

/** A talk's notes in the order they were written. */
export function notesForTalk(db: TalklogDb, talkId: string): Promise<Note[]> {
  return db.notes.where('[talkId+createdAt]').between([talkId, ''], [talkId, '\uffff']).toArray();
}

export function countNotesForTalk(db: TalklogDb, talkId: string): Promise<number> {
  return db.notes.where('talkId').equals(talkId).count();
}

export async function addNote(
  db: TalklogDb,
  talkId: string,
  body: string,
  atSec: number | null,
  now = new Date(),
): Promise<Note> {
  const note: Note = {
    id: newNoteId(),
    talkId,
    body,
    atSec: atSec === null ? null : Math.max(0, Math.floor(atSec)),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await db.transaction('rw', db.talks, db.notes, async () => {
    if (!(await db.talks.get(talkId))) throw new Error('The talk for this note is no longer saved.');
    await db.notes.add(note);
  });
  return note;
}

export async function updateNoteBody(db: TalklogDb, noteId: string, body: string, now = new Date()): Promise<void> {
  const changed = await db.notes.update(noteId, { body, updatedAt: now.toISOString() });
  if (changed === 0) throw new Error('This note was deleted elsewhere.');
}

export function deleteNote(db: TalklogDb, noteId: string): Promise<void> {
  return db.notes.delete(noteId);
}
