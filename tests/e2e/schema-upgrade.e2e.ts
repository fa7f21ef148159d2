import { expect, test } from 'vitest';
import { sessionForThisFile, waitForAppReady } from './extension';

const session = sessionForThisFile();

/**
 * In the extension's worker: replaces Talklog's database with one as the first Talklog wrote it (Dexie version 1,
 * IndexedDB version 10: talks without `youtubeTitle` or `playlist`, a record a note), with the raw API. The delete
 * and the open are asked in one go, and the records written in the open's own upgrade: the worker's code, whose
 * connection the delete closes, opens the database again as soon as it next reads, and its open then comes after
 * this one, upgrading the database this writes.
 */
async function writeFirstTalklogDatabase(): Promise<void> {
  indexedDB.deleteDatabase('talklog');
  const open = indexedDB.open('talklog', 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    const talks = db.createObjectStore('talks', { keyPath: 'id' });
    talks.createIndex('videoId', 'videoId', { unique: true });
    for (const field of ['createdAt', 'updatedAt', 'category', 'event', 'status', 'interest']) talks.createIndex(field, field);
    talks.createIndex('tags', 'tags', { multiEntry: true });
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('talkId', 'talkId');
    notes.createIndex('[talkId+createdAt]', ['talkId', 'createdAt']);
    notes.createIndex('updatedAt', 'updatedAt');
    const at = (month: number) => `2025-0${month}-01T10:00:00.000Z`;
    const talk = (videoId: string, title: string, month: number) => ({
      id: `t_${videoId}`,
      videoId,
      url: `https://www.youtube.com/watch?v=${videoId}`,
      title,
      channel: 'CNCF [Cloud Native Computing Foundation]',
      speakers: ['Bartłomiej Płotka'],
      durationSec: 1880,
      event: 'KubeCon EU 2025',
      category: 'Observability',
      tags: ['prometheus'],
      interest: 4,
      status: 'watched',
      createdAt: at(month),
      updatedAt: at(month),
    });
    talks.put(talk('Pr0meTheus1', 'Evolving Prometheus for More Use Cases', 1));
    talks.put(talk('0penMetr1cs', 'What You Need to Know About OpenMetrics', 2));
    const note = (id: string, talkId: string, body: string, atSec: number) => ({ id, talkId, body, atSec, createdAt: at(3), updatedAt: at(3) });
    notes.put(note('n_1', 't_Pr0meTheus1', 'agent mode keeps no local storage', 252));
    notes.put(note('n_2', 't_Pr0meTheus1', 'remote write gets native histograms', 300));
    notes.put(note('n_3', 't_0penMetr1cs', 'exemplars link a metric to a trace', 61));
  };
  await new Promise((resolve, reject) => {
    open.onsuccess = resolve;
    open.onerror = () => reject(open.error);
  });
  open.result.close();
}

/** In the extension's worker: the database's version and stores, and its talks and note records, read raw. */
async function readDatabase() {
  const open = indexedDB.open('talklog');
  await new Promise((resolve, reject) => {
    open.onsuccess = resolve;
    open.onerror = () => reject(open.error);
  });
  const db = open.result;
  const all = (store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const read = { version: db.version, stores: [...db.objectStoreNames], talks: await all('talks'), talkNotes: await all('talkNotes') };
  db.close();
  return read;
}

test('a library the first Talklog wrote opens in Chromium with every talk and note, upgraded to the current schema', async () => {
  await session.serviceWorker.evaluate(writeFirstTalklogDatabase);

  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('src/options/index.html'));
  await waitForAppReady(library);
  const talks = library.getByRole('list', { name: 'Talks' });
  await expect
    .poll(() => talks.getByRole('heading', { level: 2 }).allTextContents())
    .toEqual(['What You Need to Know About OpenMetrics', 'Evolving Prometheus for More Use Cases']);
  await expect.poll(() => talks.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('1 note'), expect.stringContaining('2 notes')]);
  // The notes moved into their talks' records are searched: a word of one finds its talk, with the note shown.
  await library.getByRole('searchbox', { name: 'Search' }).fill('histograms');
  await expect.poll(() => talks.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('remote write gets native histograms')]);

  const stored = await session.serviceWorker.evaluate(readDatabase);
  expect(stored.version).toBe(90);
  expect(stored.stores).toEqual(['slides', 'syncChanges', 'syncDeletions', 'syncFiles', 'syncMeta', 'talkNotes', 'talks']);
  expect(stored.talks).toEqual([
    expect.objectContaining({ videoId: '0penMetr1cs', youtubeTitle: null, playlist: null }),
    expect.objectContaining({ videoId: 'Pr0meTheus1', youtubeTitle: null, playlist: null }),
  ]);
  expect(stored.talkNotes).toEqual([
    { talkId: 't_0penMetr1cs', notes: [expect.objectContaining({ id: 'n_3' })] },
    { talkId: 't_Pr0meTheus1', notes: [expect.objectContaining({ id: 'n_1' }), expect.objectContaining({ id: 'n_2' })] },
  ]);
  await library.close();
});
