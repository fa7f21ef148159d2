import { afterEach } from 'vitest';
import { libraryTables, openTalklogDb, type TalklogDb } from '../../src/db/database';
import { recordChangesFromNowOn } from '../../src/db/sync-store';
import type { ImportCounts } from '../../src/db/import-backup';
import { newTalk } from '../../src/db/talks';
import type { CapturedTalk, Talk } from '../../src/talk/model';

const opened: TalklogDb[] = [];

/** A fresh Talklog database on fake-indexeddb, deleted after the test. */
export function freshDb(): TalklogDb {
  const db = openTalklogDb(`talklog-test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** A fresh database of a browser that syncs: its changes are recorded, as from a sync's start on. */
export async function syncingDb(): Promise<TalklogDb> {
  const db = freshDb();
  await recordChangesFromNowOn(db);
  return db;
}

/** A test's own write straight to the tables, in a transaction with the sync tables as every write to talks or notes needs. */
export function writeLibrary<T>(db: TalklogDb, write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', libraryTables(db), write);
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

export function capturedTalk(overrides: Partial<CapturedTalk> = {}): CapturedTalk {
  return {
    videoId: 'Pr0meTheus1',
    url: 'https://www.youtube.com/watch?v=Pr0meTheus1',
    title: 'Evolving Prometheus for More Use Cases',
    youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
    channel: 'CNCF [Cloud Native Computing Foundation]',
    speakers: ['Bartłomiej Płotka, Red Hat'],
    durationSec: 1880,
    currentSec: 754.6,
    chapters: [],
    ...overrides,
  };
}

/** Talk number `i` (video id `Talk0000012`), saved at `savedAt`: many talks at once for a library of some size. */
export function numberedTalk(i: number, savedAt: Date): Talk {
  const videoId = `Talk${String(i).padStart(7, '0')}`;
  return newTalk({ videoId, title: `Talk ${i}`, youtubeTitle: null, channel: null, speakers: [], durationSec: null }, savedAt);
}

/** What importing a file the library already holds as it is says: nothing added or changed, `skipped` records up to date. */
export function nothingImported(skipped: number): ImportCounts {
  return { talksAdded: 0, talksUpdated: 0, notesAdded: 0, notesUpdated: 0, slidesAdded: 0, talksCut: 0, skipped, older: 0 };
}
