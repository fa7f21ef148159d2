// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { kubeconLibrary, renderLibrary, status } from './library-harness';
import type { TalklogDb } from '../../src/db/database';
import { writeLibrary } from '../db/test-db';

afterEach(cleanup);

const bulkBar = () => within(screen.getByRole('region', { name: 'Selected talks' }));
const details = async (db: Awaited<ReturnType<typeof kubeconLibrary>>) =>
  (await db.talks.orderBy('id').toArray()).map((talk) => [talk.id, talk.event, talk.category, talk.status]);

test('every bulk change says what it changed and can be undone', async () => {
  const db = await kubeconLibrary();
  await renderLibrary(db);
  const before = await details(db);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));

  fireEvent.input(bulkBar().getByRole('combobox', { name: 'Event' }), { target: { value: 'KubeCon EU 2024' } });
  fireEvent.click(bulkBar().getByRole('button', { name: 'Set event' }));
  await waitFor(() => expect(status()).toBe('Event set to “KubeCon EU 2024” for 2 talks.'));
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(status()).toBe('Undone: Event set to “KubeCon EU 2024” for 2 talks.'));
  expect(await details(db)).toEqual(before);

  fireEvent.change(bulkBar().getByRole('combobox', { name: 'Status' }), { target: { value: 'watched' } });
  fireEvent.click(bulkBar().getByRole('button', { name: 'Set status' }));
  await waitFor(() => expect(status()).toBe('Status set to “Watched” for 2 talks.'));
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(status()).toMatch(/^Undone/));
  expect(await details(db)).toEqual(before);
});

test('Undo of a bulk change, gone with its button once used, leaves the focus on Search, not at the page’s start', async () => {
  await renderLibrary(await kubeconLibrary());
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
  fireEvent.input(bulkBar().getByRole('combobox', { name: 'Event' }), { target: { value: 'KubeCon EU 2024' } });
  fireEvent.click(bulkBar().getByRole('button', { name: 'Set event' }));
  await waitFor(() => expect(status()).toBe('Event set to “KubeCon EU 2024” for 2 talks.'));
  const undo = screen.getByRole('button', { name: 'Undo' });
  undo.focus();
  fireEvent.click(undo);
  await waitFor(() => expect(status()).toMatch(/^Undone/));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search' })));
});

test('an empty box never clears: clearing is its own button, and can be undone too', async () => {
  const db = await kubeconLibrary();
  await renderLibrary(db);
  const before = await details(db);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));

  const category = bulkBar().getByRole('combobox', { name: 'Category' });
  fireEvent.click(bulkBar().getByRole('button', { name: 'Set category' }));
  await waitFor(() => expect(bulkBar().getByRole('alert').textContent).toBe('Type a category to set, or choose Clear category.'));
  expect(category.getAttribute('aria-invalid')).toBe('true');
  expect(await details(db)).toEqual(before);

  fireEvent.click(bulkBar().getByRole('button', { name: 'Clear category' }));
  await waitFor(() => expect(status()).toBe('Category cleared for 2 talks.'));
  expect((await db.talks.toArray()).map((talk) => talk.category)).toEqual([null, null]);
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(async () => expect(await details(db)).toEqual(before));

  fireEvent.input(category, { target: { value: 'Metrics' } });
  await waitFor(() => expect(bulkBar().queryByRole('alert')).toBeNull());
  expect(category.getAttribute('aria-invalid')).toBeNull();
});

/** The two talks of the KubeCon library put in category "Talks" by the bulk bar, ready for its Undo. */
async function bothTalksInCategoryTalks(): Promise<TalklogDb> {
  const db = await kubeconLibrary();
  await renderLibrary(db);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
  fireEvent.input(bulkBar().getByRole('combobox', { name: 'Category' }), { target: { value: 'Talks' } });
  fireEvent.click(bulkBar().getByRole('button', { name: 'Set category' }));
  await waitFor(() => expect(status()).toBe('Category set to “Talks” for 2 talks.'));
  return db;
}

test('an undo leaves alone a talk changed again since', async () => {
  const db = await bothTalksInCategoryTalks();
  await writeLibrary(db, () => db.talks.update('t_Pr0meTheus1', { category: 'Edited since', updatedAt: '2030-01-01T00:00:00.000Z' }));
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(status()).toMatch(/^Undone/));
  expect(status()).toBe('Undone: Category set to “Talks” for 1 talk. Not undone, changed since: 1 talk.');
  expect((await db.talks.orderBy('id').toArray()).map((talk) => talk.category)).toEqual(['Standards', 'Edited since']);
});

test('an undo puts back the field it changed in a talk changed since only in another field, and counts it', async () => {
  const db = await bothTalksInCategoryTalks();
  await writeLibrary(db, () => db.talks.update('t_Pr0meTheus1', { interest: 1, updatedAt: '2030-01-01T00:00:00.000Z' }));
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(status()).toBe('Undone: Category set to “Talks” for 2 talks.'));
  expect((await db.talks.orderBy('id').toArray()).map((talk) => [talk.category, talk.interest])).toEqual([
    ['Standards', 5],
    ['Observability', 1],
  ]);
});
