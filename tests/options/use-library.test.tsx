// @vitest-environment happy-dom
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { updateTalkDetails } from '../../src/db/library';
import { useLibrary, type LibraryState } from '../../src/options/use-library';
import type { Talk } from '../../src/talk/model';
import { deleteTalks } from '../../src/db/deletion';
import { freshDb, numberedTalk, writeLibrary } from '../db/test-db';

afterEach(cleanup);

/** A talk whose key order (its video id) is not the order it was saved in. */
const talkNumber = (i: number, count: number, fields: Partial<Talk> = {}): Talk => ({
  ...numberedTalk(i, new Date(Date.UTC(2026, 0, 1, 0, (i * 37) % count))),
  ...fields,
});

/** The library as `useLibrary` gives it to the page, each time it changes. */
function followed(db: TalklogDb): { now: () => LibraryState } {
  let state: LibraryState | undefined;
  function Probe() {
    state = useLibrary(db);
    return null;
  }
  render(<Probe />);
  return { now: () => state! };
}

/** Every state `useLibrary` gives the page, in order, as it renders. */
function statesOf(db: TalklogDb): LibraryState[] {
  const seen: LibraryState[] = [];
  function Probe() {
    const state = useLibrary(db);
    if (seen.at(-1) !== state) seen.push(state);
    return null;
  }
  render(<Probe />);
  return seen;
}

test('the whole library comes newest first, though it is read in chunks in key order', async () => {
  const db = freshDb();
  const talks = Array.from({ length: 450 }, (_, i) => talkNumber(i, 450));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const library = followed(db);
  await waitFor(() => expect(library.now().complete).toBe(true));
  const createdAt = library.now().entries!.map((entry) => entry.talk.createdAt);
  expect(createdAt).toHaveLength(450);
  expect(createdAt).toEqual([...createdAt].sort().reverse());
});

test("the filters' events, categories and tags follow talks changed and deleted elsewhere", async () => {
  const db = freshDb();
  const talks = Array.from({ length: 120 }, (_, i) =>
    talkNumber(i, 120, { event: i % 2 ? 'KubeCon EU 2022' : 'KubeCon NA 2021', category: i === 7 ? 'Security' : null, tags: i === 3 ? ['sbom'] : [] }),
  );
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const library = followed(db);
  await waitFor(() => expect(library.now().complete).toBe(true));
  expect(library.now().facets).toEqual({ events: ['KubeCon EU 2022', 'KubeCon NA 2021'], categories: ['Security'], tags: ['sbom'] });
  await updateTalkDetails(db, talks[7].id, { category: 'Observability', tags: ['ebpf'] });
  await waitFor(() =>
    expect(library.now().facets).toEqual({ events: ['KubeCon EU 2022', 'KubeCon NA 2021'], categories: ['Observability'], tags: ['ebpf', 'sbom'] }),
  );
  await deleteTalks(db, [talks[3].id]);
  await waitFor(() => expect(library.now().facets.tags).toEqual(['ebpf']));
  expect(library.now().entries).toHaveLength(119);
});

test('a library read from nothing, as after an import into an empty one, shows its first screen before the whole of it', async () => {
  const db = freshDb();
  const seen = statesOf(db);
  await waitFor(() => expect(seen.at(-1)).toMatchObject({ entries: [], complete: true }));
  // Read whole in several chunks, a task or more each: read in two (120 talks), it was in before the first screen's
  // own task in one run of six on a busy machine.
  const talks = Array.from({ length: 1000 }, (_, i) => talkNumber(i, 1000));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  await waitFor(() => expect(seen.at(-1)!.entries).toHaveLength(1000));
  const newest = [...talks].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)).slice(0, 40);
  const firstScreen = seen.find((state) => state.entries?.length === 40);
  expect(firstScreen?.complete).toBe(false);
  // The empty library is not shown as such while its new talks are read: the page says it is opening them.
  const opening = seen.findIndex((state, i) => i > 0 && state.entries === undefined);
  expect(opening).toBeGreaterThan(0);
  expect(opening).toBeLessThan(seen.indexOf(firstScreen!));
  expect(seen.slice(opening).some((state) => state.entries?.length === 0)).toBe(false);
  expect(firstScreen?.entries!.map((entry) => entry.talk.id)).toEqual(newest.map((talk) => talk.id));
  expect(seen.at(-1)!.complete).toBe(true);
});

test('a library shown stays shown whole while a wide change is read again, with no first screen in between', async () => {
  const db = freshDb();
  await writeLibrary(db, () => db.talks.bulkAdd(Array.from({ length: 120 }, (_, i) => talkNumber(i, 200))));
  const seen = statesOf(db);
  await waitFor(() => expect(seen.at(-1)).toMatchObject({ complete: true }));
  const before = seen.length;
  await writeLibrary(db, () => db.talks.bulkAdd(Array.from({ length: 80 }, (_, i) => talkNumber(120 + i, 200))));
  await waitFor(() => expect(seen.at(-1)!.entries).toHaveLength(200));
  for (const state of seen.slice(before)) expect(state).toMatchObject({ complete: true });
});

test("the filters' choices come a task before the whole library, which is said to be newest first until a change", async () => {
  const db = freshDb();
  const talks = Array.from({ length: 120 }, (_, i) => talkNumber(i, 120, { event: i % 3 ? 'KubeCon EU 2022' : 'SREcon 2024' }));
  await writeLibrary(db, () => db.talks.bulkAdd(talks));
  const seen = statesOf(db);
  await waitFor(() => expect(seen.at(-1)).toMatchObject({ complete: true }));
  // The Export button comes with the whole library: a log begun at once names the events of the choices.
  const choices = seen.findIndex((state) => state.facets.events.length > 0);
  expect(seen[choices]).toMatchObject({ complete: false, facets: { events: ['KubeCon EU 2022', 'SREcon 2024'] } });
  expect(seen[choices].entries).toHaveLength(40);
  expect(seen.findIndex((state) => state.complete)).toBe(choices + 1);
  expect(seen.at(-1)!.newestFirst).toBe(true);
  expect(seen.filter((state) => state.newestFirst).every((state) => state.complete)).toBe(true);

  // A talk clipped now is newest, but comes last: the page looks along them again.
  await writeLibrary(db, () => db.talks.add(talkNumber(500, 120, { createdAt: '2027-01-01T00:00:00.000Z' })));
  await waitFor(() => expect(seen.at(-1)!.entries).toHaveLength(121));
  expect(seen.at(-1)!.newestFirst).toBe(false);
});
