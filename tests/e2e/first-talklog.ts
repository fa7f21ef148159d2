// A library as the first Talklog wrote it, planted in a browser with the raw IndexedDB API, and what Talklog's
// schema upgrade must make of it: shared by the Chromium and Firefox tests. The two functions are sent to an extension
// page or worker as source, so each uses nothing from outside its own body.
import { expect } from 'vitest';

/**
 * Replaces Talklog's database with one as the first Talklog wrote it (Dexie version 1, IndexedDB version 10: talks
 * without `youtubeTitle` or `playlist`, a record a note), with the raw API, in an extension page or worker. The
 * delete and the open are asked in one go, and the records written in the open's own upgrade: Talklog's code, whose
 * connection the delete closes, opens the database again as soon as it next reads, and its open then comes after
 * this one, upgrading the database this writes.
 */
export async function writeFirstTalklogDatabase(): Promise<void> {
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

/** Talklog's database as IndexedDB keeps it: its version and its stores (raw API, in an extension page or worker). */
export function storedVersionAndStores(): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      resolve({ version: db.version, stores: [...db.objectStoreNames] });
      db.close();
    };
  });
}

/** The database `writeFirstTalklogDatabase` writes, once upgraded. */
export const UPGRADED = {
  schema: { version: 100, stores: ['deletedFromQueue', 'slides', 'syncChanges', 'syncDeletions', 'syncFiles', 'syncMeta', 'talkNotes', 'talks'] },
  // Read in key order; the version 5 upgrade fills in what the first Talklog did not keep.
  talks: [
    expect.objectContaining({ videoId: '0penMetr1cs', youtubeTitle: null, playlist: null }),
    expect.objectContaining({ videoId: 'Pr0meTheus1', youtubeTitle: null, playlist: null }),
  ],
  // Each talk's notes in one record since version 7, in the order they were written.
  notes: [
    expect.objectContaining({ id: 'n_3', talkId: 't_0penMetr1cs' }),
    expect.objectContaining({ id: 'n_1', talkId: 't_Pr0meTheus1' }),
    expect.objectContaining({ id: 'n_2', talkId: 't_Pr0meTheus1' }),
  ],
};
