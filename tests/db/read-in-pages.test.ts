import { expect, test } from 'vitest';
import { libraryTables } from '../../src/db/database';
import { allTalksAndNotes } from '../../src/db/library';
import { readInPages } from '../../src/db/read-in-pages';
import type { TalkNotes } from '../../src/db/talk-notes';
import type { Note, Talk } from '../../src/talk/model';
import { freshDb } from './test-db';

const records = (count: number): TalkNotes[] => Array.from({ length: count }, (_, i) => ({ talkId: `t_${String(i).padStart(4, '0')}`, notes: [] }));
const talkIdOf = (record: TalkNotes) => record.talkId;

test.each([
  ['none', 0],
  ['fewer than a page', 3],
  ['whole pages only', 6],
  ['whole pages and part of one', 7],
])('a table of %s is read whole, in key order, a page at a time', async (_, count) => {
  const db = freshDb();
  const stored = records(count);
  await db.transaction('rw', libraryTables(db), () => db.talkNotes.bulkAdd([...stored].reverse()));
  expect(await readInPages(db.talkNotes, talkIdOf, 3)).toEqual(stored);
});

test('inside a transaction, a page written meanwhile by another is not half seen', async () => {
  const db = freshDb();
  await db.transaction('rw', libraryTables(db), () => db.talkNotes.bulkAdd(records(5)));
  const reading = db.transaction('r', db.talkNotes, () => readInPages(db.talkNotes, talkIdOf, 2));
  const writing = db.transaction('rw', libraryTables(db), () => db.talkNotes.add({ talkId: 't_0001a', notes: [] }));
  // The read transaction began first: IndexedDB runs the write after it, so the read sees the five alone.
  expect((await reading).map(talkIdOf)).toEqual(['t_0000', 't_0001', 't_0002', 't_0003', 't_0004']);
  await writing;
  expect(await db.talkNotes.count()).toBe(6);
});

test('a backup, an export or a sync reads every talk and note, past a page of each', async () => {
  const db = freshDb();
  const now = new Date('2026-12-01T00:00:00Z').toISOString();
  const talks: Talk[] = Array.from({ length: 1001 }, (_, i) => {
    const videoId = `video${String(i).padStart(6, '0')}`;
    return {
      id: `t_${videoId}`,
      videoId,
      url: `https://www.youtube.com/watch?v=${videoId}`,
      title: `Talk ${i}`,
      youtubeTitle: null,
      channel: 'CNCF',
      speakers: [],
      durationSec: null,
      event: null,
      category: null,
      tags: [],
      interest: 0,
      status: 'to-watch',
      playlist: null,
      createdAt: now,
      updatedAt: now,
    };
  });
  const notes: Note[] = talks.map((talk) => ({ id: `n_${talk.id}`, talkId: talk.id, body: talk.title, atSec: 1, createdAt: now, updatedAt: now }));
  await db.transaction('rw', libraryTables(db), async () => {
    await db.talks.bulkAdd(talks);
    await db.talkNotes.bulkAdd(notes.map((note) => ({ talkId: note.talkId, notes: [note] })));
  });
  expect(await allTalksAndNotes(db)).toEqual({ talks, notes });
});
