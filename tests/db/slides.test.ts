import { describe, expect, test } from 'vitest';
import { addNoteWithSlides, updateNoteWithSlides } from '../../src/db/note-with-slides';
import { addNote, updateNoteBody } from '../../src/db/notes';
import { addSlide, removeSlide, slideImage, countSlides, slideThumbnails, type NewSlide } from '../../src/db/slides';
import { clipTalk } from '../../src/db/talks';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { capturedTalk, freshDb } from './test-db';

const frame = (talkId: string, atSec: number, bytes = 'frame'): NewSlide => ({
  talkId,
  atSec,
  width: 1280,
  height: 720,
  type: 'image/webp',
  image: new Blob([bytes], { type: 'image/webp' }),
  thumbnail: new Blob(['thumb'], { type: 'image/webp' }),
});

describe('slides', () => {
  test('taken for a draft become the saved note’s, in the order they were taken', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const draft = draftSlidesOwner(talk.id);
    const second = await addSlide(db, draft, frame(talk.id, 754.1234), new Date('2026-11-26T05:00:02Z'));
    const first = await addSlide(db, draft, frame(talk.id, 12), new Date('2026-11-26T05:00:01Z'));
    expect(second.atSec).toBe(754.123);
    const note = await addNoteWithSlides(db, talk.id, { body: 'the architecture slide', atSec: 754 }, draft);
    expect(await slideThumbnails(db, draft)).toEqual([]);
    const listed = await slideThumbnails(db, note.id);
    expect(listed.map((slide) => slide.id)).toEqual([first.id, second.id]);
    expect(listed[0]).not.toHaveProperty('image');
    expect(await (await slideImage(db, first.id))?.text()).toBe('frame');
  });

  test('are saved with a new note, or with an edit (on the note kept when both were)', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await addSlide(db, draftSlidesOwner(talk.id), frame(talk.id, 5));
    const note = await addNoteWithSlides(db, talk.id, { body: 'with a slide', atSec: 5 }, draftSlidesOwner(talk.id));
    expect((await slideThumbnails(db, note.id)).map((slide) => slide.atSec)).toEqual([5]);

    await addSlide(db, draftSlidesOwner(talk.id, note.id), frame(talk.id, 8));
    await updateNoteBody(db, note, 'changed elsewhere meanwhile');
    const { outcome, note: kept } = await updateNoteWithSlides(db, note, 'my edit', draftSlidesOwner(talk.id, note.id));
    expect(outcome).toBe('kept-both');
    expect((await slideThumbnails(db, kept.id)).map((slide) => slide.atSec)).toEqual([8]);
    expect(await slideThumbnails(db, draftSlidesOwner(talk.id, note.id))).toEqual([]);
  });

  test('removed before saving are gone', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const slide = await addSlide(db, draftSlidesOwner(talk.id), frame(talk.id, 1));
    await removeSlide(db, slide.id);
    expect(await db.slides.count()).toBe(0);
  });

  test('go with their note and come back with Undo', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const kept = await addNote(db, talk.id, 'kept', 1);
    const gone = await addNote(db, talk.id, 'gone', 2);
    await addSlide(db, kept.id, frame(talk.id, 1));
    const slide = await addSlide(db, gone.id, frame(talk.id, 2, 'gone frame'));
    const deleted = await deleteNote(db, gone);
    expect(deleted?.slides.map((s) => s.id)).toEqual([slide.id]);
    expect(await db.slides.count()).toBe(1);
    await restoreDeleted(db, deleted!);
    expect(await (await slideImage(db, slide.id))?.text()).toBe('gone frame');
    expect(await db.slides.count()).toBe(2);
  });

  test('captured in an edit of a note deleted before it was saved go with the note, and come back with Undo', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'edited, then deleted', 1);
    const other = await addNote(db, talk.id, 'another', 2);
    const editSlide = await addSlide(db, draftSlidesOwner(talk.id, note.id), frame(talk.id, 3));
    await addSlide(db, draftSlidesOwner(talk.id, other.id), frame(talk.id, 4));
    await addSlide(db, draftSlidesOwner(talk.id), frame(talk.id, 5));
    const deleted = await deleteNote(db, note);
    expect(deleted?.slides.map((s) => s.id)).toEqual([editSlide.id]);
    expect(await db.slides.count()).toBe(2);
    await restoreDeleted(db, deleted!);
    expect((await db.slides.get(editSlide.id))?.owner).toBe(draftSlidesOwner(talk.id, note.id));
  });

  test('go with their talk, drafts too, and come back with Undo', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'a note', 1);
    await addSlide(db, note.id, frame(talk.id, 1));
    await addSlide(db, draftSlidesOwner(talk.id), frame(talk.id, 2));
    const deleted = await deleteTalks(db, [talk.id]);
    expect(deleted.slides).toHaveLength(2);
    expect(await db.slides.count()).toBe(0);
    await restoreDeleted(db, deleted);
    expect(await db.slides.count()).toBe(2);
  });

  test('are counted for the storage line', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await addSlide(db, 'n_1', frame(talk.id, 1));
    await addSlide(db, 'n_1', frame(talk.id, 2));
    expect(await countSlides(db)).toBe(2);
  });
});
