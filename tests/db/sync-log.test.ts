import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { expect, test } from 'vitest';
import { importBackup } from '../../src/db/import-backup';
import { syncSnapshot } from '../../src/db/sync-store';
import { putNotes } from '../../src/db/notes';
import type { TalklogDb } from '../../src/db/database';
import { createBackup } from '../../src/export/backup';
import { deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { updateNoteWithSlides } from '../../src/db/note-with-slides';
import { addSlide } from '../../src/db/slides';
import type { Slide } from '../../src/talk/slide';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import { makeNote, makeTalk } from '../export/records';
import { freshDb, syncingDb, writeLibrary } from './test-db';

const EXPORTED = new Date('2026-11-26T05:00:00Z');
const talks = Array.from({ length: 120 }, (_, i) => makeTalk(`v${String(i).padStart(10, '0')}`));
const notes = Array.from({ length: 1200 }, (_, i) => makeNote(talks[i % talks.length], `note ${i}`, { id: `n_${i}` }));

test('an import records each talk it changed once, and a second import of the same file nothing', async () => {
  const db = await syncingDb();
  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  const first = (await syncSnapshot(db)).changes;
  expect([...first.keys()].sort()).toEqual(talks.map((talk) => talk.id).sort());
  expect(await db.syncChanges.count()).toBe(talks.length);

  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  expect((await syncSnapshot(db)).changes).toEqual(first);
});

test('a transaction records each talk once, however many of its writes touch it', async () => {
  const db = await syncingDb();
  const [talk] = talks;
  const tokens = await writeLibrary(db, async () => {
    await db.talks.add(talk);
    const afterTalk = (await db.syncChanges.get(talk.id))?.token;
    await putNotes(
      db,
      notes.filter((note) => note.talkId === talk.id),
    );
    return [afterTalk, (await db.syncChanges.get(talk.id))?.token];
  });
  expect(tokens[0]).toBeDefined();
  expect(tokens[1]).toBe(tokens[0]);
  // A later transaction is a change of its own: a new token.
  await writeLibrary(db, () => putNotes(db, [{ ...notes[0], body: 'edited' }]));
  expect((await db.syncChanges.get(talk.id))?.token).not.toBe(tokens[0]);
});

/** A library of the fixture's talks and notes with its first 60 talks, and their 600 notes, deleted. */
async function sixtyTalksDeleted() {
  const db = freshDb();
  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  const deleted = await deleteTalks(
    db,
    talks.slice(0, 60).map((talk) => talk.id),
  );
  return { db, deleted };
}

test('deleting many records marks each deleted; putting them back, in bulk, takes the marks back', async () => {
  const { db, deleted } = await sixtyTalksDeleted();
  expect(await db.syncDeletions.count()).toBe(60 + 600);
  await restoreDeleted(db, deleted);
  expect(await db.syncDeletions.count()).toBe(0);
});

test('an Undo of a large delete tells the pages its deletion marks went as one range, not mark by mark, and still names each talk', async () => {
  const { db, deleted } = await sixtyTalksDeleted();
  const told: ObservabilitySet[] = [];
  const hear = (parts: ObservabilitySet) => void told.push(parts);
  Dexie.on('storagemutated', hear);
  try {
    await restoreDeleted(db, deleted);
  } finally {
    Dexie.on('storagemutated').unsubscribe(hear);
  }
  /** The key ranges the pages were told of in a part of the database: one for each key written, or fewer. */
  const ranges = (part: string) =>
    told.reduce((count, parts) => count + (parts[`idb://${db.name}/${part}`] ? [...RangeSet(parts[`idb://${db.name}/${part}`])].length : 0), 0);
  // Each of 660 marks told of was a node of a tree cloned to every page of the extension, in the task that ended the Undo.
  expect(ranges('syncDeletions/')).toBe(1);
  expect(ranges('syncDeletions/:dels')).toBe(1);
  // The library pages follow the talks changed key by key (library-feed.ts).
  expect(ranges('talks/')).toBe(60);
  expect(ranges('talkNotes/')).toBe(60);
});

test('clearing a table marks every talk or note it held as deleted', async () => {
  const db = freshDb();
  await importBackup(db, { backup: createBackup(talks.slice(0, 3), notes.slice(0, 3), EXPORTED), slides: [] });
  await writeLibrary(db, () => db.talkNotes.clear());
  expect(await db.syncDeletions.orderBy('id').toArray()).toEqual(
    notes.slice(0, 3).map((note) => ({ id: note.id, talkId: note.talkId, deletedAt: expect.any(String) })),
  );
  await writeLibrary(db, () => db.talks.clear());
  expect((await db.syncDeletions.toArray()).map((deletion) => deletion.id)).toEqual(expect.arrayContaining(talks.slice(0, 3).map((talk) => talk.id)));
});

test('a note left out of its talk’s new notes record is marked deleted, and loses the mark when written again', async () => {
  const db = freshDb();
  const [talk] = talks;
  const own = notes.filter((note) => note.talkId === talk.id);
  await importBackup(db, { backup: createBackup([talk], own, EXPORTED), slides: [] });
  await writeLibrary(db, () => db.talkNotes.put({ talkId: talk.id, notes: own.slice(1) }));
  expect(await db.syncDeletions.toArray()).toEqual([{ id: own[0].id, talkId: talk.id, deletedAt: expect.any(String) }]);
  await writeLibrary(db, () => db.talkNotes.put({ talkId: talk.id, notes: own }));
  expect(await db.syncDeletions.count()).toBe(0);
  // The whole record deleted: every note of it.
  await writeLibrary(db, () => db.talkNotes.delete(talk.id));
  expect((await db.syncDeletions.toArray()).map((deletion) => deletion.id).sort()).toEqual(own.map((note) => note.id).sort());
});

test('a bulk write of many notes records reads the records it replaces in one request, and marks what each lost', async () => {
  const db = await syncingDb();
  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  const records = await db.talkNotes.toArray();
  const reads = await countReads(db);
  // Each talk's first note dropped, in one bulk write of 120 records.
  await writeLibrary(db, () => db.talkNotes.bulkPut(records.map((record) => ({ ...record, notes: record.notes.slice(1) }))));
  // And whether a sync is connected, once.
  expect(reads).toEqual({ talkNotes: 1, syncMeta: 1 });
  expect((await db.syncDeletions.toArray()).map((deletion) => deletion.id).sort()).toEqual(records.map((record) => record.notes[0].id).sort());
  expect(await db.syncChanges.count()).toBe(talks.length);
});

test('a write to talks or notes in a transaction without the sync tables fails, and nothing is written', async () => {
  const db = freshDb();
  await expect(db.transaction('rw', db.talks, () => db.talks.add(talks[0]))).rejects.toMatchObject({ name: 'NotFoundError' });
  // Without the one table this write would not touch, no sync being connected: it fails all the same.
  await expect(db.transaction('rw', [db.talks, db.syncMeta, db.syncDeletions], () => db.talks.add(talks[0]))).rejects.toThrow(
    'Table syncChanges not part of transaction',
  );
  expect(await db.talks.count()).toBe(0);
});

test('slides a backup brings to notes already here record their talk, as slides moved from a draft to a note do; a draft’s record nothing', async () => {
  const db = await syncingDb();
  const [talk] = talks;
  const [note] = notes.filter((each) => each.talkId === talk.id);
  await importBackup(db, { backup: createBackup([talk], [note], EXPORTED), slides: [] });
  await db.syncChanges.clear();
  const image = new Blob(['frame'], { type: 'image/webp' });
  const frame = { talkId: talk.id, atSec: 2, width: 10, height: 10, type: 'image/webp' as const, image, thumbnail: image };
  const slide: Slide = { ...frame, id: 's_00000000-0000-4000-8000-000000000000', owner: note.id, takenAt: EXPORTED.toISOString() };
  // The same talk and note, unchanged, and a slide this device does not hold.
  expect((await importBackup(db, { backup: createBackup([talk], [note], EXPORTED), slides: [slide] })).slidesAdded).toBe(1);
  expect((await db.syncChanges.toArray()).map((change) => change.talkId)).toEqual([talk.id]);

  await db.syncChanges.clear();
  const draft = draftSlidesOwner(talk.id, note.id);
  await addSlide(db, draft, frame);
  expect(await db.syncChanges.count()).toBe(0);
  await updateNoteWithSlides(db, note, note.body, draft);
  expect((await db.syncChanges.toArray()).map((change) => change.talkId)).toEqual([talk.id]);
});

/** The read requests sent to each table from now on (a getMany counts one a key, as IndexedDB takes them). */
async function countReads(db: TalklogDb): Promise<Record<string, number>> {
  const reads: Record<string, number> = {};
  // Dexie builds its stack of middlewares when the database opens.
  db.close();
  const count = (table: string, requests: number) => (reads[table] = (reads[table] ?? 0) + requests);
  db.use({
    stack: 'dbcore',
    name: 'CountReads',
    level: -1,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          getMany: (request) => (count(name, request.keys.length), table.getMany(request)),
          get: (request) => (count(name, 1), table.get(request)),
          query: (request) => (count(name, 1), table.query(request)),
        };
      },
    }),
  });
  await db.open();
  return reads;
}
