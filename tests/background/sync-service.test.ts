import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { backgroundSync, type SyncEnvironment } from '../../src/background/sync-service';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk } from '../../src/db/talks';
import { isConflictCopy } from '../../src/sync/merge';
import type { SyncAccount, SyncStatus } from '../../src/sync/sync-status';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, prepareFolder } from '../../src/sync/webdav';
import { capturedTalk, freshDb } from '../db/test-db';
import { sameImage } from '../sync/node-thumbnail';
import { webdavServerForThisFile } from '../sync/webdav-server';

const server = webdavServerForThisFile();
const TALK = 't_Pr0meTheus1';

const account = (folder: string): SyncAccount => ({
  folderUrl: `${server.current.origin}/${folder}/`,
  user: server.current.user,
  password: server.current.password,
});

/** A browser's background: its own database, its storage in memory, its requests to the Apache folders through `hooks`. */
function worker() {
  const db = freshDb();
  const stored = { account: null as SyncAccount | null, statuses: [] as SyncStatus[] };
  const hooks: { beforeNextPut?: () => Promise<unknown>; accountSaved?: (account: SyncAccount | null) => void } = {};
  const hookedFetch: typeof fetch = async (input, init) => {
    if (init?.method === 'PUT' && hooks.beforeNextPut) {
      const before = hooks.beforeNextPut;
      delete hooks.beforeNextPut;
      await before();
    }
    return fetch(input, init);
  };
  const env: SyncEnvironment = {
    db,
    mayReach: async () => true,
    dav: (synced) => createDavClient(synced, hookedFetch),
    loadAccount: async () => stored.account,
    saveAccount: async (saved) => {
      stored.account = saved;
      hooks.accountSaved?.(saved);
    },
    saveStatus: async (status) => void stored.statuses.push(status),
    thumbnail: sameImage,
  };
  return { db, stored, hooks, background: backgroundSync(env) };
}

test('Connect to another folder while a sync runs waits for that sync: the new folder is merged as never synced', { timeout: 60_000 }, async () => {
  // Folder `older`: another browser synced an old version of a note there.
  const other = freshDb();
  const olderDav = createDavClient(account('older'));
  await prepareFolder(olderDav);
  await clipTalk(other, capturedTalk());
  const note = await addNote(other, TALK, 'old text', 1, new Date('2026-01-01T00:00:00Z'));
  await syncWithServer(other, olderDav, { device: await syncDeviceId(other), thumbnail: sameImage });

  // This browser holds the same note (both libraries from one backup), edited since.
  const { db, stored, hooks, background } = worker();
  await clipTalk(db, capturedTalk());
  await addNote(db, TALK, 'old text', 1, new Date('2026-01-01T00:00:00Z'), note.id);
  await updateNoteBody(db, (await notesForTalk(db, TALK))[0], 'new text', new Date('2026-02-01T00:00:00Z'));

  // It connects to `current`; while the first sync writes there, the user connects to `older` instead.
  let connectingToOlder: Promise<SyncStatus> | undefined;
  hooks.beforeNextPut = async () => {
    const saved = new Promise<void>((resolve) => {
      hooks.accountSaved = (saving) => saving?.folderUrl === account('older').folderUrl && resolve();
    });
    connectingToOlder = background.handle({ type: 'talklog/sync-connect', account: account('older') });
    // Until the new account is saved, or long enough for it to be unless it waits for this sync.
    await Promise.race([saved, sleep(1000)]);
  };
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('current') })).toMatchObject({ kind: 'synced' });
  const reply = await connectingToOlder;
  expect(stored.account?.folderUrl).toBe(account('older').folderUrl);

  // Nothing of `current` was taken for what `older` held: both texts stay, the later as the note.
  const notes = await notesForTalk(db, TALK);
  expect(notes.map((kept) => kept.body).sort()).toEqual(['new text', 'old text']);
  expect(notes.find((kept) => kept.id === note.id)?.body).toBe('new text');
  expect(notes.filter(isConflictCopy).map((copy) => copy.body)).toEqual(['old text']);
  expect(reply).toMatchObject({ kind: 'synced', conflicts: 1 });
});

test('Disconnect while a sync runs waits for that sync, then forgets all it synced', { timeout: 60_000 }, async () => {
  const { db, stored, hooks, background } = worker();
  await clipTalk(db, capturedTalk());
  let disconnecting: Promise<SyncStatus> | undefined;
  hooks.beforeNextPut = async () => {
    const saved = new Promise<void>((resolve) => {
      hooks.accountSaved = (saving) => saving === null && resolve();
    });
    disconnecting = background.handle({ type: 'talklog/sync-disconnect' });
    await Promise.race([saved, sleep(1000)]);
  };
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('left') })).toMatchObject({ kind: 'synced' });
  expect(await disconnecting).toEqual({ kind: 'off' });
  expect(stored.account).toBeNull();
  expect(stored.statuses.at(-1)).toEqual({ kind: 'off' });
  expect(await db.syncFiles.count()).toBe(0);
});
