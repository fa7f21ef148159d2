import { describe, expect, test } from 'vitest';
import { addNote, countNotesForTalk, deleteNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { clipTalk } from '../../src/db/talks';
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
    await updateNoteBody(db, note.id, 'final', new Date('2026-11-26T05:10:00Z'));
    expect(await db.notes.get(note.id)).toMatchObject({ body: 'final', createdAt: '2026-11-26T05:00:00.000Z', updatedAt: '2026-11-26T05:10:00.000Z' });
    await deleteNote(db, note.id);
    expect(await notesForTalk(db, talk.id)).toEqual([]);
  });

  test('a note for a talk that is gone is refused, and editing a deleted note says so', async () => {
    const db = freshDb();
    await expect(addNote(db, 't_missingTalk', 'lost?', null)).rejects.toThrow('no longer saved');
    expect(await db.notes.count()).toBe(0);
    await expect(updateNoteBody(db, 'n_gone', 'text')).rejects.toThrow('deleted elsewhere');
  });
});
