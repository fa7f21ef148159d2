import { describe, expect, test } from 'vitest';
import { addNote, allNotes, countNotesForTalk, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { openTalklogDb, type TalklogDb } from '../../src/db/database';
import { updateTalkDetails } from '../../src/db/library';
import { clipTalk, getTalk } from '../../src/db/talks';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { addNoteWithSlides } from '../../src/db/note-with-slides';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import { capturedTalk, freshDb } from './test-db';

describe('notes', () => {
  test('are listed in the order they were written, with whole-second times', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await addNote(db, talk.id, 'second', 900.9, new Date('2026-11-26T05:02:00Z'));
    await addNote(db, talk.id, 'first', 754.6, new Date('2026-11-26T05:01:00Z'));
    await addNote(db, talk.id, 'no time', null, new Date('2026-11-26T05:03:00Z'));
    const notes = await notesForTalk(db, talk.id);
    expect(notes.map((note) => [note.body, note.atSec])).toEqual([
      ['first', 754],
      ['second', 900],
      ['no time', null],
    ]);
    expect(notes.every((note) => /^n_[0-9a-f-]{36}$/.test(note.id))).toBe(true);
    expect(await countNotesForTalk(db, talk.id)).toBe(3);
  });

  test('are kept apart per talk', async () => {
    const db = freshDb();
    const a = await clipTalk(db, capturedTalk());
    const b = await clipTalk(db, capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs' }));
    await addNote(db, a.id, 'for a', 1);
    await addNote(db, b.id, 'for b', 2);
    expect((await notesForTalk(db, a.id)).map((note) => note.body)).toEqual(['for a']);
  });

  test('can be edited and deleted', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'draft', 5, new Date('2026-11-26T05:00:00Z'));
    const update = await updateNoteBody(db, note, 'final', new Date('2026-11-26T05:10:00Z'));
    expect(update.outcome).toBe('updated');
    expect((await notesForTalk(db, talk.id))[0]).toMatchObject({ body: 'final', createdAt: '2026-11-26T05:00:00.000Z', updatedAt: '2026-11-26T05:10:00.000Z' });
    expect((await deleteNote(db, note))?.notes).toMatchObject([{ id: note.id, body: 'final' }]);
    expect(await notesForTalk(db, talk.id)).toEqual([]);
  });

  test('a note for a talk that is gone is refused', async () => {
    const db = freshDb();
    await expect(addNote(db, 't_missingTalk', 'lost?', null)).rejects.toThrow('no longer saved');
    expect(await allNotes(db)).toEqual([]);
  });

  test('two pages editing one note: the later save does not overwrite the earlier, both survive', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'v0', 42, new Date('2026-11-26T05:00:00Z'));
    const openedInPopup = { ...note };
    const openedInLibrary = { ...note };
    expect((await updateNoteBody(db, openedInLibrary, 'library version', new Date('2026-11-26T05:01:00Z'))).outcome).toBe('updated');
    const late = await updateNoteBody(db, openedInPopup, 'popup version', new Date('2026-11-26T05:02:00Z'));
    expect(late.outcome).toBe('kept-both');
    expect(late.note).toMatchObject({ talkId: talk.id, atSec: 42, body: 'popup version' });
    expect((await notesForTalk(db, talk.id)).map((n) => n.body).sort()).toEqual(['library version', 'popup version']);
  });

  test('the same edit saved twice, or from two pages, leaves one note', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'v0', 42, new Date('2026-11-26T05:00:00Z'));
    const first = await updateNoteBody(db, note, 'v1', new Date('2026-11-26T05:01:00Z'));
    const again = await updateNoteBody(db, note, 'v1', new Date('2026-11-26T05:02:00Z'));
    expect(again).toEqual({ outcome: 'updated', note: first.note });
    expect(await notesForTalk(db, talk.id)).toEqual([first.note]);
  });

  test('an edit of a note deleted elsewhere is kept as a note of its own', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const note = await addNote(db, talk.id, 'v0', 7);
    await deleteNote(db, note);
    expect((await updateNoteBody(db, note, 'still wanted')).outcome).toBe('kept-both');
    expect((await notesForTalk(db, talk.id)).map((n) => [n.body, n.atSec])).toEqual([['still wanted', 7]]);
  });

  test('are kept a talk’s in one record; deleting the last deletes the record', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const first = await addNote(db, talk.id, 'first', 1, new Date('2026-11-26T05:01:00Z'));
    const second = await addNote(db, talk.id, 'second', 2, new Date('2026-11-26T05:02:00Z'));
    expect(await db.talkNotes.toArray()).toEqual([{ talkId: talk.id, notes: [first, second] }]);
    await deleteNote(db, first);
    await deleteNote(db, second);
    expect(await db.talkNotes.count()).toBe(0);
  });

  test('two pages editing two notes of one talk at once: both edits are kept', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const a = await addNote(db, talk.id, 'a', 1, new Date('2026-11-26T05:01:00Z'));
    const b = await addNote(db, talk.id, 'b', 2, new Date('2026-11-26T05:02:00Z'));
    // Another page's own connection to the same database, open before either edit starts.
    const other = openTalklogDb(db.name);
    await other.open();
    try {
      const edits = await Promise.all([updateNoteBody(db, a, 'a, edited here'), updateNoteBody(other, b, 'b, edited there')]);
      expect(edits.map((edit) => edit.outcome)).toEqual(['updated', 'updated']);
    } finally {
      other.close();
    }
    expect((await notesForTalk(db, talk.id)).map((note) => note.body)).toEqual(['a, edited here', 'b, edited there']);
  });

  test('Undo of a deletion puts the note back beside a note written since', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    const gone = await addNote(db, talk.id, 'gone', 1, new Date('2026-11-26T05:01:00Z'));
    const deleted = await deleteNote(db, gone);
    await addNote(db, talk.id, 'written since', 2, new Date('2026-11-26T05:02:00Z'));
    await restoreDeleted(db, deleted!);
    expect((await notesForTalk(db, talk.id)).map((note) => note.body)).toEqual(['gone', 'written since']);
  });

  test('Undo of a deletion after the talk went too brings the talk back with the note, never the note alone', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await updateTalkDetails(db, talk.id, { interest: 4 });
    const note = await addNote(db, talk.id, 'keep me', 10);
    // The library offers Undo; meanwhile the popup removes the talk (or a sync from another device does).
    const deleted = await deleteNote(db, note);
    await deleteTalks(db, [talk.id]);
    await restoreDeleted(db, deleted!);
    expect(await getTalk(db, talk.id)).toEqual(expect.objectContaining({ title: talk.title, interest: 4 }));
    expect((await notesForTalk(db, talk.id)).map((kept) => kept.body)).toEqual(['keep me']);
    // An Undo that does not hold the talk refuses, and writes nothing.
    await deleteTalks(db, [talk.id]);
    await expect(restoreDeleted(db, { talks: [], notes: [note], slides: [] })).rejects.toThrow('The talk for this note is no longer saved.');
    expect(await allNotes(db)).toEqual([]);
  });

  describe('a draft saved again under its id (its first save committed as the page closed, the draft left behind)', () => {
    const saveDraft = (db: TalklogDb, body: string) =>
      addNoteWithSlides(db, 't_Pr0meTheus1', { id: 'n_draft-1', body, atSec: 252 }, draftSlidesOwner('t_Pr0meTheus1'));

    test('with the same words is one note', async () => {
      const db = freshDb();
      await clipTalk(db, capturedTalk());
      const first = await saveDraft(db, 'scrape limits');
      expect(await saveDraft(db, 'scrape limits')).toEqual(first);
      expect(await allNotes(db)).toEqual([first]);
    });

    test('with words added since keeps them, in the note the first save made', async () => {
      const db = freshDb();
      await clipTalk(db, capturedTalk());
      const first = await saveDraft(db, 'scrape limits');
      await saveDraft(db, 'scrape limits: sample_limit, label_limit');
      expect((await allNotes(db)).map((note) => [note.id, note.body, note.atSec, note.createdAt])).toEqual([
        ['n_draft-1', 'scrape limits: sample_limit, label_limit', 252, first.createdAt],
      ]);
    });

    test('with other words (a second page whose box went its own way under the same draft): both are kept', async () => {
      const db = freshDb();
      await clipTalk(db, capturedTalk());
      await saveDraft(db, 'agent mode replaces the sidecar');
      await saveDraft(db, 'ask about remote write');
      expect((await allNotes(db)).map((note) => note.body).sort()).toEqual(['agent mode replaces the sidecar', 'ask about remote write']);
    });

    test('with words added since, the note changed elsewhere meanwhile: both are kept', async () => {
      const db = freshDb();
      await clipTalk(db, capturedTalk());
      const first = await saveDraft(db, 'scrape limits');
      await updateNoteBody(db, first, 'scrape limits (typo fixed in the library)', new Date(Date.now() + 1000));
      await saveDraft(db, 'scrape limits: sample_limit, label_limit');
      expect((await allNotes(db)).map((note) => [note.body, note.atSec])).toEqual([
        ['scrape limits (typo fixed in the library)', 252],
        ['scrape limits: sample_limit, label_limit', 252],
      ]);
    });
  });
});
