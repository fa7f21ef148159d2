// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { kubeconLibrary, renderLibrary, status } from './library-harness';
import type { TalklogDb } from '../../src/db/database';
import { freshDb, numberedTalk, writeLibrary } from '../db/test-db';

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

/** How many talks the list shows: none when there is no list (an empty library's welcome). */
function talksListed(): number {
  const list = screen.queryByRole('list', { name: 'Talks' });
  return list ? within(list).queryAllByRole('heading', { level: 2 }).length : 0;
}

/** What the page shows: how many talks its list does, and whether it says the library is empty (its welcome). */
interface Shown {
  listed: number;
  empty: boolean;
}

/** Each status the page said, with what it showed as it said it, both as they were in one change of the page; and what it showed after. */
function watchStatusAndList(): { said: (Shown & { status: string })[]; stop: () => void } {
  const said: (Shown & { status: string })[] = [];
  const observer = new MutationObserver(() => {
    const now = { status: status() ?? '', listed: talksListed(), empty: screen.queryByRole('heading', { name: 'Welcome to Talklog' }) !== null };
    const last = said.at(-1);
    if (last?.status !== now.status || last.listed !== now.listed || last.empty !== now.empty) said.push(now);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

test('a delete of many talks says Deleted once the list shows them gone, and its Undo says Restored once the page has them back', async () => {
  const db = freshDb();
  // More than a write's part (deletion.ts) and a change's first part (library-feed.ts): followed in parts.
  await writeLibrary(db, () => db.talks.bulkAdd(Array.from({ length: 120 }, (_, i) => numberedTalk(i, new Date(Date.UTC(2026, 0, 1, 0, i))))));
  await renderLibrary(db);
  fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
  const watch = watchStatusAndList();
  try {
    fireEvent.click(bulkBar().getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(status()).toMatch(/^Deleted 120 talks/));
    await waitFor(() => expect(talksListed()).toBe(0));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(status()).toMatch(/^Restored 120 talks/));
    await waitFor(() => expect(talksListed()).toBeGreaterThan(0));
  } finally {
    watch.stop();
  }
  const deleted = watch.said.findIndex((each) => each.status.startsWith('Deleted'));
  expect.soft(watch.said[deleted]).toEqual({ status: 'Deleted 120 talks and 0 notes.', listed: 0, empty: true });
  // Talks that come into an emptied page are drawn a few rows a frame (TalkList): said with the first of those frames,
  // the page no longer empty, and listed in the next ones with nothing else said.
  const restored = watch.said.findIndex((each) => each.status.startsWith('Restored'));
  expect(watch.said[restored]).toMatchObject({ empty: false });
  expect(watch.said.slice(restored).every((each) => each.status === 'Restored 120 talks and 0 notes.' && !each.empty)).toBe(true);
});
