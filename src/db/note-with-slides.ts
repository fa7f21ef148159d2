import type { Note } from '../talk/model';
import { libraryTables, type TalklogDb } from './database';
import { addNote, notesForTalk, updateNoteBody, type NoteUpdate } from './notes';

/**
 * Saving a note with the slides its draft holds (`draftOwner`), in one transaction: the note never
 * shows without the slides taken for it. Apart from slides.ts, which the popup loads on demand.
 */
export function addNoteWithSlides(
  db: TalklogDb,
  talkId: string,
  { id, body, atSec }: { id?: string; body: string; atSec: number | null },
  draftOwner: string,
): Promise<Note> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const saved = (await notesForTalk(db, talkId)).find((stored) => stored.id === id);
    // The draft saved again with other words (its first save committed as the page closed, before the draft
    // went): they are an edit of the note as that save left it, kept beside it if it was changed since. Here,
    // not in addNote, which the note pages load at open.
    const note =
      saved && saved.body !== body
        ? (await updateNoteBody(db, { ...saved, updatedAt: saved.createdAt }, body)).note
        : await addNote(db, talkId, body, atSec, new Date(), id);
    await attachSlides(db, draftOwner, note.id);
    return note;
  });
}

/** The same for an edit: the slides go with the note kept (the new one, when both versions were kept). */
export function updateNoteWithSlides(db: TalklogDb, opened: Parameters<typeof updateNoteBody>[1], body: string, draftOwner: string): Promise<NoteUpdate> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const update = await updateNoteBody(db, opened, body);
    await attachSlides(db, draftOwner, update.note.id);
    return update;
  });
}

function attachSlides(db: TalklogDb, fromOwner: string, noteId: string): Promise<number> {
  return db.slides.where('owner').equals(fromOwner).modify({ owner: noteId });
}
