import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_DB_NAME, openTalklogDb, type TalklogDb } from '../../src/db/database';
import { EARLY_DB_NAME, EARLY_DB_VERSION, earlyTalkId, openEarly, readTalkEarly } from '../../src/db/early-connection';
import { putNotes } from '../../src/db/notes';
import { getTalk, newTalk, talkWithNotes } from '../../src/db/talks';
import { talkIdFor, type Talk } from '../../src/talk/model';
import { makeNote } from '../export/records';
import { capturedTalk, writeLibrary } from './test-db';

const opened: TalklogDb[] = [];
const open = (name: string, connection?: Promise<IDBDatabase | null>) => {
  const db = openTalklogDb(name, connection);
  opened.push(db);
  return db;
};
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** A database as a user's browser holds it: made by Talklog, closed, with one talk. */
async function existingLibrary(name: string) {
  const db = openTalklogDb(name);
  const talk = newTalk(capturedTalk(), new Date('2026-01-01T00:00:00Z'));
  await writeLibrary(db, () => db.talks.add(talk));
  db.close();
  return talk;
}

const opens = () => vi.spyOn(IDBFactory.prototype, 'open');

describe('a connection opened before Dexie loaded', () => {
  test('is the one Dexie reads and writes through: the database is opened once', async () => {
    const name = `early-${crypto.randomUUID()}`;
    const talk = await existingLibrary(name);
    const calls = opens();
    const early = openEarly(name);
    const db = open(name, early);
    expect(await getTalk(db, talk.id)).toEqual(talk);
    expect(db.backendDB()).toBe(await early);
    expect(calls).toHaveBeenCalledTimes(1);
    await writeLibrary(db, () => db.talks.update(talk.id, { title: 'Renamed' }));
    expect((await getTalk(db, talk.id))?.title).toBe('Renamed');
  });

  test('is taken as well when it opened before Dexie asked for it', async () => {
    const name = `early-${crypto.randomUUID()}`;
    const talk = await existingLibrary(name);
    const early = openEarly(name);
    const connection = await early;
    const db = open(name, early);
    expect(await getTalk(db, talk.id)).toEqual(talk);
    expect(db.backendDB()).toBe(connection);
  });

  test('creates nothing where there is no database yet: Dexie creates it with every table', async () => {
    const name = `early-${crypto.randomUUID()}`;
    expect(await openEarly(name)).toBeNull();
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
    const db = open(name, openEarly(name));
    await db.open();
    expect(db.verno).toBe(10);
    expect(db.tables.map((table) => table.name)).toContain('talkNotes');
    expect(await db.talks.count()).toBe(0);
  });

  test('of an older version is closed, and Dexie upgrades the database keeping its records', async () => {
    const name = `early-${crypto.randomUUID()}`;
    const talk = newTalk(capturedTalk(), new Date('2026-01-01T00:00:00Z'));
    await writeVersion1(name, talk);
    const early = openEarly(name);
    const db = open(name, early);
    expect((await getTalk(db, talk.id))?.title).toBe(talk.title);
    expect((await early)?.version).toBe(10);
    expect(db.backendDB().version).toBe(EARLY_DB_VERSION);
  });
});

/** Version 1's stores as IndexedDB holds them (Dexie's version × 10), with one talk: a browser before the updates. */
function writeVersion1(name: string, talk: Talk): Promise<void> {
  return writeOlderDatabase(name, 10, talk, (db) => {
    const talks = db.createObjectStore('talks', { keyPath: 'id' });
    talks.createIndex('videoId', 'videoId', { unique: true });
    for (const field of ['createdAt', 'updatedAt', 'category', 'event', 'status', 'interest']) talks.createIndex(field, field);
    talks.createIndex('tags', 'tags', { multiEntry: true });
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('talkId', 'talkId');
    notes.createIndex('[talkId+createdAt]', ['talkId', 'createdAt']);
    notes.createIndex('updatedAt', 'updatedAt');
    return talks;
  });
}

/** Version 7's two library stores, with one talk: the records as today, the indexes not. */
function writeVersion7(name: string, talk: Talk): Promise<void> {
  return writeOlderDatabase(name, 70, talk, (db) => {
    const talks = db.createObjectStore('talks', { keyPath: 'id' });
    talks.createIndex('videoId', 'videoId', { unique: true });
    db.createObjectStore('talkNotes', { keyPath: 'talkId' });
    return talks;
  });
}

/** A database an older Talklog left at IndexedDB `version`: `makeStores` makes its stores and returns the talks', which gets `talk`. */
function writeOlderDatabase(name: string, version: number, talk: Talk, makeStores: (db: IDBDatabase) => IDBObjectStore): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => makeStores(request.result).add(talk);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the talk read on the early connection', () => {
  test('is what Dexie reads: the talk and its notes in the order written, or no talk and no notes', async () => {
    const name = `early-${crypto.randomUUID()}`;
    const talk = await existingLibrary(name);
    const db = open(name);
    await writeLibrary(db, () => putNotes(db, [makeNote(talk, 'second', { createdAt: '2026-01-02T00:00:00.000Z' }), makeNote(talk, 'first')]));
    db.close();
    const connection = await openEarly(name);
    expect(await readTalkEarly(connection, talk.videoId)).toEqual(await talkWithNotes(open(name), talk.id));
    expect(await readTalkEarly(connection, 'NotClipped1')).toEqual({ talkId: talkIdFor('NotClipped1'), talk: undefined, notes: [] });
    connection?.close();
  });

  test('is left to Dexie for a database it must upgrade first, none, or a connection closed meanwhile', async () => {
    const name = `early-${crypto.randomUUID()}`;
    const talk = newTalk(capturedTalk(), new Date('2026-01-01T00:00:00Z'));
    await writeVersion7(name, talk);
    const older = await openEarly(name);
    expect(older?.objectStoreNames.contains('talkNotes')).toBe(true);
    expect(await readTalkEarly(older, talk.videoId)).toBeNull();
    older?.close();
    expect(await readTalkEarly(null, talk.videoId)).toBeNull();

    const current = `early-${crypto.randomUUID()}`;
    await existingLibrary(current);
    const closed = await openEarly(current);
    closed?.close();
    expect(await readTalkEarly(closed, talk.videoId)).toBeNull();
    open(current);
  });
});

test('the note pages open the database Talklog uses, at its version, and know its talks by their ids', async () => {
  expect(EARLY_DB_NAME).toBe(DEFAULT_DB_NAME);
  const db = open(`early-${crypto.randomUUID()}`);
  await db.open();
  expect(db.backendDB().version).toBe(EARLY_DB_VERSION);
  expect(earlyTalkId('Pr0meTheus1')).toBe(talkIdFor('Pr0meTheus1'));
});
