// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { addNote } from '../../src/db/notes';
import { saveSyncedTalk } from '../../src/db/sync-store';
import { getTalk } from '../../src/db/talks';
import { mergeTalk } from '../../src/sync/merge';
import { fakeEnvironment, kubeconLibrary, renderLibrary, rowOf } from './library-harness';

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
