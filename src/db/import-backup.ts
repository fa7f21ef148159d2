import { danglingNoteTalkIds, misplacedSlide, mergeByUpdatedAt, parseBackup, type Backup } from '../export/backup';
import type { BackupWithSlides } from '../export/backup-archive';
import type { Note, Talk } from '../talk/model';
import type { Slide } from '../talk/slide';
import { libraryTables, type TalklogDb } from './database';
import { byWrittenOrder, groupByTalk, withNotes, type TalkNotes } from './talk-notes';
import { readInPages } from './read-in-pages';
import { recordSlidesForSync } from './slides';

type MergeCounts = { added: number; updated: number; skipped: number; older: number };

export interface ImportCounts {
  talksAdded: number;
  talksUpdated: number;
  notesAdded: number;
  notesUpdated: number;
  slidesAdded: number;
  /** Talks whose speakers or event the file had past the limit, cut as it was read. */
  talksCut: number;
  /** Records already stored as they are in the file (a slide never changes once taken). */
  skipped: number;
  /** Records the file holds another version of, no newer than the one stored: the stored one is kept. */
  older: number;
}

export interface ImportProgress {
  /** Records (talks, notes and slides) looked at so far, of `total`. */
  done: number;
  total: number;
}

/** Records (talks, or notes in their talks' records) merged and written at a time. */
const CHUNK_SIZE = 1000;
const SLIDE_CHUNK_SIZE = 50;
/** Chunks written at once: the database always has the next one queued, and the worker never holds more than these in flight. */
const CHUNKS_IN_FLIGHT = 3;

/**
 * Reads a backup file, the JSON or a zip with slides (told apart by their first bytes, not their
 * names), and imports it; any problem with the file throws before anything is written.
 */
export async function importBackupFile(db: TalklogDb, file: Blob, onProgress?: (progress: ImportProgress) => void): Promise<ImportCounts> {
  return importBackup(db, await readBackupFile(file), onProgress);
}

async function readBackupFile(file: Blob): Promise<BackupWithSlides> {
  if (isZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
    const { readBackupArchive } = await import('../export/backup-archive');
    return readBackupArchive(file);
  }
  const parsed = parseBackup(await file.text());
  if (!parsed.ok) throw new Error(parsed.error);
  const listed = parsed.backup.slides.length;
  if (listed > 0) {
    throw new Error(
      `slides: this file lists ${listed} slides, whose images are in the talklog-backup-….zip that "Export backup" saved with it: import the zip.`,
    );
  }
  return { backup: parsed.backup, slides: [], talksCut: parsed.talksCut };
}

/** A zip starts with a local file header, "PK\x03\x04" (an empty one, with its end record "PK\x05\x06"). */
function isZip(start: Uint8Array): boolean {
  return start[0] === 0x50 && start[1] === 0x4b && ((start[2] === 3 && start[3] === 4) || (start[2] === 5 && start[3] === 6));
}

/**
 * Merges a parsed backup into the database by id, the newer `updatedAt` winning, so importing a
 * file twice changes nothing; a slide already stored is left as it is. All or nothing: one
 * transaction, and a note whose talk, or a slide whose note, is neither in the file nor stored
 * fails it before anything is written.
 */
export async function importBackup(
  db: TalklogDb,
  { backup, slides, talksCut = 0 }: BackupWithSlides,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportCounts> {
  return db.transaction('rw', [...libraryTables(db), db.slides, db.deletedFromQueue], async () => {
    const storedTalkIds = new Set(await db.talks.toCollection().primaryKeys());
    const dangling = danglingNoteTalkIds(backup, storedTalkIds);
    if (dangling !== null) throw new Error(dangling);
    // A file without slides, as most are, spares the check its two maps of every note.
    const misplaced = backup.slides.length > 0 ? misplacedSlide(backup, await storedNoteTalks(db, backup)) : null;
    if (misplaced !== null) throw new Error(misplaced);
    const storedNoteTalkIds = new Set(await db.talkNotes.toCollection().primaryKeys());

    const progress = { done: 0, total: backup.talks.length + backup.notes.length + slides.length };
    onProgress?.({ ...progress });
    const step = (records: number) => {
      progress.done += records;
      onProgress?.({ ...progress });
    };
    // One queue for both tables: the notes are grouped, and their first chunks queued, while the
    // database still writes the last talks.
    const writing: Promise<unknown>[] = [];
    const talks = await mergeInChunks(db.talks, storedTalkIds, backup.talks, step, writing);
    const notes = await mergeNotesInChunks(db, storedNoteTalkIds, backup.notes, step, writing);
    await Promise.all(writing);
    const slidesAdded = await addMissingSlides(db, slides, step);
    // Left out of a queue here as where the file was made (queuePlaylist reads a record only while its talk is gone).
    await db.deletedFromQueue.bulkPut(backup.deletedFromQueue ?? []);
    return {
      talksAdded: talks.added,
      talksUpdated: talks.updated,
      notesAdded: notes.added,
      notesUpdated: notes.updated,
      slidesAdded,
      talksCut,
      skipped: talks.skipped + notes.skipped + slides.length - slidesAdded,
      older: talks.older + notes.older,
    };
  });
}

function count(counts: MergeCounts, decision: ReturnType<typeof mergeByUpdatedAt>): void {
  counts[decision === 'insert' ? 'added' : decision === 'update' ? 'updated' : decision === 'same' ? 'skipped' : 'older']++;
}

/** The notes of each talk, in the file's order, the talks in key order: a chunk's talks are a key range of talkNotes. */
function byTalk(notes: Note[]): [string, Note[]][] {
  return [...groupByTalk(notes)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The talk of each stored note that a slide names and the file does not hold. A slide names its
 * talk, whose notes record holds its note; when one does not, every record is read, so that the
 * error names the talk the note is of.
 */
async function storedNoteTalks(db: TalklogDb, backup: Backup): Promise<Map<string, string>> {
  const inFile = new Set(backup.notes.map((note) => note.id));
  const outside = backup.slides.filter((slide) => !inFile.has(slide.noteId));
  if (outside.length === 0) return new Map();
  const noteTalks = (records: (TalkNotes | undefined)[]) =>
    new Map(records.flatMap((record) => record?.notes.map((note) => [note.id, note.talkId] as const) ?? []));
  const claimed = noteTalks(await db.talkNotes.bulkGet([...new Set(outside.map((slide) => slide.talkId))]));
  return outside.every((slide) => claimed.has(slide.noteId)) ? claimed : noteTalks(await readInPages(db.talkNotes, (record) => record.talkId));
}

/** Slides are written a few at a time: each holds a full image. */
async function addMissingSlides(db: TalklogDb, slides: Slide[], step: (records: number) => void): Promise<number> {
  let added = 0;
  for (let start = 0; start < slides.length; start += SLIDE_CHUNK_SIZE) {
    const chunk = slides.slice(start, start + SLIDE_CHUNK_SIZE);
    const stored = await db.slides.bulkGet(chunk.map((slide) => slide.id));
    const missing = chunk.filter((_, i) => stored[i] === undefined);
    if (missing.length > 0) await db.slides.bulkAdd(missing);
    // Their notes may be here already, as they were: then nothing else records their talks.
    await recordSlidesForSync(
      db,
      missing.map((slide) => slide.talkId),
    );
    added += missing.length;
    step(chunk.length);
  }
  return added;
}

/**
 * Queues a chunk's write: its new records added (which spares the database a look for an old one),
 * its changed ones put, then `written` told. A few chunks are written at once, so that the database
 * never waits for the next: once `CHUNKS_IN_FLIGHT` are queued, this gives the oldest one's write,
 * which the caller awaits before it merges another.
 *
 * Not an async function: Dexie keeps the import in its transaction across an await of its own
 * promises, but across others (an async function's that returned at once) only for its hundred
 * microtasks of grace (ZONE_ECHO_LIMIT in its source), which the writes in flight use up. Awaited
 * every chunk, with more chunks in flight, this lost the transaction after a few chunks: the writes
 * went to a transaction of their own, which the sync log's check failed ("Table syncChanges not part
 * of transaction").
 */
function queueChunk<T>(
  writing: Promise<unknown>[],
  table: { bulkAdd(records: T[]): Promise<unknown>; bulkPut(records: T[]): Promise<unknown> },
  added: T[],
  updated: T[],
  written: () => void,
): Promise<unknown> | undefined {
  writing.push(Promise.all([added.length > 0 && table.bulkAdd(added), updated.length > 0 && table.bulkPut(updated)]).then(written));
  return writing.length >= CHUNKS_IN_FLIGHT ? writing[writing.length - CHUNKS_IN_FLIGHT] : undefined;
}

/**
 * Queues `incoming` talks on `writing` a chunk at a time, each merged with the stored one of its id.
 * Only the talks `storedIds` holds are read: into an empty library, none is (a read per record was
 * a fifth of an import's time).
 */
async function mergeInChunks(
  table: TalklogDb['talks'],
  storedIds: Set<string>,
  incoming: Talk[],
  step: (records: number) => void,
  writing: Promise<unknown>[],
): Promise<MergeCounts> {
  const counts = { added: 0, updated: 0, skipped: 0, older: 0 };
  for (let start = 0; start < incoming.length; start += CHUNK_SIZE) {
    const chunk = incoming.slice(start, start + CHUNK_SIZE);
    const known = chunk.filter((record) => storedIds.has(record.id)).map((record) => record.id);
    const stored = new Map(known.length === 0 ? [] : (await table.bulkGet(known)).flatMap((record) => (record ? [[record.id, record] as const] : [])));
    const added: Talk[] = [];
    const updated: Talk[] = [];
    for (const record of chunk) {
      const decision = mergeByUpdatedAt(stored.get(record.id), record);
      if (decision === 'insert') added.push(record);
      else if (decision === 'update') updated.push(record);
      else count(counts, decision);
    }
    counts.added += added.length;
    counts.updated += updated.length;
    const oldest = queueChunk(writing, table, added, updated, () => step(chunk.length));
    if (oldest) await oldest;
  }
  return counts;
}

/**
 * The same for notes, a talk's merged into its stored notes record, note by note: a record a talk
 * is written, about `CHUNK_SIZE` notes at a time. Only the records of talks `storedTalkIds` holds
 * are read, a chunk's in one request (its talks are a key range).
 */
async function mergeNotesInChunks(
  db: TalklogDb,
  storedTalkIds: Set<string>,
  incoming: Note[],
  step: (records: number) => void,
  writing: Promise<unknown>[],
): Promise<MergeCounts> {
  const counts = { added: 0, updated: 0, skipped: 0, older: 0 };
  const talks = byTalk(incoming);
  for (let start = 0; start < talks.length;) {
    const chunk: [string, Note[]][] = [];
    let size = 0;
    while (start < talks.length && size < CHUNK_SIZE) {
      chunk.push(talks[start++]);
      size += chunk[chunk.length - 1][1].length;
    }
    const known = chunk.filter(([talkId]) => storedTalkIds.has(talkId));
    const stored = new Map<string, Note[]>();
    if (known.length > 0) {
      const records = await db.talkNotes
        .where(':id')
        .between(known[0][0], known[known.length - 1][0], true, true)
        .toArray();
      for (const record of records) stored.set(record.talkId, record.notes);
    }
    const added: TalkNotes[] = [];
    const updated: TalkNotes[] = [];
    for (const [talkId, notes] of chunk) {
      const before = stored.get(talkId);
      const byId = new Map(before?.map((note) => [note.id, note]));
      const changed = notes.filter((note) => {
        const decision = mergeByUpdatedAt(byId.get(note.id), note);
        count(counts, decision);
        return decision === 'insert' || decision === 'update';
      });
      if (changed.length === 0) continue;
      if (before) updated.push({ talkId, notes: withNotes(before, changed) });
      else added.push({ talkId, notes: [...changed].sort(byWrittenOrder) });
    }
    const oldest = queueChunk(writing, db.talkNotes, added, updated, () => step(size));
    if (oldest) await oldest;
  }
  return counts;
}
