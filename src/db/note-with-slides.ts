import type { Note } from '../talk/model';
import { libraryTables, type TalklogDb } from './database';
import { addNote, updateNoteBody, type NoteUpdate } from './notes';

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
    const note = await addNote(db, talkId, body, atSec, new Date(), id);
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
