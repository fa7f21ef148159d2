// Queueing a playlist without the page and the messages around it: Talklog's own `queuePlaylist` on
// the rows the content script read, into a fresh database each run; and its floor, the talk records
// the queue stored, written by one Dexie `bulkPut` into a scratch database whose talks table has the
// very same indexes. Built only for the bench; run through `benchQueuePlaylist` and `benchBulkPut`.
import Dexie, { type Table } from 'dexie';
import { openTalklogDb } from '../../../src/db/database';
import { queuePlaylist } from '../../../src/db/queue';
import type { Talk } from '../../../src/talk/model';
import type { PlaylistSeen } from '../../../src/talk/playlist';

async function benchQueuePlaylist(playlist: PlaylistSeen, runs: number) {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const db = openTalklogDb('talklog-bench-queue');
    await db.open();
    const start = performance.now();
    await queuePlaylist(db, playlist, playlist.title);
    times.push(performance.now() - start);
    await db.delete();
  }
  return { times };
}

async function benchBulkPut(runs: number) {
  const talklog = openTalklogDb();
  const talks = await talklog.talks.toArray();
  const { primKey, indexes } = talklog.talks.schema;
  talklog.close();
  const scratch = new Dexie('talklog-bench-floor') as Dexie & { talks: Table<Talk, string> };
  scratch.version(1).stores({ talks: [primKey.src, ...indexes.map((index) => index.src)].join(', ') });
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await scratch.talks.clear();
    const start = performance.now();
    await scratch.talks.bulkPut(talks);
    times.push(performance.now() - start);
  }
  await scratch.delete();
  return { talks: talks.length, times };
}

Object.assign(globalThis, { benchQueuePlaylist, benchBulkPut });
performance.mark('app-ready');
