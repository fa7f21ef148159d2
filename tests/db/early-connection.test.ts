import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_DB_NAME, openTalklogDb, type TalklogDb } from '../../src/db/database';
import { EARLY_DB_NAME, openEarly } from '../../src/db/early-connection';
import { getTalk, newTalk } from '../../src/db/talks';
import type { Talk } from '../../src/talk/model';
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
    expect(db.verno).toBe(9);
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
    expect(db.backendDB().version).toBe(90);
  });
});

/** Version 1's stores as IndexedDB holds them (Dexie's version × 10), with one talk: a browser before the updates. */
function writeVersion1(name: string, talk: Talk): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 10);
    request.onupgradeneeded = () => {
      const talks = request.result.createObjectStore('talks', { keyPath: 'id' });
      talks.createIndex('videoId', 'videoId', { unique: true });
      for (const field of ['createdAt', 'updatedAt', 'category', 'event', 'status', 'interest']) talks.createIndex(field, field);
      talks.createIndex('tags', 'tags', { multiEntry: true });
      const notes = request.result.createObjectStore('notes', { keyPath: 'id' });
      notes.createIndex('talkId', 'talkId');
      notes.createIndex('[talkId+createdAt]', ['talkId', 'createdAt']);
      notes.createIndex('updatedAt', 'updatedAt');
      talks.add(talk);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

test('the note pages open the database Talklog uses', () => {
  expect(EARLY_DB_NAME).toBe(DEFAULT_DB_NAME);
});
