import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addNoteWithSlides, updateNoteWithSlides } from '../../src/db/note-with-slides';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { addSlide } from '../../src/db/slides';
import { clipTalk, getTalk } from '../../src/db/talks';
import { talkMarkdownPath } from '../../src/sync/markdown-mirror';
import { isConflictCopy } from '../../src/sync/merge';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import { deleteNote } from '../../src/db/deletion';
import { capturedTalk } from '../db/test-db';
import { server, TALK, connectedPair, pairSyncingANote, bodies, MIRROR, onDisk } from './sync-devices';

describe('slides, synced through a real Apache WebDAV folder', { timeout: 60_000 }, () => {
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
});
