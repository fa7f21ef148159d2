import { expect, test } from 'vitest';
import { followLibrary, nextChunkSize, type LibraryChange, type LibraryFeed } from '../../src/db/library-feed';
import { addNote, putNotes } from '../../src/db/notes';
import type { Note, Talk } from '../../src/talk/model';
import type { TalklogDb } from '../../src/db/database';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { makeNote } from '../export/records';
import { freshDb, numberedTalk, writeLibrary } from './test-db';

const talkNumber = (i: number): Talk => numberedTalk(i, new Date(Date.UTC(2026, 0, 1, 0, i)));

/** Everything the feed said, in order, and a promise for the next time it says `kind`. */
function recorder() {
  const heard: { kind: string; talks?: Talk[]; notes?: Note[]; noteCounts?: number[]; change?: LibraryChange }[] = [];
  const waiting: { kind: string; resolve: () => void }[] = [];
  const hear = (entry: (typeof heard)[number]) => {
    heard.push(entry);
    for (const wait of waiting.splice(0)) {
      if (wait.kind === entry.kind) wait.resolve();
      else waiting.push(wait);
    }
  };
  const next = (kind: string) => new Promise<void>((resolve) => waiting.push({ kind, resolve }));
  return { heard, next, hear };
}

/** A feed that hands each chunk to `chunk` and says when the library is loaded; any error fails the test. */
function chunksOnly(chunk: LibraryFeed['chunk'], hear: ReturnType<typeof recorder>['hear']): LibraryFeed {
  return {
    first: () => {},
    chunk,
    reset: () => {},
    loaded: () => hear({ kind: 'loaded' }),
    changed: () => {},
    error: (error) => {
      throw error;
    },
  };
}

/** Reads the whole library as a page does (`followLibrary`), handing each chunk to `chunk`; resolves once it is all read. */
async function readWhole(db: TalklogDb, chunk: LibraryFeed['chunk']): Promise<void> {
  const { next, hear } = recorder();
  const { stop } = followLibrary(db, 10, chunksOnly(chunk, hear));
  try {
    await next('loaded');
  } finally {
    stop();
  }
}

test('reads the newest talks first, then everything in chunks, then follows each change talk by talk', async () => {
  const db = freshDb();
  await writeLibrary(db, () => db.talks.bulkAdd(Array.from({ length: 30 }, (_, i) => talkNumber(i))));
  await addNote(db, talkNumber(3).id, 'an old note', 10);
  await addNote(db, talkNumber(28).id, 'first of two', 10);
  await addNote(db, talkNumber(28).id, 'second of two', 20);
  await addNote(db, talkNumber(25).id, 'one of one', 10);
  const { heard, next, hear } = recorder();
  const loaded = next('loaded');
  const { stop } = followLibrary(db, 5, {
    first: (talks, noteCounts) => hear({ kind: 'first', talks, noteCounts }),
    chunk: (talks, notes) => hear({ kind: 'chunk', talks, notes: notes.flat() }),
    reset: () => hear({ kind: 'reset' }),
    loaded: () => hear({ kind: 'loaded' }),
    changed: (change) => hear({ kind: 'changed', change }),
    error: (error) => hear({ kind: 'error', notes: [], talks: [], change: { talks: [], notes: [], removedTalkIds: [String(error)] } }),
  });
  try {
    await loaded;
    expect(heard[0].kind).toBe('first');
    expect(heard[0].talks!.map((talk) => talk.title)).toEqual(['Talk 29', 'Talk 28', 'Talk 27', 'Talk 26', 'Talk 25']);
    // The first screen counts each talk's notes.
    expect(heard[0].noteCounts).toEqual([0, 2, 0, 0, 1]);
    const chunks = heard.filter((entry) => entry.kind === 'chunk');
    expect(chunks.flatMap((chunk) => chunk.talks!)).toHaveLength(30);
    expect(
      chunks
        .flatMap((chunk) => chunk.notes!)
        .map((note) => note.body)
        .sort(),
    ).toEqual(['an old note', 'first of two', 'one of one', 'second of two']);
    // Each chunk brings the notes of its own talks, so no more than a chunk of notes is held at once.
    for (const chunk of chunks) for (const each of chunk.notes!) expect(chunk.talks!.map((talk) => talk.id)).toContain(each.talkId);

    // A note added: its talk, with all its notes, read again; nothing else.
    let changed = next('changed');
    const note = await addNote(db, talkNumber(3).id, 'a new note', 20);
    await changed;
    let change = heard.at(-1)!.change!;
    expect(change.talks.map((talk) => talk.title)).toEqual(['Talk 3']);
    expect(
      change.notes
        .flat()
        .map((each) => each.body)
        .sort(),
    ).toEqual(['a new note', 'an old note']);

    // A note deleted: its talk's notes record changed, keyed by the talk.
    changed = next('changed');
    await deleteNote(db, note);
    await changed;
    change = heard.at(-1)!.change!;
    expect(change.talks.map((talk) => talk.title)).toEqual(['Talk 3']);
    expect(change.notes.flat().map((each) => each.body)).toEqual(['an old note']);

    // A talk deleted.
    changed = next('changed');
    await writeLibrary(db, () => db.talks.delete(talkNumber(5).id));
    await changed;
    expect(heard.at(-1)!.change).toEqual({ talks: [], notes: [], removedTalkIds: [talkNumber(5).id] });

    // A write too wide to follow key by key: everything is read again, from its first screen on.
    const reloaded = next('loaded');
    await writeLibrary(db, () => db.talks.bulkPut(Array.from({ length: 60 }, (_, i) => talkNumber(100 + i))));
    await reloaded;
    const reset = heard.map((entry) => entry.kind).lastIndexOf('reset');
    expect(reset).toBeGreaterThan(0);
    expect(heard[reset + 1].kind).toBe('first');
    expect(heard[reset + 1].talks!.map((talk) => talk.title)).toEqual(['Talk 159', 'Talk 158', 'Talk 157', 'Talk 156', 'Talk 155']);
    expect(heard.slice(reset + 2).every((entry) => entry.kind === 'chunk' || entry.kind === 'loaded')).toBe(true);
    expect(
      heard
        .slice(reset)
        .filter((entry) => entry.kind === 'chunk')
        .flatMap((chunk) => chunk.talks!),
    ).toHaveLength(89);
    expect(heard.some((entry) => entry.kind === 'error')).toBe(false);
  } finally {
    stop();
  }
});

test('a library of several chunks comes whole: each talk once, with all its notes', async () => {
  const db = freshDb();
  const talks = Array.from({ length: 1100 }, (_, i) => talkNumber(i));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const notes: Note[] = talks.flatMap((talk, i) =>
    Array.from({ length: i % 3 }, (_, n) => ({
      id: `n-${i}-${n}`,
      talkId: talk.id,
      body: `note ${n}`,
      atSec: null,
      createdAt: talk.createdAt,
      updatedAt: talk.createdAt,
    })),
  );
  await writeLibrary(db, () => putNotes(db, notes));
  const { heard, next, hear } = recorder();
  const loaded = next('loaded');
  const { stop } = followLibrary(db, 5, {
    first: () => {},
    chunk: (chunkTalks, chunkNotes) => hear({ kind: 'chunk', talks: chunkTalks, notes: chunkNotes.flat() }),
    reset: () => {},
    loaded: () => hear({ kind: 'loaded' }),
    changed: () => {},
    error: (error) => hear({ kind: 'error', talks: [], notes: [], change: { talks: [], notes: [], removedTalkIds: [String(error)] } }),
  });
  try {
    await loaded;
    const chunks = heard.filter((entry) => entry.kind === 'chunk');
    expect(chunks.length).toBeGreaterThan(1);
    expect(new Set(chunks.flatMap((chunk) => chunk.talks!.map((talk) => talk.id))).size).toBe(1100);
    expect(chunks.flatMap((chunk) => chunk.notes!.map((note) => note.id)).sort()).toEqual(notes.map((note) => note.id).sort());
    for (const chunk of chunks) for (const note of chunk.notes!) expect(chunk.talks!.map((talk) => talk.id)).toContain(note.talkId);
  } finally {
    stop();
  }
});

test('a chunk that keeps the page busy too long makes the next smaller; a quick one makes it larger, within bounds', () => {
  expect(nextChunkSize(250, 40)).toBe(50);
  expect(nextChunkSize(200, 16)).toBe(100);
  expect(nextChunkSize(250, 1000)).toBe(50);
  // Twice as large at most, however quick, and never above 250 talks.
  expect(nextChunkSize(100, 0)).toBe(200);
  expect(nextChunkSize(200, 2)).toBe(250);
  expect(nextChunkSize(100, 4)).toBe(200);
  expect(nextChunkSize(100, 8)).toBe(100);
});

test('a page slow with each chunk is handed smaller ones, and still gets every talk once', async () => {
  const db = freshDb();
  const talks = Array.from({ length: 300 }, (_, i) => talkNumber(i));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const sizes: number[] = [];
  await readWhole(db, (chunkTalks) => {
    sizes.push(chunkTalks.length);
    // A page that takes 40 ms over every chunk, whatever its size.
    const until = performance.now() + 40;
    while (performance.now() < until);
  });
  expect(sizes[0]).toBe(100);
  // 16 ms of work a chunk would be 40 talks; 50 is the least.
  expect(sizes[1]).toBe(50);
  expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(300);
});

test("each chunk is handed over in a task after the one its notes were read in, not in that read's task", async () => {
  const db = freshDb();
  const talks = Array.from({ length: 300 }, (_, i) => talkNumber(i));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  for (const talk of talks.filter((_, i) => i % 7 === 0)) await addNote(db, talk.id, `a note on ${talk.title}`, 10);
  // The talks whose notes record was read in the task now running: each let go by a task queued as it is read.
  // (The next chunk's records may be read meanwhile: they are not the ones handed over.)
  const readThisTask = new Set<string>();
  db.talkNotes.hook('reading', (record) => {
    // A talk with no notes record reads as undefined.
    if (record) {
      readThisTask.add(record.talkId);
      setTimeout(() => readThisTask.delete(record.talkId), 0);
    }
    return record;
  });
  const handedOver: boolean[] = [];
  await readWhole(db, (chunkTalks, notes) => {
    handedOver.push(chunkTalks.every((talk, i) => notes[i].length === 0 || !readThisTask.has(talk.id)));
  });
  expect(handedOver.length).toBeGreaterThan(1);
  expect(handedOver).toEqual(handedOver.map(() => true));
});

test('from the second chunk on, the next chunk is read while the page takes one in', async () => {
  const db = freshDb();
  // Newest first is lowest id first: the first screen reads only talks of the first chunk.
  const talks = Array.from({ length: 300 }, (_, i) => numberedTalk(i, new Date(Date.UTC(2026, 0, 1, 0, 300 - i))));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const read = new Set<string>();
  db.talks.hook('reading', (talk) => {
    if (talk) read.add(talk.id);
    return talk;
  });
  /** For each chunk but the last, whether a talk after it had been read by the time the page was done with it. */
  const readAhead: boolean[] = [];
  await readWhole(db, async (chunkTalks) => {
    // A page that takes a while over each chunk, and lets the browser work meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = talks.findIndex((talk) => talk.id === chunkTalks[chunkTalks.length - 1].id) + 1;
    if (after < talks.length) readAhead.push(read.has(talks[after].id));
  });
  expect(readAhead.length).toBeGreaterThan(2);
  // The second chunk is read once the page has taken the first in, out of the first screen's way.
  expect(readAhead).toEqual(readAhead.map((_, i) => i > 0));
});

test('an Undo of a delete of many talks is followed talk by talk, in parts, not by reading the whole library again', async () => {
  const db = freshDb();
  const talks = Array.from({ length: 300 }, (_, i) => talkNumber(i));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  await writeLibrary(db, () =>
    putNotes(
      db,
      talks.map((talk, i) => makeNote(talk, `note ${i}`, { id: `n_${i}` })),
    ),
  );
  const { heard, next, hear } = recorder();
  const loaded = next('loaded');
  const { stop } = followLibrary(db, 5, {
    first: () => hear({ kind: 'first' }),
    chunk: () => {},
    reset: () => hear({ kind: 'reset' }),
    loaded: () => hear({ kind: 'loaded' }),
    changed: (change, more) => hear({ kind: more ? 'part' : 'changed', change }),
    error: (error) => {
      throw error;
    },
  });
  try {
    await loaded;
    const deleted = await deleteTalks(
      db,
      talks.map((talk) => talk.id),
    );
    await next('changed');
    const removed = heard.filter((entry) => entry.kind === 'part' || entry.kind === 'changed').flatMap((entry) => entry.change!.removedTalkIds);
    expect(removed.sort()).toEqual(talks.map((talk) => talk.id).sort());
    heard.length = 0;
    const changed = next('changed');
    await restoreDeleted(db, deleted);
    await changed;
    expect(heard.map((entry) => entry.kind)).not.toContain('reset');
    const parts = heard.filter((entry) => entry.kind === 'part' || entry.kind === 'changed');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.at(-1)!.kind).toBe('changed');
    expect(parts.flatMap((entry) => entry.change!.talks.map((talk) => talk.id)).sort()).toEqual(talks.map((talk) => talk.id).sort());
    expect(parts.flatMap((entry) => entry.change!.notes.flat())).toHaveLength(300);
  } finally {
    stop();
  }
});
