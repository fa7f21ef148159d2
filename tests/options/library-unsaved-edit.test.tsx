// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { addNote, notesForTalk } from '../../src/db/notes';
import { DRAFT_PREFIX } from '../../src/popup/drafts';
import { kubeconLibrary, renderLibrary, rowOf, status } from './library-harness';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const TITLE = 'Evolving Prometheus for More Use Cases';
const EDIT_DRAFT = `${DRAFT_PREFIX}t_Pr0meTheus1:edit`;

async function editInRow(body: string) {
  const row = rowOf(TITLE);
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: `Notes on ${TITLE}` });
  fireEvent.click(within(within(notes).getByText(body).closest('li')!).getByRole('button', { name: 'Edit note' }));
  return within(notes).getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
}

/** Another page of the extension (the popup, the side panel) writing the talk's edit draft, as the browser tells this page of it. */
function writtenElsewhere(value: string | null) {
  const oldValue = localStorage.getItem(EDIT_DRAFT);
  if (value === null) localStorage.removeItem(EDIT_DRAFT);
  else localStorage.setItem(EDIT_DRAFT, value);
  window.dispatchEvent(new StorageEvent('storage', { key: EDIT_DRAFT, oldValue, newValue: value, storageArea: localStorage }));
}

/**
 * A library where a note on the talk was edited to `typed` and the page then went without beforeunload, as Chromium
 * closes it when the extension is updated; opened again.
 */
async function reopenedAfterUnsavedEdit(body: string, typed: string, atSec: number) {
  const db = await kubeconLibrary();
  const note = await addNote(db, 't_Pr0meTheus1', body, atSec);
  await renderLibrary(db);
  fireEvent.input(await editInRow(body), { target: { value: typed } });
  cleanup();
  await renderLibrary(db);
  return { db, note };
}

test('an edit the library page closed on unasked (an update, a crash) is named at the top of the library opened again, and opens with its words', async () => {
  const { db, note } = await reopenedAfterUnsavedEdit('agent mode drops the local TSDB', 'agent mode drops the local TSDB, keeps the WAL', 600);
  const region = await waitFor(() => {
    const found = screen.getByText(`An edit of a note on “${TITLE}” was not saved.`, { exact: false }).closest('[aria-live]');
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
  const bodyOf = async () => (await notesForTalk(db, note.talkId)).find((stored) => stored.id === note.id)?.body;
  expect(await bodyOf()).toBe('agent mode drops the local TSDB');
  // Told apart from another line's button, read alone, by the line it is on.
  const open = within(region).getByRole('button', { name: 'Open the unsaved edit', description: `An edit of a note on “${TITLE}” was not saved.` });
  fireEvent.click(open);

  const box = await within(rowOf(TITLE)).findByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  expect(box.value).toBe('agent mode drops the local TSDB, keeps the WAL');
  await waitFor(() => expect(document.activeElement).toBe(box));
  // Open in this page, it is not named at the top any more.
  expect(screen.queryByRole('button', { name: 'Open the unsaved edit' })).toBeNull();

  fireEvent.click(within(rowOf(TITLE)).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(status()).toBe('Note updated.'));
  expect(await bodyOf()).toBe('agent mode drops the local TSDB, keeps the WAL');
  expect(localStorage.getItem(EDIT_DRAFT)).toBeNull();
});

test('an edit the library page closed on is opened by the row too, and a cancelled one is not named again', async () => {
  const { db } = await reopenedAfterUnsavedEdit('remote write 2.0', 'remote write 2.0 sends metadata', 60);
  fireEvent.click(within(rowOf(TITLE)).getByRole('button', { name: 'Details' }));
  const box = await within(rowOf(TITLE)).findByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  expect(box.value).toBe('remote write 2.0 sends metadata');
  fireEvent.click(within(rowOf(TITLE)).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(within(rowOf(TITLE)).queryByRole('textbox', { name: 'Note' })).toBeNull());
  expect(localStorage.getItem(EDIT_DRAFT)).toBeNull();
  cleanup();

  await renderLibrary(db);
  await within(rowOf(TITLE)).findByRole('button', { name: 'Details' });
  expect(screen.queryByRole('button', { name: 'Open the unsaved edit' })).toBeNull();
});

test('the library and the popup editing one note at once follow each other, as two popups do', async () => {
  const db = await kubeconLibrary();
  const note = await addNote(db, 't_Pr0meTheus1', 'native histograms', 120);
  await renderLibrary(db);
  const box = await editInRow('native histograms');
  const edit = { noteId: note.id, openedAt: note.updatedAt };

  // Typed in the popup while the library's box holds what the popup's did: the library shows it.
  writtenElsewhere(JSON.stringify({ id: 'n_fromPopup', body: 'native histograms, sparse buckets', atSec: 120, editing: edit }));
  await waitFor(() => expect(box.value).toBe('native histograms, sparse buckets'));
  // Typed here since: the words typed here stay, and are the draft.
  fireEvent.input(box, { target: { value: 'native histograms, sparse buckets, no le label' } });
  writtenElsewhere(JSON.stringify({ id: 'n_fromPopup', body: 'native histograms, sparse buckets!', atSec: 120, editing: edit }));
  expect(box.value).toBe('native histograms, sparse buckets, no le label');

  // The popup saves its words (its draft goes) while the library's box holds them: the library's edit ends, not left
  // open to save the old text again over them.
  fireEvent.input(box, { target: { value: 'native histograms, sparse buckets!' } });
  writtenElsewhere(JSON.stringify({ id: 'n_fromPopup', body: 'native histograms, sparse buckets!', atSec: 120, editing: edit }));
  writtenElsewhere(null);
  await waitFor(() => expect(within(rowOf(TITLE)).queryByRole('textbox', { name: 'Note' })).toBeNull());
});

test('the unsaved edit opens on a talk the search leaves out, kept in the list while it is edited', async () => {
  await reopenedAfterUnsavedEdit('agent mode drops the local TSDB', 'agent mode drops the local TSDB, keeps the WAL', 600);
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'etcd' } });
  await waitFor(() => expect(screen.queryByRole('heading', { name: TITLE })).toBeNull());
  fireEvent.click(await screen.findByRole('button', { name: 'Open the unsaved edit' }));
  const box = await waitFor(() => within(rowOf(TITLE)).getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' }));
  expect(box.value).toBe('agent mode drops the local TSDB, keeps the WAL');
});
