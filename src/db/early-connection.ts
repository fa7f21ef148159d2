import type { Talk } from '../talk/model';
import type { TalkNotes } from './talk-notes';
import type { TalkWithNotes } from './talks';

/**
 * Opens the database at the version it has, as a page's first module runs: the browser takes 13–50 ms to answer,
 * time the page otherwise spends waiting for the rest of its code (Dexie among it) before it even asks.
 * openTalklogDb hands the connection to Dexie (`adoptConnection`). Never creates or upgrades: a database that
 * does not exist yet, or that Dexie must upgrade, is left to Dexie (null, or a connection it closes).
 *
 * Plain IndexedDB and no imports: the module that calls it must run before anything else has loaded.
 */
export function openEarly(name: string = EARLY_DB_NAME): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: opening it without a version would create an empty one. Dexie creates it with its tables.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const connection = request.result;
      // Until Dexie takes it, another page upgrading the database is not held up by it.
      connection.onversionchange = () => connection.close();
      resolve(connection);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
}

/**
 * DEFAULT_DB_NAME, which database.ts, importing Dexie, cannot give this module. A name that differed would only
 * leave the connection untaken (adopt-connection.ts); early-connection.test.ts checks they agree.
 */
export const EARLY_DB_NAME = 'talklog';

/** The version IndexedDB gives the schema this build declares (Dexie's last version × 10). early-connection.test.ts checks it. */
export const EARLY_DB_VERSION = 100;

/** A talk's id, as `talkIdFor` (talk/model.ts) makes it, which this module cannot import; early-connection.test.ts checks they agree. */
export const earlyTalkId = (videoId: string) => `t_${videoId}`;

/**
 * The talk saved for `videoId` and its notes, read on the early connection: through Dexie, the popup's first
 * read waited 15–20 ms more for Dexie's code to load and open the database. Null when the connection is not at
 * this build's version (Dexie upgrades it first) or the read fails: the page then reads through Dexie. Both
 * records are asked at once and answered with the second, not once the transaction commits.
 */
export function readTalkEarly(connection: IDBDatabase | null, videoId: string): Promise<TalkWithNotes | null> {
  if (connection?.version !== EARLY_DB_VERSION) return Promise.resolve(null);
  const talkId = earlyTalkId(videoId);
  return new Promise((resolve) => {
    try {
      const transaction = connection.transaction(['talks', 'talkNotes'], 'readonly');
      transaction.onabort = () => resolve(null);
      const talk = transaction.objectStore('talks').get(talkId);
      const record = transaction.objectStore('talkNotes').get(talkId);
      // Requests are answered in the order asked: the talk's is in by now.
      record.onsuccess = () => resolve({ talkId, talk: talk.result as Talk | undefined, notes: (record.result as TalkNotes | undefined)?.notes ?? [] });
    } catch {
      // The connection closed (another page upgrades the database) or lacks a store.
      resolve(null);
    }
  });
}
