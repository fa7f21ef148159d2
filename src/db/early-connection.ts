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
