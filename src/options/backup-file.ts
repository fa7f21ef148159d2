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
}

/**
 * The whole library as a backup file: the JSON as it always was when no note has a slide, else a
 * zip of the JSON and the slides' images (backup-archive.ts, loaded only then, with fflate). The
 * same library and `now` give the same bytes.
 */
export async function backupFile(db: TalklogDb, now: Date): Promise<BackupFile> {
  const { talks, notes } = await allTalksAndNotes(db);
  const slides = await slidesOfNotesWithImages(db, new Set(notes.map((note) => note.id)));
  const counts = { talks: talks.length, notes: notes.length, slides: slides.length };
  if (slides.length === 0) {
    return { name: BACKUP_FILE_NAME, data: serializeBackup(createBackup(talks, notes, now)), type: 'application/json', ...counts };
  }
  const { backupZip, backupZipName } = await import('../export/backup-archive');
  const zip = await backupZip(
    talks,
    notes,
    slides.map(({ owner, ...slide }) => ({ ...slide, noteId: owner })),
    now,
  );
  return { name: backupZipName(now), data: new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), type: 'application/zip', ...counts };
}
