import { danglingNoteTalkIds, mergeByUpdatedAt, parseBackup, type Backup } from '../export/backup';
import type { Note, Talk } from '../talk/model';
import { libraryTables, type TalklogDb } from './database';

export interface ImportCounts {
  talksAdded: number;
  talksUpdated: number;
  notesAdded: number;
  notesUpdated: number;
  /** Records already stored as they are in the file, or newer. */
  skipped: number;
}

export interface ImportProgress {
  /** Records (talks and notes) looked at so far, of `total`. */
  done: number;
  total: number;
}

const CHUNK_SIZE = 1000;

/** Reads a backup file's text and imports it; any problem with the file throws before anything is written. */
export async function importBackupText(db: TalklogDb, text: string, onProgress?: (progress: ImportProgress) => void): Promise<ImportCounts> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return importBackup(db, parsed.backup, onProgress);
}

/**
 * Merges a parsed backup into the database by id, the newer `updatedAt` winning, so importing a
 * file twice changes nothing. All or nothing: one transaction, and a note whose talk is neither in
 * the file nor stored fails it before anything is written.
 */
export async function importBackup(db: TalklogDb, backup: Backup, onProgress?: (progress: ImportProgress) => void): Promise<ImportCounts> {
  return db.transaction('rw', libraryTables(db), async () => {
    const storedTalkIds = new Set(await db.talks.toCollection().primaryKeys());
    const dangling = danglingNoteTalkIds(backup, storedTalkIds);
    if (dangling !== null) throw new Error(dangling);

    const progress = { done: 0, total: backup.talks.length + backup.notes.length };
    onProgress?.({ ...progress });
    const step = (records: number) => {
      progress.done += records;
      onProgress?.({ ...progress });
    };
    const talks = await mergeInChunks<Talk>(db.talks, backup.talks, step);
    const notes = await mergeInChunks<Note>(db.notes, backup.notes, step);
    return {
      talksAdded: talks.added,
      talksUpdated: talks.updated,
      notesAdded: notes.added,
      notesUpdated: notes.updated,
      skipped: talks.skipped + notes.skipped,
    };
  });
}

async function mergeInChunks<T extends { id: string; updatedAt: string }>(
  table: { bulkGet(ids: string[]): Promise<(T | undefined)[]>; bulkPut(records: T[]): Promise<unknown> },
  incoming: T[],
  step: (records: number) => void,
): Promise<{ added: number; updated: number; skipped: number }> {
  const counts = { added: 0, updated: 0, skipped: 0 };
  for (let start = 0; start < incoming.length; start += CHUNK_SIZE) {
    const chunk = incoming.slice(start, start + CHUNK_SIZE);
    const stored = await table.bulkGet(chunk.map((record) => record.id));
    const writes = chunk.filter((record, i) => {
      const decision = mergeByUpdatedAt(stored[i], record);
      if (decision === 'insert') counts.added++;
      else if (decision === 'update') counts.updated++;
      else counts.skipped++;
      return decision !== 'skip';
    });
    if (writes.length > 0) await table.bulkPut(writes);
    step(chunk.length);
  }
  return counts;
}
