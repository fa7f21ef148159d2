// The floor of `Import backup`: the very records the import stored (read back from Talklog's database),
// written with the raw IndexedDB API, without Dexie, the file, its checks or the worker, into a scratch
// database with Talklog's object stores and indexes at its current schema version (taken from
// `openTalklogDb`'s own schema, so it follows database.ts). Once in one transaction, as the import
// writes, and once a transaction per chunk; the bench takes the faster. Built only for the bench; run
// through `benchImportFloor`.
import { openTalklogDb } from '../../../src/db/database';

const SCRATCH = 'talklog-bench-import-floor';
const CHUNK = 1000;

const done = (request: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onabort = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });

async function readAll(name: 'talks' | 'talkNotes'): Promise<unknown[]> {
  const open = indexedDB.open('talklog');
  await done(open);
  const read = open.result.transaction(name).objectStore(name).getAll();
  await done(read);
  open.result.close();
  return read.result;
}

/** A fresh scratch database with every store and index Talklog's schema declares. */
async function openScratch(): Promise<IDBDatabase> {
  await done(indexedDB.deleteDatabase(SCRATCH));
  const schema = openTalklogDb(SCRATCH).tables.map((table) => table.schema);
  const open = indexedDB.open(SCRATCH, 1);
  open.onupgradeneeded = () => {
    for (const { name, primKey, indexes } of schema) {
      const store = open.result.createObjectStore(name, { keyPath: primKey.keyPath ?? null });
      for (const index of indexes) store.createIndex(index.name, index.keyPath ?? '', { unique: index.unique, multiEntry: index.multi });
    }
  };
  await done(open);
  return open.result;
}

/** Adds every record, talks then notes records, in transactions of `chunk` records (Infinity: one). */
async function write(db: IDBDatabase, stores: [string, unknown[]][], chunk: number): Promise<number> {
  const start = performance.now();
  let tx: IDBTransaction | null = null;
  let inTx = 0;
  const committed: Promise<void>[] = [];
  for (const [name, records] of stores) {
    for (const record of records) {
      if (tx === null || inTx === chunk) {
        tx?.commit();
        tx = db.transaction(
          stores.map(([name]) => name),
          'readwrite',
          { durability: 'default' },
        );
        committed.push(done(tx));
        inTx = 0;
      }
      tx.objectStore(name).add(record);
      inTx++;
    }
  }
  tx?.commit();
  await Promise.all(committed);
  return performance.now() - start;
}

async function benchImportFloor(runs: number) {
  const stores: [string, unknown[]][] = [
    ['talks', await readAll('talks')],
    ['talkNotes', await readAll('talkNotes')],
  ];
  const oneTransaction: number[] = [];
  const chunked: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [times, chunk] of [
      [oneTransaction, Infinity],
      [chunked, CHUNK],
    ] as const) {
      const db = await openScratch();
      times.push(await write(db, stores, chunk));
      db.close();
    }
  }
  await done(indexedDB.deleteDatabase(SCRATCH));
  return { talks: stores[0][1].length, talkNotes: stores[1][1].length, chunk: CHUNK, oneTransaction, chunked };
}

Object.assign(globalThis, { benchImportFloor });
performance.mark('app-ready');
