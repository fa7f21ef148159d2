import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { backgroundSync, type SyncEnvironment } from '../../src/background/sync-service';
import { deleteNote, deleteTalks } from '../../src/db/deletion';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk, getTalk } from '../../src/db/talks';
import { isConflictCopy } from '../../src/sync/merge';
import type { SyncAccount, SyncStatus } from '../../src/sync/sync-status';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, prepareFolder } from '../../src/sync/webdav';
import { capturedTalk, freshDb } from '../db/test-db';
import { sameImage } from '../sync/node-thumbnail';
import { webdavServerForThisFile } from '../sync/webdav-server';

const server = webdavServerForThisFile();
const TALK = 't_Pr0meTheus1';

const account = (folder: string, password = server.current.password): SyncAccount => ({
  folderUrl: `${server.current.origin}/${folder}/`,
  user: server.current.user,
  password,
});

/** A server of another host: its folders are the Apache folders of the same names. */
const OTHER_HOST = 'https://nas.example:5006/';

/**
 * A browser's background: its own database, its storage in memory, its requests to the Apache folders through `hooks`,
 * the folders whose host permission it gave back in `released`.
 */
function worker() {
  const db = freshDb();
  const stored = { account: null as SyncAccount | null, statuses: [] as SyncStatus[], released: [] as string[] };
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
    release: async (folderUrl) => void stored.released.push(folderUrl),
    dav: (synced) => createDavClient({ ...synced, folderUrl: synced.folderUrl.replace(OTHER_HOST, `${server.current.origin}/`) }, hookedFetch),
    loadAccount: async () => stored.account,
    saveAccount: async (saved) => {
      stored.account = saved;
      hooks.accountSaved?.(saved);
    },
    loadStatus: async () => stored.statuses.at(-1) ?? { kind: 'off' },
    saveStatus: async (status) => void stored.statuses.push(status),
    thumbnail: sameImage,
  };
  return { db, stored, hooks, env, background: backgroundSync(env) };
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

test('Disconnect while a sync runs waits for that sync, then keeps what it synced as that folder’s', { timeout: 60_000 }, async () => {
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
  expect(await db.syncFiles.count()).toBe(1);
  // Another folder: nothing synced with `left` is taken for what it holds.
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('right') })).toMatchObject({ kind: 'synced', changes: 1 });
  expect((await createDavClient(account('right')).list('talks/'))?.has('Pr0meTheus1.json')).toBe(true);
});

test('a talk deleted while syncs failed with 401 stays deleted after Disconnect and Connect with the new password', { timeout: 60_000 }, async () => {
  const { db, stored, background } = worker();
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('password-changed') })).toMatchObject({ kind: 'synced' });
  await clipTalk(db, capturedTalk());
  await addNote(db, TALK, 'a note', 1);
  expect(await background.sync()).toMatchObject({ kind: 'synced', changes: 1 });

  // The password changed on the server: the one kept here is refused.
  stored.account = account('password-changed', 'the-old-password');
  await deleteTalks(db, [TALK]);
  expect(await background.sync()).toMatchObject({ kind: 'failed', problem: 'unauthorized' });

  await background.handle({ type: 'talklog/sync-disconnect' });
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('password-changed') })).toMatchObject({ kind: 'synced' });
  expect(await getTalk(db, TALK)).toBeUndefined();
  // Nor does it come back on a device that syncs that folder afterwards.
  const other = freshDb();
  await syncWithServer(other, createDavClient(account('password-changed')), { device: await syncDeviceId(other), thumbnail: sameImage });
  expect(await getTalk(other, TALK)).toBeUndefined();
});

test('a note another device deleted while this one was disconnected is deleted here too after Connect', { timeout: 60_000 }, async () => {
  const { db, background } = worker();
  const folder = account('deleted-elsewhere');
  expect(await background.handle({ type: 'talklog/sync-connect', account: folder })).toMatchObject({ kind: 'synced' });
  const other = freshDb();
  const otherSync = async () => syncWithServer(other, createDavClient(folder), { device: await syncDeviceId(other), thumbnail: sameImage });
  await clipTalk(other, capturedTalk());
  const note = await addNote(other, TALK, 'deleted on the other device', 1);
  await addNote(other, TALK, 'kept', 2);
  await otherSync();
  expect(await background.sync()).toMatchObject({ kind: 'synced' });

  await background.handle({ type: 'talklog/sync-disconnect' });
  await deleteNote(other, note);
  await otherSync();
  // The same folder, typed as the user may: no trailing slash.
  expect(await background.handle({ type: 'talklog/sync-connect', account: { ...folder, folderUrl: folder.folderUrl.slice(0, -1) } })).toMatchObject({
    kind: 'synced',
  });
  expect((await notesForTalk(db, TALK)).map((kept) => kept.body)).toEqual(['kept']);
});

test('a note written while disconnected is sent after Connect to the same folder', { timeout: 60_000 }, async () => {
  const { db, background } = worker();
  const folder = account('written-while-off');
  await clipTalk(db, capturedTalk());
  expect(await background.handle({ type: 'talklog/sync-connect', account: folder })).toMatchObject({ kind: 'synced', changes: 1 });
  await background.handle({ type: 'talklog/sync-disconnect' });
  await addNote(db, TALK, 'written while disconnected', 1);

  expect(await background.handle({ type: 'talklog/sync-connect', account: folder })).toMatchObject({ kind: 'synced', changes: 1 });
  const other = freshDb();
  await syncWithServer(other, createDavClient(folder), { device: await syncDeviceId(other), thumbnail: sameImage });
  expect((await notesForTalk(other, TALK)).map((kept) => kept.body)).toEqual(['written while disconnected']);
});

test('Disconnect, and Connect to another host, give back the host permission the old folder needed', { timeout: 60_000 }, async () => {
  const { stored, background } = worker();
  await background.handle({ type: 'talklog/sync-connect', account: account('first') });
  // Another folder on the same server still needs its host.
  await background.handle({ type: 'talklog/sync-connect', account: account('second') });
  expect(stored.released).toEqual([]);
  await background.handle({ type: 'talklog/sync-connect', account: { ...account('second'), folderUrl: `${OTHER_HOST}second/` } });
  expect(stored.released).toEqual([account('second').folderUrl]);
  await background.handle({ type: 'talklog/sync-disconnect' });
  expect(stored.released).toEqual([account('second').folderUrl, `${OTHER_HOST}second/`]);
});

test('the sync status names the markdown files edited outside Talklog that the sync left as they were', { timeout: 60_000 }, async () => {
  const { db, background } = worker();
  const folder = account('kept-in-status');
  await clipTalk(db, capturedTalk());
  await addNote(db, TALK, 'first note', 1);
  const synced = await background.handle({ type: 'talklog/sync-connect', account: folder });
  expect(synced).toMatchObject({ kind: 'synced' });
  expect(synced).not.toHaveProperty('kept');
  // Edited in a notes vault that reaches the folder over WebDAV.
  const mirror = 'markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md';
  await createDavClient(folder).put(mirror, '# My own page about this talk\n', 'text/markdown');
  await addNote(db, TALK, 'second note', 2);
  expect(await background.sync()).toMatchObject({ kind: 'synced', changes: 1, kept: [mirror] });
});

test('Connect answers whether it saved the account: a refused password is not, a failed first sync after it was is', { timeout: 60_000 }, async () => {
  const { db, stored, background } = worker();
  const refused = await background.handle({ type: 'talklog/sync-connect', account: account('saved-or-not', 'not-the-password') });
  expect(refused).toMatchObject({ kind: 'failed', problem: 'unauthorized', unsaved: true });
  expect(stored.account).toBeNull();
  // A talk file of a later Talklog: the first sync fails, after the account was saved.
  const dav = createDavClient(account('saved-or-not'));
  await prepareFolder(dav);
  await dav.put('talks/Pr0meTheus1.json', '{"format":99}', 'application/json');
  await clipTalk(db, capturedTalk());
  const reply = await background.handle({ type: 'talklog/sync-connect', account: account('saved-or-not') });
  expect(reply).toMatchObject({ kind: 'failed', problem: 'unreadable' });
  expect(reply).not.toHaveProperty('unsaved');
  expect(stored.account).toEqual(account('saved-or-not'));
});

test('a sync the stopped worker left as syncing is run again when the worker starts, syncing throughout', { timeout: 60_000 }, async () => {
  const { db, stored, env, background } = worker();
  await clipTalk(db, capturedTalk());
  await addNote(db, TALK, 'first note', 1);
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('interrupted-sync') })).toMatchObject({ kind: 'synced' });
  await addNote(db, TALK, 'second note', 2);
  // The worker stopped after it said it was syncing, before it said how the sync ended.
  stored.statuses.push({ kind: 'syncing', since: new Date().toISOString() });
  const before = stored.statuses.length;

  const restarted = backgroundSync(env);
  expect(await restarted.resumeInterrupted()).toMatchObject({ kind: 'synced', changes: 1 });
  // Never said to have failed meanwhile: a popup opened as the worker starts would show that for a moment.
  expect(stored.statuses.slice(before).map((status) => status.kind)).toEqual(['syncing', 'synced']);
});

test('a sync left as syncing with no account any more is said to be interrupted', async () => {
  const { stored, env } = worker();
  stored.statuses.push({ kind: 'syncing', since: new Date().toISOString() });
  expect(await backgroundSync(env).resumeInterrupted()).toMatchObject({ kind: 'failed', problem: 'interrupted' });
  expect(stored.statuses.at(-1)).toMatchObject({ kind: 'failed', problem: 'interrupted' });
});

test('a worker starting after a sync that ended leaves its status as it was, and does not sync', { timeout: 60_000 }, async () => {
  const { db, stored, env, background } = worker();
  await clipTalk(db, capturedTalk());
  expect(await background.handle({ type: 'talklog/sync-connect', account: account('ended-sync') })).toMatchObject({ kind: 'synced' });
  const before = stored.statuses.length;
  expect(await backgroundSync(env).resumeInterrupted()).toMatchObject({ kind: 'synced' });
  expect(stored.statuses.length).toBe(before);
});
