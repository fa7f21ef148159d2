import type { Note } from '../talk/model';
import { libraryTables, type TalklogDb } from './database';
import { addNote, notesForTalk, updateNoteBody, type NoteUpdate } from './notes';
import { recordSlidesForSync } from './slides';

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
    const note = !saved || saved.body === body ? await addNote(db, talkId, body, atSec, new Date(), id) : await savedAgain(db, saved, body, atSec);
    await attachSlides(db, draftOwner, note);
    return note;
  });
}

/**
 * A draft saved again under its id with other words. Words added to the note as saved (its first save committed as
 * the page closed, before the draft went) are an edit of it, kept beside it if it was changed since; other words (a
 * second page whose box went its own way under the same draft) are a note of their own. Here, not in addNote, which
 * the note pages load at open.
 */
async function savedAgain(db: TalklogDb, saved: Note, body: string, atSec: number | null): Promise<Note> {
  if (!body.startsWith(saved.body)) return addNote(db, saved.talkId, body, atSec);
  return (await updateNoteBody(db, { ...saved, updatedAt: saved.createdAt }, body)).note;
}

/**
 * The same for an edit: the slides go with the note kept (the new one, when both versions were kept).
 * `noteWasGone`: the note had been deleted since it was opened, so its text is a note again.
 */
export function updateNoteWithSlides(
  db: TalklogDb,
  opened: Parameters<typeof updateNoteBody>[1],
  body: string,
  draftOwner: string,
): Promise<NoteUpdate & { noteWasGone: boolean }> {
  return db.transaction('rw', [...libraryTables(db), db.slides], async () => {
    const noteWasGone = !(await notesForTalk(db, opened.talkId)).some((stored) => stored.id === opened.id);
    const update = await updateNoteBody(db, opened, body);
    await attachSlides(db, draftOwner, update.note);
    return { ...update, noteWasGone };
  });
}

/** The slides move to the note even when its words stay as they were, which writes no note: they are recorded for sync here. */
async function attachSlides(db: TalklogDb, fromOwner: string, note: Note): Promise<void> {
  if ((await db.slides.where('owner').equals(fromOwner).modify({ owner: note.id })) > 0) await recordSlidesForSync(db, [note.talkId]);
}
