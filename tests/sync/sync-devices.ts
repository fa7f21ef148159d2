import { join } from 'node:path';
import type { TalklogDb } from '../../src/db/database';
import { addNote, notesForTalk } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk } from '../../src/db/talks';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, prepareFolder } from '../../src/sync/webdav';
import { capturedTalk, freshDb } from '../db/test-db';
import { sameImage } from './node-thumbnail';
import { webdavServerForThisFile } from './webdav-server';

// Devices syncing through a real Apache WebDAV folder: what sync-run, sync-mirror and sync-slides.test.ts share.

/** The importing test file's own Apache WebDAV server, started before its first test. */
export const server = webdavServerForThisFile();
export const TALK = 't_Pr0meTheus1';

/**
 * A device: its own database, talking to the Apache folder `folder`; counts its requests. Writes to the files in
 * `locked` (paths in the folder) are answered 423, as Nextcloud answers them while Nextcloud Text has the file open.
 */
export async function device(folder: string, password?: string) {
  const db = freshDb();
  const requests: string[] = [];
  const locked = new Set<string>();
  const hooks: { beforeNextPut?: () => Promise<unknown>; afterNextPut?: () => Promise<unknown> } = {};
  const countingFetch: typeof fetch = async (input, init) => {
    const request = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    if (request.startsWith('PUT') && hooks.beforeNextPut) {
      const before = hooks.beforeNextPut;
      delete hooks.beforeNextPut;
      await before();
    }
    requests.push(request);
    const [method, path] = request.split(' ');
    if ((method === 'PUT' || method === 'DELETE') && locked.has(decodeURIComponent(path).slice(`/${folder}/`.length)))
      return new Response(null, { status: 423 });
    const response = await fetch(input, init);
    if (request.startsWith('PUT') && hooks.afterNextPut) {
      const after = hooks.afterNextPut;
      delete hooks.afterNextPut;
      await after();
    }
    return response;
  };
  const dav = createDavClient(
    { folderUrl: `${server.current.origin}/${folder}/`, user: server.current.user, password: password ?? server.current.password },
    countingFetch,
  );
  const deviceId = await syncDeviceId(db);
  return {
    db,
    dav,
    requests,
    hooks,
    locked,
    sync: (talkLog?: 'now' | 'later') => syncWithServer(db, dav, { device: deviceId, thumbnail: sameImage, talkLog }),
  };
}

export async function connectedPair(folder: string) {
  const a = await device(folder);
  const b = await device(folder);
  await prepareFolder(a.dav);
  return { a, b };
}

/** Two devices on a folder, the first having synced a talk with a note, `first note`. */
export async function pairSyncingANote(folder: string) {
  const pair = await connectedPair(folder);
  await clipTalk(pair.a.db, capturedTalk());
  await addNote(pair.a.db, TALK, 'first note', 1);
  await pair.a.sync();
  return pair;
}

export const bodies = async (db: TalklogDb) => (await notesForTalk(db, TALK)).map((note) => note.body).sort();

export const MIRROR = 'markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md';
export const MIRROR_BESIDE = 'markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1 (Talklog).md';
/** The mark Talklog ends each mirror file with (mirror-file.ts). */
export const MARK = /\n<!-- talklog:[0-9a-f]{64} [^\n]*-->\n$/;

/** A file in a test's folder on the server's disk, as a vault on the same storage reads and writes it. */
export const onDisk = (folder: string, path: string) => join(server.current.dataDir, folder, path);
