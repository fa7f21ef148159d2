// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { addNote } from '../../src/db/notes';
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
  const notes = within(row).getByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
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
  const notes = within(row).getByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' });
  await waitFor(() => expect([...notes.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['sample_limit']));
});
