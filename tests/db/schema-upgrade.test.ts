import { describe, expect, test } from 'vitest';
import { openTalklogDb } from '../../src/db/database';
import { addNote, allNotes, countNotesForTalk, notesForTalk } from '../../src/db/notes';
import { addSlide, slideThumbnails } from '../../src/db/slides';
import { getTalk, listRecentTalks } from '../../src/db/talks';
import type { Note, Talk } from '../../src/talk/model';
import type { Slide } from '../../src/talk/slide';
import { deleteNote } from '../../src/db/deletion';
import { writeLibrary } from './test-db';

/** A talk as version 1 stored it: before `youtubeTitle` and `playlist`. */
type TalkV1 = Omit<Talk, 'youtubeTitle' | 'playlist'>;
/** Version 2 added `youtubeTitle`; its stores are version 1's. */
type TalkV2 = Omit<Talk, 'playlist'>;

/** What version 3's sync stores held, as written into a raw version 5 database. */
interface SyncRecords {
  syncChanges: { talkId: string; token: string }[];
  syncDeletions: { id: string; talkId: string; deletedAt: string }[];
  syncMeta: { key: string; value: unknown }[];
  /** What was last synced of each talk; only its key matters here. */
  syncFiles?: { talkId: string; etag: string; base: null; markdownPath: null }[];
}

/**
 * Version 1's schema as IndexedDB stores it, written with the raw API, not through our Dexie code:
 * what a user's browser holds from the first Talklog. Dexie keeps IndexedDB's version at 10× its own.
 * Version 2 changed records, not stores: the same writer makes it with `dexieVersion` 2. Version 3 added sync's stores,
 * which version 5 kept. From version 7, a talk's notes are one `talkNotes` record and there is no `notes` store;
 * version 8 added the `[event+status]` index; version 9 dropped the talks' `updatedAt`, `status` and `interest` indexes.
 * A later schema version adds its own raw writer here, and this test must still find every record.
 */
function writeDatabase(
  name: string,
  dexieVersion: 1 | 2 | 3 | 5 | 6 | 7 | 8 | 9,
  talks: TalkV1[] | TalkV2[] | Talk[],
  notes: Note[],
  sync?: SyncRecords,
  slides: Slide[] = [],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, dexieVersion * 10);
    request.onupgradeneeded = () => {
      const db = request.result;
      const talkStore = db.createObjectStore('talks', { keyPath: 'id' });
      talkStore.createIndex('videoId', 'videoId', { unique: true });
      const fields = dexieVersion >= 9 ? ['createdAt', 'category', 'event'] : ['createdAt', 'updatedAt', 'category', 'event', 'status', 'interest'];
      for (const field of fields) talkStore.createIndex(field, field);
      talkStore.createIndex('tags', 'tags', { multiEntry: true });
      if (dexieVersion >= 8) talkStore.createIndex('[event+status]', ['event', 'status']);
      if (dexieVersion < 7) {
        const noteStore = db.createObjectStore('notes', { keyPath: 'id' });
        noteStore.createIndex('talkId', 'talkId');
        noteStore.createIndex('[talkId+createdAt]', ['talkId', 'createdAt']);
        noteStore.createIndex('updatedAt', 'updatedAt');
      } else db.createObjectStore('talkNotes', { keyPath: 'talkId' });
      if (dexieVersion < 3) return;
      // Version 3's sync bookkeeping; version 5 changed talk records, not stores.
      db.createObjectStore('syncChanges', { keyPath: 'talkId' });
      db.createObjectStore('syncDeletions', { keyPath: 'id' }).createIndex('talkId', 'talkId');
      db.createObjectStore('syncFiles', { keyPath: 'talkId' }).createIndex('etag', 'etag');
      db.createObjectStore('syncMeta', { keyPath: 'key' });
      if (dexieVersion < 6) return;
      // Version 6's slides.
      const slideStore = db.createObjectStore('slides', { keyPath: 'id' });
      slideStore.createIndex('owner', 'owner');
      slideStore.createIndex('talkId', 'talkId');
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const noteStore = dexieVersion < 7 ? 'notes' : 'talkNotes';
      const stores = [...(sync ? ['talks', noteStore, ...Object.keys(sync)] : ['talks', noteStore]), ...(slides.length > 0 ? ['slides'] : [])];
      const tx = db.transaction(stores, 'readwrite');
      for (const talk of talks) tx.objectStore('talks').put(talk);
      if (dexieVersion < 7) for (const note of notes) tx.objectStore('notes').put(note);
      else
        for (const talkId of new Set(notes.map((n) => n.talkId))) tx.objectStore('talkNotes').put({ talkId, notes: notes.filter((n) => n.talkId === talkId) });
      for (const slide of slides) tx.objectStore('slides').put(slide);
      for (const [store, records] of Object.entries(sync ?? {})) for (const record of records) tx.objectStore(store).put(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const talk = (videoId: string, createdAt: string): TalkV1 => ({
  id: `t_${videoId}`,
  videoId,
  url: `https://www.youtube.com/watch?v=${videoId}`,
  title: `Talk ${videoId}`,
  channel: null,
  speakers: [],
  durationSec: null,
  event: 'KubeCon NA 2021',
  category: 'Observability',
  tags: ['prometheus'],
  interest: 4,
  status: 'watched',
  createdAt,
  updatedAt: createdAt,
});

const note = (id: string, talkId: string, createdAt: string): Note => ({ id, talkId, body: `body ${id}`, atSec: 12, createdAt, updatedAt: createdAt });

describe('a database written by an earlier Talklog', () => {
  test('opens with the current schema and every record is found through every index', async () => {
    const name = `talklog-v1-${crypto.randomUUID()}`;
    const talks = [talk('AAAAAAAAAAA', '2026-01-01T00:00:00.000Z'), talk('BBBBBBBBBBB', '2026-01-02T00:00:00.000Z')];
    const notes = [
      note('n_1', talks[0].id, '2026-01-01T00:01:00.000Z'),
      note('n_2', talks[0].id, '2026-01-01T00:02:00.000Z'),
      note('n_3', talks[1].id, '2026-01-02T00:01:00.000Z'),
    ];
    await writeDatabase(name, 1, talks, notes);

    const db = openTalklogDb(name);
    try {
      // Version 2's upgrade gave every talk an unknown YouTube title, version 5's no playlist.
      const upgraded = talks.map((old) => ({ ...old, youtubeTitle: null, playlist: null }));
      expect(await db.talks.toArray()).toEqual(upgraded);
      expect(await allNotes(db)).toEqual(notes);
      expect(await getTalk(db, 't_BBBBBBBBBBB')).toEqual(upgraded[1]);
      expect((await notesForTalk(db, talks[0].id)).map((n) => n.id)).toEqual(['n_1', 'n_2']);
      expect((await listRecentTalks(db, 2)).map((entry) => entry.id)).toEqual([talks[1].id, talks[0].id]);
      expect(await countNotesForTalk(db, talks[0].id)).toBe(2);
      expect(await db.talks.where('tags').equals('prometheus').count()).toBe(2);
      // Version 3 added sync's bookkeeping, empty: the first sync sends every talk.
      expect(await Promise.all([db.syncChanges.count(), db.syncDeletions.count(), db.syncFiles.count(), db.syncMeta.count()])).toEqual([0, 0, 0, 0]);
      await deleteNote(db, { id: 'n_3', talkId: talks[1].id });
      expect(await db.syncDeletions.toArray()).toEqual([{ id: 'n_3', talkId: talks[1].id, deletedAt: expect.any(String) }]);
      // Never synced: a change needs no record (sync-log.ts, RECORDING_CHANGES).
      expect(await db.syncChanges.count()).toBe(0);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 2 database: talks keep their YouTube title and were queued from no playlist', async () => {
    const name = `talklog-v2-${crypto.randomUUID()}`;
    const talks: TalkV2[] = [{ ...talk('CCCCCCCCCCC', '2026-02-01T00:00:00.000Z'), youtubeTitle: 'Talk CCCCCCCCCCC - Jane Doe, Acme' }];
    const notes = [note('n_4', talks[0].id, '2026-02-01T00:01:00.000Z')];
    await writeDatabase(name, 2, talks, notes);

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual([{ ...talks[0], playlist: null }]);
      expect(await db.talks.where('event').equals('KubeCon NA 2021').count()).toBe(1);
      expect((await notesForTalk(db, talks[0].id)).map((n) => n.id)).toEqual(['n_4']);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 5 database gains the empty slides table and keeps every talk, note and sync record', async () => {
    const name = `talklog-v5-raw-${crypto.randomUUID()}`;
    const queued: Talk = {
      ...talk('EEEEEEEEEEE', '2026-03-01T00:00:00.000Z'),
      youtubeTitle: null,
      status: 'to-watch',
      playlist: { id: 'PLconf', position: 3 },
    };
    const kept: Talk = { ...talk('FFFFFFFFFFF', '2026-03-02T00:00:00.000Z'), youtubeTitle: 'Talk FFFFFFFFFFF - Ada', playlist: null };
    const notes = [note('n_5', kept.id, '2026-03-02T00:01:00.000Z'), note('n_6', kept.id, '2026-03-02T00:02:00.000Z')];
    const sync: SyncRecords = {
      syncChanges: [{ talkId: kept.id, token: 'token-1' }],
      syncDeletions: [{ id: 'n_gone', talkId: kept.id, deletedAt: '2026-03-02T00:03:00.000Z' }],
      syncMeta: [{ key: 'lastSyncAt', value: '2026-03-02T00:04:00.000Z' }],
    };
    await writeDatabase(name, 5, [queued, kept], notes, sync);

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual([queued, kept]);
      expect(await allNotes(db)).toEqual(notes);
      expect(await db.talks.where('[event+status]').equals(['KubeCon NA 2021', 'to-watch']).count()).toBe(1);
      expect((await notesForTalk(db, kept.id)).map((n) => n.id)).toEqual(['n_5', 'n_6']);
      expect([await db.syncChanges.toArray(), await db.syncDeletions.toArray(), await db.syncMeta.toArray()]).toEqual([
        sync.syncChanges,
        sync.syncDeletions,
        sync.syncMeta,
      ]);
      // Version 6's slides table starts empty and holds a note's slides; deleting the note takes them along.
      expect(await db.slides.count()).toBe(0);
      const image = new Blob(['image'], { type: 'image/webp' });
      const slide = await addSlide(db, 'n_5', { talkId: kept.id, atSec: 12, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
      expect((await slideThumbnails(db, 'n_5')).map((stored) => stored.id)).toEqual([slide.id]);
      await deleteNote(db, { id: 'n_5', talkId: kept.id });
      expect(await db.slides.count()).toBe(0);
      expect((await db.syncDeletions.toArray()).map((deletion) => deletion.id)).toEqual(['n_5', 'n_gone']);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 6 database keeps every note, each talk’s in one record in the order they were written, and nothing else is lost', async () => {
    const name = `talklog-v6-raw-${crypto.randomUUID()}`;
    const first: Talk = { ...talk('GGGGGGGGGGG', '2026-04-01T00:00:00.000Z'), youtubeTitle: null, playlist: null };
    const second: Talk = { ...talk('HHHHHHHHHHH', '2026-04-02T00:00:00.000Z'), youtubeTitle: 'Talk HHHHHHHHHHH', playlist: null };
    const quiet: Talk = { ...talk('IIIIIIIIIII', '2026-04-03T00:00:00.000Z'), youtubeTitle: null, playlist: null };
    // Written in an order of their ids that is not the order they were taken in; two taken in the same millisecond.
    const notes = [
      note('n_c', first.id, '2026-04-01T00:01:00.000Z'),
      note('n_a', first.id, '2026-04-01T00:03:00.000Z'),
      note('n_b', second.id, '2026-04-02T00:01:00.000Z'),
      note('n_e', first.id, '2026-04-01T00:02:00.000Z'),
      note('n_d', first.id, '2026-04-01T00:02:00.000Z'),
    ];
    const sync: SyncRecords = {
      syncChanges: [{ talkId: first.id, token: 'token-7' }],
      syncDeletions: [{ id: 'n_gone', talkId: second.id, deletedAt: '2026-04-02T00:03:00.000Z' }],
      syncMeta: [{ key: 'deviceId', value: 'd_here' }],
    };
    const image = new Blob(['image'], { type: 'image/webp' });
    const slide: Slide = {
      id: 's_1',
      owner: 'n_b',
      talkId: second.id,
      atSec: 3,
      width: 1280,
      height: 720,
      type: 'image/webp',
      image,
      thumbnail: image,
      takenAt: '2026-04-02T00:01:00.000Z',
    };
    await writeDatabase(name, 6, [first, second, quiet], notes, sync, [slide]);

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual([first, second, quiet]);
      expect(await db.talkNotes.toArray()).toEqual([
        { talkId: first.id, notes: [notes[0], notes[4], notes[3], notes[1]] },
        { talkId: second.id, notes: [notes[2]] },
      ]);
      expect((await notesForTalk(db, first.id)).map((n) => n.id)).toEqual(['n_c', 'n_d', 'n_e', 'n_a']);
      expect(await countNotesForTalk(db, quiet.id)).toBe(0);
      expect([await db.syncChanges.toArray(), await db.syncDeletions.toArray(), await db.syncMeta.toArray()]).toEqual([
        sync.syncChanges,
        sync.syncDeletions,
        sync.syncMeta,
      ]);
      expect((await db.slides.toArray()).map((stored) => stored.id)).toEqual(['s_1']);
      // The old notes store is gone; moving the notes recorded nothing for sync.
      expect(db.backendDB().objectStoreNames.contains('notes')).toBe(false);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 6 note without a creation time is kept, dated and ordered by its last change', async () => {
    const name = `talklog-v6-undated-${crypto.randomUUID()}`;
    const kept: Talk = { ...talk('PPPPPPPPPPP', '2026-04-05T00:00:00.000Z'), youtubeTitle: null, playlist: null };
    const dated = note('n_dated', kept.id, '2026-04-05T00:02:00.000Z');
    // No Talklog wrote these, but a damaged or hand-made record can hold one: the [talkId+createdAt] index leaves them out.
    const { createdAt: _absent, ...noTime } = note('n_absent', kept.id, '2026-04-05T00:03:00.000Z');
    const nullTime = { ...note('n_null', kept.id, '2026-04-05T00:01:00.000Z'), createdAt: null };
    await writeDatabase(name, 6, [kept], [dated, noTime, nullTime] as Note[]);

    const db = openTalklogDb(name);
    try {
      expect(await notesForTalk(db, kept.id)).toEqual([{ ...nullTime, createdAt: nullTime.updatedAt }, dated, { ...noTime, createdAt: noTime.updatedAt }]);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 7 database finds an event’s talks by status through the new index, and keeps every record', async () => {
    const name = `talklog-v7-raw-${crypto.randomUUID()}`;
    const talkAt = (videoId: string, status: Talk['status'], event: string | null): Talk => ({
      ...talk(videoId, '2026-05-01T00:00:00.000Z'),
      youtubeTitle: null,
      playlist: null,
      status,
      event,
    });
    const talks = [
      talkAt('JJJJJJJJJJJ', 'watched', 'KubeCon NA 2021'),
      talkAt('KKKKKKKKKKK', 'to-watch', 'KubeCon NA 2021'),
      talkAt('LLLLLLLLLLL', 'to-watch', 'PromCon 2023'),
      talkAt('MMMMMMMMMMM', 'to-watch', null),
    ];
    const notes = [note('n_j1', talks[0].id, '2026-05-01T00:01:00.000Z'), note('n_j2', talks[0].id, '2026-05-01T00:02:00.000Z')];
    const sync: SyncRecords = { syncChanges: [{ talkId: talks[1].id, token: 'token-8' }], syncDeletions: [], syncMeta: [] };
    await writeDatabase(name, 7, talks, notes, sync);

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual(talks);
      expect((await db.talks.where('[event+status]').equals(['KubeCon NA 2021', 'to-watch']).toArray()).map((found) => found.id)).toEqual([talks[1].id]);
      expect(await db.talks.where('[event+status]').equals(['KubeCon NA 2021', 'watched']).count()).toBe(1);
      expect((await notesForTalk(db, talks[0].id)).map((n) => n.id)).toEqual(['n_j1', 'n_j2']);
      expect(await db.syncChanges.toArray()).toEqual(sync.syncChanges);
      // It synced nothing yet: its first sync visits every talk, and a change here is not recorded.
      await addNote(db, talks[2].id, 'after the upgrade', 3);
      expect(await db.syncChanges.toArray()).toEqual(sync.syncChanges);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  test('a version 8 database loses only the indexes no read uses, and every record is found through the rest', async () => {
    const name = `talklog-v8-raw-${crypto.randomUUID()}`;
    const talks: Talk[] = [
      { ...talk('NNNNNNNNNNN', '2026-06-01T00:00:00.000Z'), youtubeTitle: null, playlist: null, status: 'to-watch' },
      { ...talk('OOOOOOOOOOO', '2026-06-02T00:00:00.000Z'), youtubeTitle: null, playlist: { id: 'PLconf', position: 3 }, category: 'Security' },
    ];
    const notes = [note('n_n1', talks[0].id, '2026-06-01T00:01:00.000Z')];
    await writeDatabase(name, 8, talks, notes, {
      syncChanges: [{ talkId: talks[0].id, token: 'token-9' }],
      syncDeletions: [],
      syncMeta: [],
      syncFiles: [{ talkId: talks[0].id, etag: 'e-1', base: null, markdownPath: null }],
    });

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual(talks);
      expect(db.verno).toBe(10);
      expect(await db.talks.where('videoId').equals('OOOOOOOOOOO').first()).toEqual(talks[1]);
      expect((await listRecentTalks(db, 2)).map((entry) => entry.id)).toEqual([talks[1].id, talks[0].id]);
      expect(await db.talks.orderBy('category').uniqueKeys()).toEqual(['Observability', 'Security']);
      expect(await db.talks.where('event').equals('KubeCon NA 2021').count()).toBe(2);
      expect(await db.talks.where('tags').equals('prometheus').count()).toBe(2);
      expect(await db.talks.where('[event+status]').equals(['KubeCon NA 2021', 'to-watch']).primaryKeys()).toEqual([talks[0].id]);
      expect((await notesForTalk(db, talks[0].id)).map((n) => n.id)).toEqual(['n_n1']);
      expect(await db.syncChanges.toArray()).toEqual([{ talkId: talks[0].id, token: 'token-9' }]);
      // It has synced: a change made before its next sync is recorded, to be sent.
      await addNote(db, talks[1].id, 'after the upgrade', 3);
      expect((await db.syncChanges.toArray()).map((change) => change.talkId)).toEqual([talks[0].id, talks[1].id]);
    } finally {
      db.close();
    }
    // What the browser stores: the talks' other indexes are gone, not just unknown to Dexie.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      expect([...raw.transaction('talks').objectStore('talks').indexNames].sort()).toEqual([
        '[event+status]',
        'category',
        'createdAt',
        'event',
        'tags',
        'videoId',
      ]);
    } finally {
      raw.close();
      indexedDB.deleteDatabase(name);
    }
  });

  test('a database of this version opens again as it was: a queued talk keeps its playlist place', async () => {
    const name = `talklog-current-${crypto.randomUUID()}`;
    const queued: Talk = { ...talk('DDDDDDDDDDD', '2026-03-01T00:00:00.000Z'), youtubeTitle: null, status: 'skipped', playlist: { id: 'PLconf', position: 7 } };
    const first = openTalklogDb(name);
    await writeLibrary(first, () => first.talks.put(queued));
    first.close();

    const db = openTalklogDb(name);
    try {
      expect(await db.talks.toArray()).toEqual([queued]);
      expect(db.verno).toBe(10);
    } finally {
      await db.delete();
    }
  });

  // database.ts declares only the versions that rewrite records; Dexie makes the tables and indexes of the others.
  test.each([1, 2, 3, 5, 6, 7, 8, 9] as const)('a version %i database ends with the tables and indexes of a new one', async (version) => {
    const fresh = openTalklogDb(`talklog-new-${crypto.randomUUID()}`);
    const name = `talklog-v${version}-schema-${crypto.randomUUID()}`;
    await writeDatabase(name, version, [{ ...talk('GGGGGGGGGGG', '2026-04-01T00:00:00.000Z'), youtubeTitle: null, playlist: null }], []);
    const upgraded = openTalklogDb(name);
    try {
      await Promise.all([fresh.open(), upgraded.open()]);
      expect(storedSchema(upgraded.backendDB())).toEqual(storedSchema(fresh.backendDB()));
      expect([...upgraded.backendDB().objectStoreNames]).toEqual([
        'deletedFromQueue',
        'slides',
        'syncChanges',
        'syncDeletions',
        'syncFiles',
        'syncMeta',
        'talkNotes',
        'talks',
      ]);
      expect(await upgraded.talks.count()).toBe(1);
    } finally {
      await Promise.all([fresh.delete(), upgraded.delete()]);
    }
  });
});

/** Each store of an open database with its key path and its indexes, as IndexedDB keeps them. */
function storedSchema(db: IDBDatabase) {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  return names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].map((index) => {
      const { keyPath, unique, multiEntry } = store.index(index);
      return { index, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}
