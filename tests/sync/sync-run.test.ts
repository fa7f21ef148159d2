import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { clipTalk, getTalk } from '../../src/db/talks';
import { isConflictCopy } from '../../src/sync/merge';
import { canonicalVideoUrl } from '../../src/talk/video-id';
import { DavError, prepareFolder } from '../../src/sync/webdav';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { capturedTalk } from '../db/test-db';
import { server, TALK, device, connectedPair, bodies, MIRROR } from './sync-devices';

describe('sync through a real Apache WebDAV folder', { timeout: 60_000 }, () => {
  test('a note written on one device appears on the other; edits and deletions follow', async () => {
    const { a, b } = await connectedPair('basic');
    await clipTalk(a.db, capturedTalk());
    const note = await addNote(a.db, TALK, 'new scrape limits', 252);
    expect((await a.sync()).changes).toBe(1);
    expect((await b.sync()).changes).toBe(1);
    expect(await bodies(b.db)).toEqual(['new scrape limits']);

    await updateNoteBody(b.db, (await notesForTalk(b.db, TALK))[0], 'new scrape limits: sample_limit');
    await updateTalkDetails(b.db, TALK, { event: 'KubeCon NA 2021' });
    await b.sync();
    await a.sync();
    expect(await bodies(a.db)).toEqual(['new scrape limits: sample_limit']);
    expect((await getTalk(a.db, TALK))?.event).toBe('KubeCon NA 2021');

    await deleteNote(a.db, note);
    await a.sync();
    await b.sync();
    expect(await bodies(b.db)).toEqual([]);
  });

  test('a note typed while the first sync sends its talk is kept, and the next sync sends it', async () => {
    const { a, b } = await connectedPair('first-sync');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'written before connecting', 1);
    // Nothing is recorded before a sync is connected: the first one sends the talk as it has no file of it.
    expect(await a.db.syncChanges.count()).toBe(0);
    a.hooks.beforeNextPut = () => addNote(a.db, TALK, 'typed while it syncs', 2);
    await a.sync();
    // The sync read the talk before that note came: it did not write back what it sent over it.
    expect(await bodies(a.db)).toEqual(['typed while it syncs', 'written before connecting']);
    await a.sync();
    await b.sync();
    expect(await bodies(b.db)).toEqual(['typed while it syncs', 'written before connecting']);
  });

  test('a talk deleted, synced, then brought back with Undo stays, with its fields, here and on the other device', async () => {
    const { a, b } = await connectedPair('undo-talk');
    // A queued talk: rated and filed, no notes.
    await clipTalk(a.db, capturedTalk());
    await updateTalkDetails(a.db, TALK, { interest: 4, category: 'Observability' });
    await a.sync();
    await b.sync();
    const deleted = await deleteTalks(a.db, [TALK]);
    // The sync a few seconds after the change sends the deletion before the user presses Undo.
    await a.sync();
    await b.sync();
    expect(await getTalk(b.db, TALK)).toBeUndefined();
    await restoreDeleted(a.db, deleted);
    await a.sync();
    await b.sync();
    for (const db of [a.db, b.db]) expect(await getTalk(db, TALK)).toEqual(expect.objectContaining({ interest: 4, category: 'Observability' }));
  });

  test('the same note edited on both devices keeps both texts (through a 412 and a weak ETag)', async () => {
    const { a, b } = await connectedPair('conflict');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'first', 1);
    await a.sync();
    await b.sync();
    await updateNoteBody(a.db, (await notesForTalk(a.db, TALK))[0], 'A wrote this');
    await updateNoteBody(b.db, (await notesForTalk(b.db, TALK))[0], 'B wrote this');
    // A writes between B's listing and B's write: B's If-Match fails (412); B reads, merges and writes again.
    b.hooks.beforeNextPut = () => a.sync();
    const report = await b.sync();
    expect(report.conflicts).toBe(1);
    expect(b.requests.filter((request) => request.startsWith('PUT /conflict/talks/'))).toHaveLength(2);
    await a.sync();
    for (const db of [a.db, b.db]) {
      expect(await bodies(db)).toEqual(['A wrote this', 'B wrote this']);
      expect((await notesForTalk(db, TALK)).filter(isConflictCopy)).toHaveLength(1);
    }
  });

  test("another device's write between this device's PUT and its read of the new ETag is merged, not overwritten", async () => {
    const { a, b } = await connectedPair('etag-race');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'first', 1);
    await a.sync();
    await b.sync();
    await updateNoteBody(b.db, (await notesForTalk(b.db, TALK))[0], 'first, edited on B');
    await addNote(a.db, TALK, 'second, from A', 2);
    // Apache answers A's PUT without an ETag. Before A reads one, B reads A's file, merges its edit in and writes.
    a.hooks.afterNextPut = () => b.sync();
    await a.sync();
    // A's next write goes over B's file knowingly: B's edit stays on both devices.
    await addNote(a.db, TALK, 'third, from A', 3);
    await a.sync();
    await b.sync();
    for (const db of [a.db, b.db]) expect(await bodies(db)).toEqual(['first, edited on B', 'second, from A', 'third, from A']);
  });

  test('a sync with nothing to do is one request; one changed note costs the same whatever the library size', async () => {
    const costOfOneNote = async (folder: string, talks: number) => {
      const { a } = await connectedPair(folder);
      for (let i = 0; i < talks; i++)
        await clipTalk(
          a.db,
          capturedTalk({ videoId: `video${String(i).padStart(6, '0')}`, url: canonicalVideoUrl(`video${String(i).padStart(6, '0')}`), title: `Talk ${i}` }),
        );
      await clipTalk(a.db, capturedTalk());
      await a.sync();
      a.requests.length = 0;
      await a.sync();
      expect(a.requests).toEqual([`PROPFIND /${folder}/talks/`]);
      a.requests.length = 0;
      await addNote(a.db, TALK, 'one more', 3);
      // As the background syncs a few seconds after a change.
      await a.sync('later');
      return a.requests;
    };
    const small = await costOfOneNote('small', 2);
    expect(await costOfOneNote('large', 40)).toEqual(small.map((request) => request.replace('/small/', '/large/')));
    // List, write the talk, read it back for its new ETag, its markdown; not the whole talk log, whose size is the library's.
    expect(small).toEqual([
      'PROPFIND /small/talks/',
      'PUT /small/talks/Pr0meTheus1.json',
      'GET /small/talks/Pr0meTheus1.json',
      `GET /small/${MIRROR}`,
      `PUT /small/${MIRROR}`,
    ]);
  });

  test('the talk log, stale after the syncs that follow changes, is rewritten by the next sync that asks, once', async () => {
    const { a } = await connectedPair('talk-log');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'first note', 3);
    await a.sync('later');
    const log = join(server.current.dataDir, 'talk-log', 'markdown/talk-log.md');
    expect(existsSync(log)).toBe(false);
    await addNote(a.db, TALK, 'second note', 4);
    await a.sync('later');
    a.requests.length = 0;
    // Nothing left to sync, but the log is stale (a browser closed in between keeps it so: it is in the database).
    await a.sync('now');
    expect(a.requests).toEqual(['PROPFIND /talk-log/talks/', 'GET /talk-log/markdown/talk-log.md', 'PUT /talk-log/markdown/talk-log.md']);
    expect(readFileSync(log, 'utf8')).toMatch(/first note[^]*second note/);
    a.requests.length = 0;
    await a.sync('now');
    expect(a.requests).toEqual(['PROPFIND /talk-log/talks/']);
  });

  test('files of their own in talks/ with a % in their names are listed by their names, and syncs go on', async () => {
    const { a, b } = await connectedPair('percent');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'beside odd names', 1);
    // Put there by the user or another tool; Apache lists them as 50%25%20done.txt and %2541.txt.
    for (const name of ['50% done.txt', '%41.txt']) await a.dav.put(`talks/${encodeURIComponent(name)}`, 'not a talk', 'text/plain');
    expect(readdirSync(join(server.current.dataDir, 'percent/talks')).sort()).toEqual(['%41.txt', '50% done.txt']);
    expect(await a.sync()).toEqual({ changes: 1, conflicts: 0, unreadable: [], kept: [], locked: [], unwritten: [] });
    expect((await b.sync()).changes).toBe(1);
    expect(await bodies(b.db)).toEqual(['beside odd names']);
    expect([...(await b.dav.list('talks/'))!.keys()].sort()).toEqual(['%41.txt', '50% done.txt', 'Pr0meTheus1.json']);
  });

  test('a wrong password is a clear error and changes nothing', async () => {
    const { a } = await connectedPair('password');
    const wrong = await device('password', 'not-the-password');
    await clipTalk(wrong.db, capturedTalk());
    await expect(wrong.sync()).rejects.toEqual(expect.objectContaining({ problem: 'unauthorized' }));
    await expect(prepareFolder(wrong.dav)).rejects.toBeInstanceOf(DavError);
    expect(await a.sync()).toEqual({ changes: 0, conflicts: 0, unreadable: [], kept: [], locked: [], unwritten: [] });
  });
});
