import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { updateTalkDetails } from '../../src/db/library';
import { addNoteWithSlides, updateNoteWithSlides } from '../../src/db/note-with-slides';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { queuePlaylist } from '../../src/db/queue';
import { addSlide } from '../../src/db/slides';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk, getTalk } from '../../src/db/talks';
import { talkMarkdownPath } from '../../src/sync/markdown-mirror';
import { isConflictCopy } from '../../src/sync/merge';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import { canonicalVideoUrl } from '../../src/talk/video-id';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, DavError, prepareFolder } from '../../src/sync/webdav';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { capturedTalk, freshDb } from '../db/test-db';
import { sameImage } from './node-thumbnail';
import { webdavServerForThisFile } from './webdav-server';

const server = webdavServerForThisFile();
const TALK = 't_Pr0meTheus1';

/**
 * A device: its own database, talking to the Apache folder `folder`; counts its requests. Writes to the files in
 * `locked` (paths in the folder) are answered 423, as Nextcloud answers them while Nextcloud Text has the file open.
 */
async function device(folder: string, password?: string) {
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

async function connectedPair(folder: string) {
  const a = await device(folder);
  const b = await device(folder);
  await prepareFolder(a.dav);
  return { a, b };
}

/** Two devices on a folder, the first having synced a talk with a note, `first note`. */
async function pairSyncingANote(folder: string) {
  const pair = await connectedPair(folder);
  await clipTalk(pair.a.db, capturedTalk());
  await addNote(pair.a.db, TALK, 'first note', 1);
  await pair.a.sync();
  return pair;
}

const bodies = async (db: TalklogDb) => (await notesForTalk(db, TALK)).map((note) => note.body).sort();

const MIRROR = 'markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md';
const MIRROR_BESIDE = 'markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1 (Talklog).md';
/** The mark Talklog ends each mirror file with (mirror-file.ts). */
const MARK = /\n<!-- talklog:[0-9a-f]{64} [^\n]*-->\n$/;

/** A file in a test's folder on the server's disk, as a vault on the same storage reads and writes it. */
const onDisk = (folder: string, path: string) => join(server.current.dataDir, folder, path);

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

  test('the markdown mirror: one file a talk with front matter, and the talk log', async () => {
    const { a } = await connectedPair('mirror');
    await clipTalk(a.db, capturedTalk());
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon NA 2021', category: 'Observability', tags: ['prometheus'], interest: 4 });
    await addNote(a.db, TALK, 'new scrape limits', 252);
    await a.sync();
    const folder = join(server.current.dataDir, 'mirror');
    const talkFile = join(folder, 'markdown/kubecon-na-2021/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md');
    const written = readFileSync(talkFile, 'utf8');
    expect(written).toMatch(MARK);
    expect(written.replace(MARK, '')).toBe(
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

  test("the mirrored talk log holds what was watched or noted, as Export markdown's default; the queue is linked under Not watched yet", async () => {
    const { a } = await connectedPair('log-choice');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'worth it', 10);
    const rows = ['Queued00001', 'Skipped0001'].map((videoId, i) => ({
      videoId,
      position: i + 1,
      title: `${videoId} - Jane Doe, Acme`,
      channel: 'DevConf',
      durationSec: 600,
      unavailable: null,
    }));
    await queuePlaylist(a.db, { id: 'PLdevconf2026', title: 'DevConf 2026', size: 2, rows, complete: true }, 'DevConf 2026');
    // Rated to triage the playlist, unseen: the queued one at 5 stars, the other skipped.
    await updateTalkDetails(a.db, 't_Queued00001', { interest: 5 });
    await updateTalkDetails(a.db, 't_Skipped0001', { interest: 1, status: 'skipped' });
    await a.sync();
    const log = readFileSync(onDisk('log-choice', 'markdown/talk-log.md'), 'utf8');
    expect(log).toContain('### [Evolving Prometheus for More Use Cases]');
    expect(log).not.toContain('### [Queued00001]');
    expect(log).toMatch(/## Not watched yet\n\n- \[Queued00001\]/);
    expect(log).not.toContain('Skipped0001');
  });

  test('a talk named in other scripts than Latin is mirrored under its own names', async () => {
    const { a } = await connectedPair('mirror-scripts');
    await clipTalk(a.db, capturedTalk({ title: 'Goの並行処理入門' }));
    await updateTalkDetails(a.db, TALK, { event: 'ХолиДжС 2023' });
    await addNote(a.db, TALK, 'goroutines', 60);
    await a.sync();
    const path = 'markdown/холиджс-2023/goの並行処理入門-Pr0meTheus1.md';
    expect(talkMarkdownPath((await getTalk(a.db, TALK))!)).toBe(path);
    expect(readFileSync(onDisk('mirror-scripts', path), 'utf8')).toContain('goroutines');
    // The next change rewrites the file where it is.
    await addNote(a.db, TALK, 'channels', 120);
    await a.sync();
    expect(readdirSync(onDisk('mirror-scripts', 'markdown/холиджс-2023'))).toEqual(['goの並行処理入門-Pr0meTheus1.md']);
    expect(readFileSync(onDisk('mirror-scripts', path), 'utf8')).toContain('channels');
  });

  test('a slide kept with a note reaches the other device byte for byte, is sent once, and goes with its note', async () => {
    const { a, b } = await connectedPair('slides');
    await clipTalk(a.db, capturedTalk());
    // A WebP's header, then bytes of its own: sync checks the header and never decodes the image.
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 the frame at 4:14'], { type: 'image/webp' });
    const draft = `draft:${TALK}:new`;
    const slide = await addSlide(a.db, draft, { talkId: TALK, atSec: 254.5, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    const note = await addNoteWithSlides(a.db, TALK, { body: 'the architecture slide', atSec: 252 }, draft);
    // A slide still in a draft stays on its device.
    await addSlide(a.db, draft, { talkId: TALK, atSec: 300, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    a.requests.length = 0;
    await a.sync();
    const name = `Pr0meTheus1-254-${slide.id.slice(2, 10)}.webp`;
    // The first slide finds no folder (409), makes it and is written.
    expect(a.requests.filter((request) => request.includes('/talks/slides/'))).toEqual([
      `PUT /slides/talks/slides/${name}`,
      'MKCOL /slides/talks/slides/',
      `PUT /slides/talks/slides/${name}`,
    ]);
    const folder = join(server.current.dataDir, 'slides');
    expect(readdirSync(join(folder, 'talks/slides'))).toEqual([name]);
    // The markdown mirror shows it under its note, by a link relative to the mirror's file.
    const mirror = readFileSync(join(folder, talkMarkdownPath((await getTalk(a.db, TALK))!)), 'utf8');
    expect(mirror).toContain(`![Slide at 4:14](../../talks/slides/${name})`);
    expect(readFileSync(join(folder, 'markdown/talk-log.md'), 'utf8')).toContain(`![Slide at 4:14](../talks/slides/${name})`);

    b.requests.length = 0;
    await b.sync();
    const [arrived] = await b.db.slides.toArray();
    expect({ ...arrived, image: undefined, thumbnail: undefined }).toEqual({ ...slide, owner: note.id, image: undefined, thumbnail: undefined });
    expect(Buffer.from(await arrived.image.arrayBuffer())).toEqual(Buffer.from(await image.arrayBuffer()));
    expect(arrived.image.type).toBe('image/webp');
    // Nothing goes back up: the slide is on the server already, and A has nothing new to send.
    expect(b.requests.filter((request) => request.includes('/talks/slides/'))).toEqual([`GET /slides/talks/slides/${name}`]);
    a.requests.length = 0;
    await a.sync();
    expect(a.requests).toEqual(['PROPFIND /slides/talks/']);

    await deleteNote(b.db, note);
    await b.sync();
    expect(readdirSync(join(folder, 'talks/slides'))).toEqual([]);
    await a.sync();
    expect((await a.db.slides.toArray()).map((kept) => kept.owner)).toEqual([draft]);
    expect(await b.db.slides.count()).toBe(0);
  });

  test('the synced talk log lists a note’s slides in the order they were taken, as Export markdown and the talk’s own file do', async () => {
    const { a } = await connectedPair('slide-order');
    await clipTalk(a.db, capturedTalk());
    const draft = `draft:${TALK}:new`;
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 a frame'], { type: 'image/webp' });
    const slide = { talkId: TALK, width: 1280, height: 720, type: 'image/webp' as const, image, thumbnail: image };
    // Two slides of one note, taken at 4:10 then at 4:50 (ids are random: here the later one's sorts first).
    await a.db.slides.add({ ...slide, id: 's_ffffffff-0000-4000-8000-000000000001', owner: draft, atSec: 250, takenAt: '2026-12-04T10:00:00.000Z' });
    await a.db.slides.add({ ...slide, id: 's_00000000-0000-4000-8000-000000000002', owner: draft, atSec: 290, takenAt: '2026-12-04T10:00:40.000Z' });
    await addNoteWithSlides(a.db, TALK, { body: 'the two architecture slides', atSec: 245 }, draft);
    await a.sync('now');
    const times = (path: string) => [...readFileSync(onDisk('slide-order', path), 'utf8').matchAll(/!\[Slide at ([\d:]+)\]/g)].map(([, time]) => time);
    expect(times(MIRROR)).toEqual(['4:10', '4:50']);
    expect(times('markdown/talk-log.md')).toEqual(['4:10', '4:50']);
  });

  test.each([
    ['edited on one device and deleted later on the other lives on as a copy', true],
    ['deleted on one device and edited later on the other stays', false],
  ])('a note %s, with its slide on both and on the server', async (_, editFirst) => {
    const { a, b } = await connectedPair(`slide-conflict-${editFirst ? 'edit' : 'delete'}-first`);
    await clipTalk(a.db, capturedTalk());
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 the frame at 4:14'], { type: 'image/webp' });
    const draft = `draft:${TALK}:new`;
    const slide = await addSlide(a.db, draft, { talkId: TALK, atSec: 254.5, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    const note = await addNoteWithSlides(a.db, TALK, { body: 'the architecture slide', atSec: 252 }, draft);
    await a.sync();
    await b.sync();
    // B edits the note, A deletes it, a moment apart; A syncs first, taking the slide's file with it.
    const edit = () => updateNoteBody(b.db, note, 'the architecture slide, redrawn');
    const remove = () => deleteNote(a.db, note);
    for (const step of editFirst ? [edit, remove] : [remove, edit]) {
      await step();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await a.sync();
    const folder = join(server.current.dataDir, `slide-conflict-${editFirst ? 'edit' : 'delete'}-first`, 'talks/slides');
    expect(readdirSync(folder)).toEqual([]);

    // The later change wins: a later deletion leaves B's text as a conflict copy, a later edit keeps the note. The
    // slide goes with the text either way, its file sent again.
    expect((await b.sync()).conflicts).toBe(editFirst ? 1 : 0);
    expect(readdirSync(folder)).toEqual([`Pr0meTheus1-254-${slide.id.slice(2, 10)}.webp`]);
    await a.sync();
    for (const db of [a.db, b.db]) {
      const [kept, ...others] = await notesForTalk(db, TALK);
      expect(others).toEqual([]);
      expect([kept.body, isConflictCopy(kept)]).toEqual(['the architecture slide, redrawn', editFirst]);
      const slides = await db.slides.toArray();
      expect(slides.map(({ id, owner }) => ({ id, owner }))).toEqual([{ id: slide.id, owner: kept.id }]);
      expect(Buffer.from(await slides[0].image.arrayBuffer())).toEqual(Buffer.from(await image.arrayBuffer()));
    }
  });

  test('a slide added to a note by an edit that keeps its words reaches the other device', async () => {
    const { a, b } = await pairSyncingANote('slide-same-words');
    await b.sync();
    const [note] = await notesForTalk(a.db, TALK);
    // Edit, Capture slide, Save with the text as it was: only the slides table is written.
    const draft = draftSlidesOwner(TALK, note.id);
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 frame'], { type: 'image/webp' });
    const slide = await addSlide(a.db, draft, { talkId: TALK, atSec: 3, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    await updateNoteWithSlides(a.db, note, note.body, draft);
    await a.sync();
    await b.sync();
    expect((await b.db.slides.toArray()).map(({ id, owner }) => ({ id, owner }))).toEqual([{ id: slide.id, owner: note.id }]);
    expect(readFileSync(onDisk('slide-same-words', MIRROR), 'utf8')).toContain(`talks/slides/Pr0meTheus1-3-${slide.id.slice(2, 10)}.webp`);
  });

  test('a slide added that way while a sync of its talk runs is kept, and the next sync sends it', async () => {
    const { a, b } = await pairSyncingANote('slide-during-sync');
    const [note] = await notesForTalk(a.db, TALK);
    await addNote(a.db, TALK, 'second note', 2);
    const draft = draftSlidesOwner(TALK, note.id);
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 frame'], { type: 'image/webp' });
    const slide = await addSlide(a.db, draft, { talkId: TALK, atSec: 3, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    // The sync read the talk with the slide still in the draft; the save moves it to the note before the sync writes back.
    a.hooks.beforeNextPut = () => updateNoteWithSlides(a.db, note, note.body, draft);
    await a.sync();
    expect((await a.db.slides.toArray()).map(({ id, owner }) => ({ id, owner }))).toEqual([{ id: slide.id, owner: note.id }]);
    await a.sync();
    await b.sync();
    expect((await b.db.slides.toArray()).map(({ id, owner }) => ({ id, owner }))).toEqual([{ id: slide.id, owner: note.id }]);
  });

  test('a slide file that is not the image its talk file says is reported, and the rest still syncs', async () => {
    const { a, b } = await connectedPair('bad-slide');
    await clipTalk(a.db, capturedTalk());
    const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 frame'], { type: 'image/webp' });
    const slide = await addSlide(a.db, 'draft:x', { talkId: TALK, atSec: 10, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });
    await addNoteWithSlides(a.db, TALK, { body: 'with a slide', atSec: 9 }, 'draft:x');
    await a.sync();
    const path = `talks/slides/Pr0meTheus1-10-${slide.id.slice(2, 10)}.webp`;
    await a.dav.put(path, '<html>not an image</html>', 'text/html');
    const report = await b.sync();
    expect(report.unreadable).toEqual([`${path}: not a image/webp image`]);
    expect(await bodies(b.db)).toEqual(['with a slide']);
    expect(await b.db.slides.count()).toBe(0);
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

  test('a mirror file edited in the vault between two syncs is kept, Talklog writes beside it, and says so once', async () => {
    const { a, b } = await pairSyncingANote('edited-mirror');
    await b.sync();
    const edited = `${readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(onDisk('edited-mirror', MIRROR), edited);
    await addNote(a.db, TALK, 'second note', 2);
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-mirror', MIRROR_BESIDE), 'utf8')).toContain('second note');
    expect(report.kept).toEqual([MIRROR]);
    // Later changes, from either device, go beside it without a word: neither takes the other's rewrite for an edit.
    await addNote(a.db, TALK, 'third note', 3);
    expect((await a.sync()).kept).toEqual([]);
    expect((await b.sync()).kept).toEqual([]);
    await addNote(b.db, TALK, 'fourth note, from B', 4);
    expect((await b.sync()).kept).toEqual([]);
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-mirror', MIRROR_BESIDE), 'utf8')).toContain('fourth note, from B');

    // Deleted in the vault, the file is Talklog's to write again, and its version beside it goes.
    unlinkSync(onDisk('edited-mirror', MIRROR));
    await addNote(a.db, TALK, 'fifth note', 5);
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(onDisk('edited-mirror', MIRROR), 'utf8')).toContain('fifth note');
    expect(existsSync(onDisk('edited-mirror', MIRROR_BESIDE))).toBe(false);
  });

  test('markdown files locked while open in another app (423) are reported and written later; the notes sync meanwhile', async () => {
    const { a, b } = await pairSyncingANote('locked-mirror');
    await b.sync();
    for (const { locked } of [a, b]) for (const path of [MIRROR, 'markdown/talk-log.md']) locked.add(path);
    await addNote(b.db, TALK, 'written on B', 2);
    const other = 'OtherTalk01';
    await clipTalk(b.db, capturedTalk({ videoId: other, url: canonicalVideoUrl(other), title: 'Another talk' }));
    await addNote(b.db, `t_${other}`, 'on another talk', 3);
    const report = await b.sync();
    expect(report).toMatchObject({ changes: 2, locked: [MIRROR, 'markdown/talk-log.md'], unwritten: [] });
    await a.sync();
    expect(await bodies(a.db)).toEqual(['first note', 'written on B']);
    expect((await notesForTalk(a.db, `t_${other}`)).map((note) => note.body)).toEqual(['on another talk']);
    expect(readFileSync(onDisk('locked-mirror', talkMarkdownPath((await getTalk(a.db, `t_${other}`))!)), 'utf8')).toContain('on another talk');
    expect(readFileSync(onDisk('locked-mirror', MIRROR), 'utf8')).not.toContain('written on B');

    // Closed in the other app: the next sync writes them, with nothing else to sync.
    b.locked.clear();
    expect(await b.sync()).toMatchObject({ changes: 0, locked: [] });
    expect(readFileSync(onDisk('locked-mirror', MIRROR), 'utf8')).toContain('written on B');
    expect(readFileSync(onDisk('locked-mirror', 'markdown/talk-log.md'), 'utf8')).toContain('written on B');
    b.requests.length = 0;
    await b.sync();
    expect(b.requests).toEqual(['PROPFIND /locked-mirror/talks/']);
  });

  test('a mirror file edited in the vault between its check and its rewrite is kept', async () => {
    const { a } = await pairSyncingANote('edited-meanwhile');
    await addNote(a.db, TALK, 'second note', 2);
    const edited = 'Written in the vault while Talklog synced.\n';
    // The talk file's PUT, then the mirror's GET; the vault saves before the mirror's PUT.
    a.hooks.beforeNextPut = async () => {
      a.hooks.beforeNextPut = async () => writeFileSync(onDisk('edited-meanwhile', MIRROR), edited);
    };
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-meanwhile', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-meanwhile', MIRROR_BESIDE), 'utf8')).toContain('second note');
    expect(report.kept).toEqual([MIRROR]);
  });

  test('a mirror file edited in the vault stays when its talk moves to another event', async () => {
    const { a } = await pairSyncingANote('edited-moved');
    const edited = `${readFileSync(onDisk('edited-moved', MIRROR), 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(onDisk('edited-moved', MIRROR), edited);
    await updateTalkDetails(a.db, TALK, { event: 'KubeCon EU 2022' });
    const report = await a.sync();
    expect(readFileSync(onDisk('edited-moved', MIRROR), 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-moved', 'markdown/kubecon-eu-2022/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md'), 'utf8')).toContain(
      'first note',
    );
    expect(report.kept).toEqual([MIRROR]);
  });

  test('the talk log edited in the vault is kept, and Talklog writes the log beside it', async () => {
    const { a } = await pairSyncingANote('edited-log');
    const log = onDisk('edited-log', 'markdown/talk-log.md');
    const edited = `${readFileSync(log, 'utf8')}\nWhat I make of this conference.\n`;
    writeFileSync(log, edited);
    await addNote(a.db, TALK, 'second note', 2);
    const report = await a.sync();
    expect(readFileSync(log, 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('edited-log', 'markdown/talk-log (Talklog).md'), 'utf8')).toContain('second note');
    expect(report.kept).toEqual(['markdown/talk-log.md']);
  });

  test('the talk log an older Talklog wrote, without the mark, is rewritten: no device knows what it was', async () => {
    const { a } = await connectedPair('unmarked-log');
    await clipTalk(a.db, capturedTalk());
    await addNote(a.db, TALK, 'first note', 1);
    await a.sync('later');
    const log = onDisk('unmarked-log', 'markdown/talk-log.md');
    await a.dav.makeFolder('markdown/');
    writeFileSync(log, '# Talk log\n\nAs an older Talklog wrote it, before the mark.\n');
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(log, 'utf8')).toMatch(/first note[^]*-->\n$/);
    expect(existsSync(onDisk('unmarked-log', 'markdown/talk-log (Talklog).md'))).toBe(false);
  });

  test('the talk log edited in the vault, its mark deleted with the edit, is kept, and Talklog writes the log beside it', async () => {
    const { a } = await pairSyncingANote('unmarked-edited-log');
    const log = onDisk('unmarked-edited-log', 'markdown/talk-log.md');
    const edited = `${readFileSync(log, 'utf8').replace(MARK, '\n')}\nMy own summary of the conference.\n`;
    writeFileSync(log, edited);
    await addNote(a.db, TALK, 'second note', 2);
    expect((await a.sync()).kept).toEqual(['markdown/talk-log.md']);
    expect(readFileSync(log, 'utf8')).toBe(edited);
    expect(readFileSync(onDisk('unmarked-edited-log', 'markdown/talk-log (Talklog).md'), 'utf8')).toContain('second note');
  });

  test('a mirror file an older Talklog wrote, without the mark, is rewritten while unedited and kept once edited', async () => {
    const { a } = await pairSyncingANote('unmarked-mirror');
    const file = onDisk('unmarked-mirror', MIRROR);
    const unmark = () => writeFileSync(file, readFileSync(file, 'utf8').replace(MARK, ''));
    unmark();
    await addNote(a.db, TALK, 'second note', 2);
    expect((await a.sync()).kept).toEqual([]);
    expect(readFileSync(file, 'utf8')).toMatch(/second note[^]*-->\n$/);
    unmark();
    const edited = `${readFileSync(file, 'utf8')}\nMy own thoughts on this talk.\n`;
    writeFileSync(file, edited);
    await addNote(a.db, TALK, 'third note', 3);
    const report = await a.sync();
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(report.kept).toEqual([MIRROR]);
  });
});
