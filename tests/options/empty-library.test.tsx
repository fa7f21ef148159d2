// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { allNotes } from '../../src/db/notes';
import { afterEach, expect, test } from 'vitest';
import { createBackup, serializeBackup } from '../../src/export/backup';
import { LibraryApp } from '../../src/options/LibraryApp';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { freshDb } from '../db/test-db';
import { fakeEnvironment, kubeconLibrary, NOW } from './library-harness';

afterEach(cleanup);

test('an empty library welcomes: how to clip a first talk, and Import backup; no filters, no export; the import hands the focus to Search', async () => {
  const shortcuts = [{ name: 'clip-talk', description: 'Clip the talk in this tab', keys: 'Alt+Shift+K' }];
  render(
    <LibraryApp
      db={freshDb()}
      env={fakeEnvironment().env}
      settings={{ initial: DEFAULT_SETTINGS, save: async () => {}, shortcuts, openShortcutSettings: () => {} }}
    />,
  );
  const welcome = await screen.findByRole('region', { name: 'Welcome to Talklog' });
  expect(welcome.textContent).toContain('Alt+Shift+K');
  expect(screen.queryByRole('search')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Export markdown' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Export backup' })).toBeNull();
  expect(screen.queryByText(/0 talks/)).toBeNull();

  const source = await kubeconLibrary();
  const text = serializeBackup(createBackup(await source.talks.toArray(), await allNotes(source), NOW));
  const input = screen.getByLabelText('Import backup') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'talklog-backup.json', { type: 'application/json' })] });
  input.focus();
  fireEvent.change(input);
  await screen.findByRole('list', { name: 'Talks' });
  await waitFor(() => expect(screen.queryByRole('region', { name: 'Welcome to Talklog' })).toBeNull());
  expect(screen.getByRole('search', { name: 'Find talks' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Export markdown' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe('Imported talklog-backup.json: 2 talks added, 2 notes added.');
  // The welcome went with the focused Import backup.
  expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' }));
});
