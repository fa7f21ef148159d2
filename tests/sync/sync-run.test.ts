import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, deleteNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk, getTalk } from '../../src/db/talks';
import { isConflictCopy } from '../../src/sync/merge';
import { canonicalVideoUrl } from '../../src/talk/video-id';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, DavError, prepareFolder } from '../../src/sync/webdav';
import { capturedTalk, freshDb } from '../db/test-db';
import { webdavServerForThisFile } from './webdav-server';

const server = webdavServerForThisFile();
const TALK = 't_Pr0meTheus1';

/** A device: its own database, talking to the Apache folder `folder`; counts its requests. */
async function device(folder: string, password?: string) {
  const db = freshDb();
  const requests: string[] = [];
  const hooks: { beforeNextPut?: () => Promise<unknown> } = {};
  const countingFetch: typeof fetch = async (input, init) => {
    const request = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    if (request.startsWith('PUT') && hooks.beforeNextPut) {
      const before = hooks.beforeNextPut;
      delete hooks.beforeNextPut;
      await before();
    }
    requests.push(request);
    return fetch(input, init);
  };
  const dav = createDavClient(
    { folderUrl: `${server.current.origin}/${folder}/`, user: server.current.user, password: password ?? server.current.password },
    countingFetch,
  );
  const deviceId = await syncDeviceId(db);
  return { db, dav, requests, hooks, sync: () => syncWithServer(db, dav, { device: deviceId }) };
}

async function connectedPair(folder: string) {
  const a = await device(folder);
  const b = await device(folder);
  await prepareFolder(a.dav);
  return { a, b };
}

const bodies = async (db: TalklogDb) => (await notesForTalk(db, TALK)).map((note) => note.body).sort();

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

    await deleteNote(a.db, note.id);
    await a.sync();
    await b.sync();
    expect(await bodies(b.db)).toEqual([]);
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
      await a.sync();
      return a.requests;
    };
    const small = await costOfOneNote('small', 2);
    expect(await costOfOneNote('large', 40)).toEqual(small.map((request) => request.replace('/small/', '/large/')));
    // List, write the talk, read its new ETag, its markdown, the talk log.
    expect(small.map((request) => request.split(' ')[0])).toEqual(['PROPFIND', 'PUT', 'PROPFIND', 'PUT', 'PUT']);
  });

  test('the markdown mirror: one file a talk with front matter, and the talk log', async () => {
    const { a } = await connectedPair('mirror');
    await clipTalk(a.db, capturedTalk());
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon NA 2021', category: 'Observability', tags: ['prometheus'], interest: 4 });
    await addNote(a.db, TALK, 'new scrape limits', 252);
    await a.sync();
    const folder = join(server.current.dataDir, 'mirror');
    const talkFile = join(folder, 'markdown/kubecon-na-2021/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md');
    expect(readFileSync(talkFile, 'utf8')).toBe(
      [
        '---',
        'title: "Evolving Prometheus for More Use Cases"',
        'speakers: ["Bartłomiej Płotka, Red Hat"]',
        'channel: "CNCF [Cloud Native Computing Foundation]"',
        'url: "https://www.youtube.com/watch?v=Pr0meTheus1"',
        'event: "KubeCon NA 2021"',
        'category: "Observability"',
        'tags: ["prometheus"]',
        'status: "watching"',
        'interest: 4',
        '---',
        '',
        '### [Evolving Prometheus for More Use Cases](https://www.youtube.com/watch?v=Pr0meTheus1)',
        'Bartłomiej Płotka, Red Hat · 31:20 · ★★★★☆',
        '',
        '- [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) new scrape limits',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(folder, 'markdown/talk-log.md'), 'utf8')).toContain('## Observability');
    // The event changes: the mirror moves, the old file goes.
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon EU 2022' });
    await a.sync();
    expect(existsSync(talkFile)).toBe(false);
    expect(readdirSync(join(folder, 'markdown'))).toEqual(expect.arrayContaining(['kubecon-eu-2022', 'talk-log.md']));
  });

  test('a wrong password is a clear error and changes nothing', async () => {
    const { a } = await connectedPair('password');
    const wrong = await device('password', 'not-the-password');
    await clipTalk(wrong.db, capturedTalk());
    await expect(wrong.sync()).rejects.toEqual(expect.objectContaining({ problem: 'unauthorized' }));
    await expect(prepareFolder(wrong.dav)).rejects.toBeInstanceOf(DavError);
    expect(await a.sync()).toEqual({ changes: 0, conflicts: 0, unreadable: [] });
  });
});
