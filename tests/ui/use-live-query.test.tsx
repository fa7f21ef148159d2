// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { clipTalk } from '../../src/db/talks';
import type { Talk } from '../../src/talk/model';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { capturedTalk, freshDb, writeLibrary } from '../db/test-db';
import { holdFramesAndIdle } from './held-clock';

let clock: ReturnType<typeof holdFramesAndIdle> | undefined;
afterEach(() => {
  cleanup();
  clock?.restore();
  clock = undefined;
});

function Title({ query, first, drawn }: { query: () => Promise<Talk | undefined>; first?: Talk; drawn: string[] }) {
  const talk = useLiveQuery(query, [query], first).value;
  drawn.push(talk?.title ?? 'nothing');
  return <p>{talk?.title ?? 'nothing'}</p>;
}

async function talkInLibrary(db: TalklogDb): Promise<Talk> {
  return clipTalk(db, capturedTalk());
}

test('a value in hand is not drawn again when the first answer reads the same, and later writes still show', async () => {
  const db = freshDb();
  const talk = await talkInLibrary(db);
  const query = vi.fn<() => Promise<Talk | undefined>>(() => db.talks.get(talk.id));
  const drawn: string[] = [];
  render(<Title query={query} first={talk} drawn={drawn} />);
  expect(screen.getByText(talk.title)).toBeTruthy();
  // The watch's first read has answered (Dexie hands it on before this test's await resumes).
  await vi.waitFor(() => expect(query).toHaveBeenCalled());
  await query.mock.results[0]!.value;
  await writeLibrary(db, () => db.talks.update(talk.id, { title: 'Renamed elsewhere' }));
  expect(await screen.findByText('Renamed elsewhere')).toBeTruthy();
  expect(drawn).toEqual([talk.title, 'Renamed elsewhere']);
});

test('a value in hand that the first answer finds changed is drawn again with what was read', async () => {
  const db = freshDb();
  const talk = await talkInLibrary(db);
  const drawn: string[] = [];
  render(<Title query={() => db.talks.get(talk.id)} first={{ ...talk, title: 'As read a moment ago' }} drawn={drawn} />);
  expect(await screen.findByText(talk.title)).toBeTruthy();
  expect(drawn).toEqual(['As read a moment ago', talk.title]);
});

test('without a value in hand the first answer is drawn', async () => {
  const db = freshDb();
  const talk = await talkInLibrary(db);
  const drawn: string[] = [];
  render(<Title query={() => db.talks.get(talk.id)} drawn={drawn} />);
  expect(await screen.findByText(talk.title)).toBeTruthy();
  expect(drawn).toEqual(['nothing', talk.title]);
});

test('a value in hand is watched once the page is painted and idle, and a write made before then is drawn', async () => {
  clock = holdFramesAndIdle();
  const db = freshDb();
  const talk = await talkInLibrary(db);
  const query = vi.fn<() => Promise<Talk | undefined>>(() => db.talks.get(talk.id));
  const drawn: string[] = [];
  render(<Title query={query} first={talk} drawn={drawn} />);
  // Dexie starts a watch's first read in a task of its own: it would have run by now.
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(query).not.toHaveBeenCalled();
  // Another page writes between the read that gave the value in hand and the watch.
  await writeLibrary(db, () => db.talks.update(talk.id, { title: 'Renamed before the watch' }));
  clock.paint();
  clock.idle();
  expect(await screen.findByText('Renamed before the watch')).toBeTruthy();
  expect(drawn).toEqual([talk.title, 'Renamed before the watch']);
  await writeLibrary(db, () => db.talks.update(talk.id, { title: 'Renamed after' }));
  expect(await screen.findByText('Renamed after')).toBeTruthy();
});
