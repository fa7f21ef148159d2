import { expect, test } from 'vitest';
import { importBackup } from '../../src/db/import-backup';
import { syncSnapshot } from '../../src/db/sync-store';
import { deleteTalks, restoreDeleted } from '../../src/db/talks';
import { createBackup } from '../../src/export/backup';
import { makeNote, makeTalk } from '../export/records';
import { freshDb, writeLibrary } from './test-db';

const EXPORTED = new Date('2026-11-26T05:00:00Z');
const talks = Array.from({ length: 120 }, (_, i) => makeTalk(`v${String(i).padStart(10, '0')}`));
const notes = Array.from({ length: 1200 }, (_, i) => makeNote(talks[i % talks.length], `note ${i}`, { id: `n_${i}` }));

test('an import records each talk it changed once, and a second import of the same file nothing', async () => {
  const db = freshDb();
  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  const first = (await syncSnapshot(db)).changes;
  expect([...first.keys()].sort()).toEqual(talks.map((talk) => talk.id).sort());
  expect(await db.syncChanges.count()).toBe(talks.length);

  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  expect((await syncSnapshot(db)).changes).toEqual(first);
});

test('a transaction records each talk once, however many of its writes touch it', async () => {
  const db = freshDb();
  const [talk] = talks;
  const tokens = await writeLibrary(db, async () => {
    await db.talks.add(talk);
    const afterTalk = (await db.syncChanges.get(talk.id))?.token;
    await db.notes.bulkAdd(notes.filter((note) => note.talkId === talk.id));
    return [afterTalk, (await db.syncChanges.get(talk.id))?.token];
  });
  expect(tokens[0]).toBeDefined();
  expect(tokens[1]).toBe(tokens[0]);
  // A later transaction is a change of its own: a new token.
  await writeLibrary(db, () => db.notes.put({ ...notes[0], body: 'edited' }));
  expect((await db.syncChanges.get(talk.id))?.token).not.toBe(tokens[0]);
});

test('deleting many records marks each deleted; putting them back, in bulk, takes the marks back', async () => {
  const db = freshDb();
  await importBackup(db, { backup: createBackup(talks, notes, EXPORTED), slides: [] });
  const deleted = await deleteTalks(
    db,
    talks.slice(0, 60).map((talk) => talk.id),
  );
  expect(await db.syncDeletions.count()).toBe(60 + 600);
  await restoreDeleted(db, deleted);
  expect(await db.syncDeletions.count()).toBe(0);
});

test('clearing a table marks every record it held as deleted', async () => {
  const db = freshDb();
  await importBackup(db, { backup: createBackup(talks.slice(0, 3), notes.slice(0, 3), EXPORTED), slides: [] });
  await writeLibrary(db, () => db.notes.clear());
  expect((await db.syncDeletions.toArray()).map((deletion) => deletion.id).sort()).toEqual(['n_0', 'n_1', 'n_2']);
});

test('a write to talks or notes in a transaction without the sync tables fails, and nothing is written', async () => {
  const db = freshDb();
  await expect(db.transaction('rw', db.talks, () => db.talks.add(talks[0]))).rejects.toThrow('NotFoundError');
  expect(await db.talks.count()).toBe(0);
});
