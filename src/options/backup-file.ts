import type { TalklogDb } from '../db/database';
import { slidesOfNotesWithImages } from '../db/slides';
import { allTalksAndNotes } from '../db/library';
import { createBackup, serializeBackup } from '../export/backup';

export const BACKUP_FILE_NAME = 'talklog-backup.json';

/** What `Export backup` downloads, and how much it holds. */
export interface BackupFile {
  name: string;
  data: string | Blob;
  type: string;
  talks: number;
  notes: number;
  slides: number;
  /** Notes stored without their talk, left out of the file: import refuses a note of no talk. */
  notesLeftOut: number;
  /** Slides left out of a file that could not hold them (whySlidesDoNotFit), and why: the notes are never held back for them. */
  slidesLeftOut?: { count: number; why: string };
}

/**
 * The whole library as a backup file: the JSON as it always was when no note has a slide, else a
 * zip of the JSON and the slides' images (backup-archive.ts, loaded only then, with fflate). The
 * same library and `now` give the same bytes. Slides more than one backup can hold leave the file
 * the JSON of every talk and note, and say so: a backup of the notes is never refused for them.
 */
export async function backupFile(db: TalklogDb, now: Date): Promise<BackupFile> {
  const library = await allTalksAndNotes(db);
  const { talks } = library;
  // A note whose talk is gone (an Undo once put one back without it) would make the whole file
  // unimportable; no page shows it, and a talk made up for it could replace the real one where
  // the file is imported (the newer updatedAt wins). Left out, and the page says how many.
  const talkIds = new Set(talks.map((talk) => talk.id));
  const notes = library.notes.filter((note) => talkIds.has(note.talkId));
  const slides = await slidesOfNotesWithImages(db, new Set(notes.map((note) => note.id)));
  const deletedFromQueue = await db.deletedFromQueue.toArray();
  const counts = { talks: talks.length, notes: notes.length, slides: slides.length, notesLeftOut: library.notes.length - notes.length };
  const json = () => ({ name: BACKUP_FILE_NAME, data: serializeBackup(createBackup(talks, notes, now, [], deletedFromQueue)), type: 'application/json' });
  if (slides.length === 0) return { ...json(), ...counts };
  const { backupZip, backupZipName, whySlidesDoNotFit } = await import('../export/backup-archive');
  const why = whySlidesDoNotFit(slides);
  if (why) return { ...json(), ...counts, slides: 0, slidesLeftOut: { count: slides.length, why } };
  const zip = await backupZip(
    talks,
    notes,
    slides.map(({ owner, ...slide }) => ({ ...slide, noteId: owner })),
    now,
    deletedFromQueue,
  );
  return { name: backupZipName(now), data: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), type: 'application/zip', ...counts };
}
