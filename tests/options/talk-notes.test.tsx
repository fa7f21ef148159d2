// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { addNote, notesForTalk } from '../../src/db/notes';
import { saveSyncedTalk } from '../../src/db/sync-store';
import { getTalk } from '../../src/db/talks';
import { mergeTalk } from '../../src/sync/merge';
import { fakeEnvironment, kubeconLibrary, renderLibrary, rowOf, status } from './library-harness';

afterEach(cleanup);

test('notes show rendered in the library, their source on Edit, and time links play the talk', async () => {
  const db = await kubeconLibrary();
  await addNote(
    db,
    't_Pr0meTheus1',
    '**agent mode** with `--enable-feature=agent`, see [4:12](https://www.youtube.com/watch?v=Pr0meTheus1&t=252s) <b>x</b>',
    600,
  );
  const { env, state } = fakeEnvironment();
  await renderLibrary(db, env);
  const row = rowOf('Evolving Prometheus for More Use Cases');
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  const note = within(notes).getByText('agent mode').closest('li')!;
  expect(note.querySelector('strong')?.textContent).toBe('agent mode');
  expect(note.querySelector('code')?.textContent).toBe('--enable-feature=agent');
  expect(note.querySelector('b')).toBeNull();
  expect(note.textContent).toContain('<b>x</b>');
  fireEvent.click(within(note).getByRole('link', { name: 'Play from 4:12' }));
  await waitFor(() => expect(state.played).toEqual([['Pr0meTheus1', 252]]));
  fireEvent.click(within(note).getByRole('button', { name: 'Edit note' }));
  expect((within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toContain('**agent mode**');
});

test('search marks matches inside rendered notes', async () => {
  await renderLibrary(await kubeconLibrary());
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'sample_limit' } });
  const row = rowOf('Evolving Prometheus for More Use Cases');
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  await waitFor(() => expect([...notes.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['sample_limit']));
});

test('a conflict copy left by sync says so above its text; the note it sits beside does not', async () => {
  const db = await kubeconLibrary();
  const talk = (await getTalk(db, 't_Pr0meTheus1'))!;
  const note = await addNote(db, talk.id, 'first text', 12);
  const edited = (body: string, minute: number) => ({ ...note, body, updatedAt: new Date(Date.UTC(2026, 10, 29, 10, minute)).toISOString() });
  const now = new Date('2026-11-29T12:00:00Z');
  // The same note edited on two devices since they last met, merged as sync merges it.
  const base = mergeTalk({ talk, notes: [note], deletions: [], base: null }, null, 'd_a', now).file!;
  const fromA = mergeTalk({ talk, notes: [edited('A says', 5)], deletions: [], base }, base, 'd_a', now).file!;
  const merged = mergeTalk({ talk, notes: [edited('B says', 6)], deletions: [], base }, fromA, 'd_b', now);
  expect(merged.conflicts).toBe(1);
  await saveSyncedTalk(db, talk.id, { file: merged.file, etag: '"1"', markdownPath: null }, (await db.syncChanges.get(talk.id))?.token ?? null);

  await renderLibrary(db);
  const row = rowOf('Evolving Prometheus for More Use Cases');
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  const copy = within(notes).getByText('A says').closest('li')!;
  expect(copy.textContent).toContain('Conflict copy: this text was edited on another device at the same time.');
  expect(within(notes).getByText('B says').closest('li')!.textContent).not.toContain('Conflict copy');
});

/** The library with the note 'agent mode' open in its editor. */
async function editingInLibrary() {
  const db = await kubeconLibrary();
  const note = await addNote(db, 't_Pr0meTheus1', 'agent mode', 600);
  await renderLibrary(db);
  const row = rowOf('Evolving Prometheus for More Use Cases');
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  fireEvent.click(within(within(notes).getByText('agent mode').closest('li')!).getByRole('button', { name: 'Edit note' }));
  return { db, note, notes };
}

test('a note deleted elsewhere while edited here keeps its editor and text, and Save brings it back', async () => {
  const { db, note, notes } = await editingInLibrary();
  const box = within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: 'agent mode, no local storage' } });

  // Another page (or a sync) deletes the note: the list updates live, the edit stays.
  await deleteNote(db, note);
  const notice = await within(notes).findByText('This note was deleted elsewhere while you edited it.', { exact: false });
  expect(box.isConnected).toBe(true);
  expect(box.value).toBe('agent mode, no local storage');
  expect(box.getAttribute('aria-describedby')).toBe(notice.id);
  await waitFor(() => expect(status()).toBe(notice.textContent));

  fireEvent.click(within(notes).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(status()).toBe('Your text is saved as a note again.'));
  expect((await notesForTalk(db, 't_Pr0meTheus1')).map(({ body, atSec }) => [body, atSec])).toContainEqual(['agent mode, no local storage', 600]);
  await within(notes).findByText('agent mode, no local storage');
  expect(within(notes).queryByRole('textbox', { name: 'Note' })).toBeNull();
});

test('Cancel on a note deleted elsewhere lets it go', async () => {
  const { db, note, notes } = await editingInLibrary();
  await deleteNote(db, note);
  await within(notes).findByText('This note was deleted elsewhere while you edited it.', { exact: false });
  fireEvent.click(within(notes).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(within(notes).queryByText('agent mode')).toBeNull());
  expect((await notesForTalk(db, 't_Pr0meTheus1')).some(({ body }) => body === 'agent mode')).toBe(false);
});

test('Save pressed twice (a double click, Ctrl+Enter again) saves the edit once, with no copy of the note', async () => {
  const { db, notes } = await editingInLibrary();
  const box = within(notes).getByRole('textbox', { name: 'Note' });
  fireEvent.input(box, { target: { value: 'agent mode, edited' } });
  fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
  await new Promise((resolve) => setTimeout(resolve, 0));
  fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
  await waitFor(() => expect(status()).toBe('Note updated.'));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(status()).toBe('Note updated.');
  expect((await notesForTalk(db, 't_Pr0meTheus1')).map((note) => note.body).filter((body) => body.startsWith('agent'))).toEqual(['agent mode, edited']);
});

test('a row closed while one of its notes is edited keeps the edit and says so: reopened, the text typed is there', async () => {
  const { db, notes } = await editingInLibrary();
  const row = rowOf('Evolving Prometheus for More Use Cases');
  const details = within(row).getByRole('button', { name: 'Details' });
  const box = within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: 'agent mode, twenty minutes of careful notes' } });

  fireEvent.click(details);
  await waitFor(() => expect(details.getAttribute('aria-expanded')).toBe('false'));
  expect(notes.closest('.talk-row__details')!.hasAttribute('hidden')).toBe(true);
  // Closed, the row says a note of it is being edited, hidden: the words wait for a Save or a Cancel.
  expect(within(row).getByText('Note being edited: open Details to save or cancel it')).toBeTruthy();
  fireEvent.click(details);
  await waitFor(() => expect(details.getAttribute('aria-expanded')).toBe('true'));
  expect(within(row).queryByText('Note being edited', { exact: false })).toBeNull();
  expect(within(row).getByRole('textbox', { name: 'Note' })).toBe(box);
  expect(box.value).toBe('agent mode, twenty minutes of careful notes');
  fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
  await waitFor(async () =>
    expect((await notesForTalk(db, 't_Pr0meTheus1')).map((note) => note.body)).toContain('agent mode, twenty minutes of careful notes'),
  );
});

test('a talk deleted elsewhere while one of its notes is edited, the library emptied with it, keeps its row and the text', async () => {
  const { db, notes } = await editingInLibrary();
  const box = within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: 'agent mode, the last words of the library' } });
  await deleteTalks(db, ['t_Pr0meTheus1', 't_OpenMetr1cs']);
  await within(notes).findByText('This talk was deleted elsewhere while you edited its note.', { exact: false });
  expect(box.isConnected).toBe(true);
  expect(box.value).toBe('agent mode, the last words of the library');
  fireEvent.click(within(notes).getByRole('button', { name: 'Save' }));
  await waitFor(async () => expect((await notesForTalk(db, 't_Pr0meTheus1')).map((note) => note.body)).toEqual(['agent mode, the last words of the library']));
});

test('Delete talk or Delete selected while a note of the talk is edited asks to end the edit first, and deletes nothing', async () => {
  const { db, notes } = await editingInLibrary();
  fireEvent.input(within(notes).getByRole('textbox', { name: 'Note' }), { target: { value: 'agent mode, and more' } });
  fireEvent.click(within(rowOf('Evolving Prometheus for More Use Cases')).getByRole('button', { name: 'Delete talk' }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Save or cancel the note you are editing first'));
  expect(await getTalk(db, 't_Pr0meTheus1')).toBeDefined();
  expect((within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('agent mode, and more');

  // Nor when it is one of the talks selected.
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select Evolving Prometheus for More Use Cases' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select What You Need to Know About OpenMetrics' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Delete selected' }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await getTalk(db, 't_Pr0meTheus1')).toBeDefined();
  expect(await getTalk(db, 't_OpenMetr1cs')).toBeDefined();
  expect(screen.getByRole('alert').textContent).toContain('Save or cancel the note you are editing first');
});

test('a talk deleted elsewhere while one of its notes is edited keeps its row and the text, and Save puts it back', async () => {
  const { db, notes } = await editingInLibrary();
  const box = within(notes).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  fireEvent.input(box, { target: { value: 'agent mode, twenty minutes of careful notes' } });

  // Another library tab, the popup's Remove from library, or a sync.
  await deleteTalks(db, ['t_Pr0meTheus1']);
  const notice = await within(notes).findByText('This talk was deleted elsewhere while you edited its note.', { exact: false });
  expect(box.isConnected).toBe(true);
  expect(box.value).toBe('agent mode, twenty minutes of careful notes');
  expect(box.getAttribute('aria-describedby')).toBe(notice.id);
  await waitFor(() => expect(status()).toBe(notice.textContent));

  fireEvent.click(within(notes).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(status()).toBe('Your text is saved as a note, and its talk is back in the library.'));
  expect((await getTalk(db, 't_Pr0meTheus1'))?.title).toBe('Evolving Prometheus for More Use Cases');
  expect((await notesForTalk(db, 't_Pr0meTheus1')).map(({ body, atSec }) => [body, atSec])).toEqual([['agent mode, twenty minutes of careful notes', 600]]);
  const row = rowOf('Evolving Prometheus for More Use Cases');
  await within(row).findByText('agent mode, twenty minutes of careful notes');
  expect(within(row).queryByText('This talk was deleted elsewhere', { exact: false })).toBeNull();
});

/** The Edit button of the note showing this text. */
const editButtonOf = (notes: HTMLElement, text: string) => within(within(notes).getByText(text).closest('li')!).getByRole('button', { name: 'Edit note' });

test('Save or Cancel of a note edit gives the focus to the note’s Edit button, not to the page', async () => {
  const { notes } = await editingInLibrary();
  const box = within(notes).getByRole('textbox', { name: 'Note' });
  await waitFor(() => expect(document.activeElement).toBe(box));
  fireEvent.input(box, { target: { value: 'agent mode, edited' } });
  fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
  await waitFor(() => expect(document.activeElement).toBe(editButtonOf(notes, 'agent mode, edited')));

  fireEvent.click(editButtonOf(notes, 'agent mode, edited'));
  const cancel = within(notes).getByRole('button', { name: 'Cancel' });
  cancel.focus();
  fireEvent.click(cancel);
  await waitFor(() => expect(document.activeElement).toBe(editButtonOf(notes, 'agent mode, edited')));
});

test('a note let go by Cancel (deleted elsewhere) and brought back later by an Undo elsewhere leaves the focus in Search', async () => {
  const { db, note, notes } = await editingInLibrary();
  const deleted = await deleteNote(db, note);
  await within(notes).findByText('This note was deleted elsewhere while you edited it.', { exact: false });
  fireEvent.click(within(notes).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(within(notes).queryByText('agent mode')).toBeNull());
  const search = screen.getByRole('searchbox', { name: 'Search' });
  search.focus();

  await restoreDeleted(db, deleted!);
  await within(notes).findByText('agent mode');
  expect(document.activeElement).toBe(search);
});

test('Undo of a note’s delete gives the focus to the Edit button of the note brought back', async () => {
  const db = await kubeconLibrary();
  await addNote(db, 't_Pr0meTheus1', 'agent mode', 600);
  await renderLibrary(db);
  const row = rowOf('Evolving Prometheus for More Use Cases');
  fireEvent.click(within(row).getByRole('button', { name: 'Details' }));
  const notes = await within(row).findByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  const remove = within(within(notes).getByText('agent mode').closest('li')!).getByRole('button', { name: 'Delete note' });
  remove.focus();
  fireEvent.click(remove);
  await waitFor(() => expect(within(notes).queryByText('agent mode')).toBeNull());
  const undo = await screen.findByRole('button', { name: 'Undo' });
  undo.focus();
  fireEvent.click(undo);
  await waitFor(() => expect(status()).toBe('Note restored.'));
  await waitFor(() => expect(document.activeElement).toBe(editButtonOf(notes, 'agent mode')));
});
