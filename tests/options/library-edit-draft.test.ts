import { expect, test } from 'vitest';
import { unsavedEdit } from '../../src/options/library-edit-draft';
import type { Draft } from '../../src/popup/drafts';
import type { Note } from '../../src/talk/model';

const note: Note = {
  id: 'n_histograms',
  talkId: 't_OpenMetr1cs',
  body: 'histograms need le labels',
  atSec: 42,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

const draft: Draft = {
  id: 'n_copy',
  body: 'histograms need le labels, native ones do not',
  atSec: 42,
  editing: { noteId: 'n_histograms', openedAt: '2026-12-01T10:00:00.000Z' },
  title: 'OpenMetrics',
};

test('an edit draft with words its note lacks is offered back, as the note was when the edit began', () => {
  const changedSince = { ...note, body: 'histograms: le labels', updatedAt: '2026-12-02T09:00:00.000Z' };
  expect(unsavedEdit(draft, [changedSince])).toEqual({
    opened: { ...changedSince, updatedAt: '2026-12-01T10:00:00.000Z' },
    body: 'histograms need le labels, native ones do not',
  });
});

test('no edit is offered back for a note saved with the draft’s words, a deleted note, a new-note draft, or no draft', () => {
  const saved = { ...note, body: draft.body, updatedAt: '2026-12-02T09:00:00.000Z' };
  expect(unsavedEdit(draft, [saved])).toBeNull();
  expect(unsavedEdit(draft, [{ ...note, id: 'n_other' }])).toBeNull();
  const newNote: Draft = { id: 'n_new', body: 'a new note', atSec: null, editing: null };
  expect(unsavedEdit(newNote, [note])).toBeNull();
  expect(unsavedEdit(null, [note])).toBeNull();
});
