import { expect, test } from 'vitest';
import { markWatchedOnClose, markWatchedOnLeave, rememberTabAtTheEnd, type SessionArea } from '../../src/background/watched-on-close';
import { clipTalk, getTalk } from '../../src/db/talks';
import { capturedTalk, freshDb } from '../db/test-db';

/** `storage.session` as a map: it holds strings and forgets nothing by itself. */
function sessionArea(): SessionArea & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (more) => Object.entries(more).forEach(([key, value]) => items.set(key, structuredClone(value))),
    remove: async (key) => void items.delete(key),
  };
}

async function libraryOf(...videoIds: string[]) {
  const db = freshDb();
  for (const videoId of videoIds) await clipTalk(db, capturedTalk({ videoId }), new Date('2026-12-01T10:00:00.000Z'));
  return db;
}

const statusOf = async (db: Awaited<ReturnType<typeof libraryOf>>, videoId: string) => (await getTalk(db, `t_${videoId}`))?.status;

test('a tab closed with its player at the end of a talk marks that talk watched, once', async () => {
  const db = await libraryOf('Pr0meTheus1', 'OpenMetr1cs');
  const session = sessionArea();
  await rememberTabAtTheEnd(session, 7, 'Pr0meTheus1');
  expect(await markWatchedOnClose(db, session, 8)).toBe(false);
  expect(await statusOf(db, 'Pr0meTheus1')).toBe('watching');

  expect(await markWatchedOnClose(db, session, 7)).toBe(true);
  expect(await statusOf(db, 'Pr0meTheus1')).toBe('watched');
  expect(await statusOf(db, 'OpenMetr1cs')).toBe('watching');
  expect(session.items.size).toBe(0);
});

test('a player moved back before 90 %, or on to another talk, leaves the earlier talk as it was', async () => {
  const db = await libraryOf('Pr0meTheus1', 'OpenMetr1cs');
  const session = sessionArea();
  await rememberTabAtTheEnd(session, 7, 'Pr0meTheus1');
  await rememberTabAtTheEnd(session, 7, null);
  expect(await markWatchedOnClose(db, session, 7)).toBe(false);

  await rememberTabAtTheEnd(session, 9, 'Pr0meTheus1');
  await rememberTabAtTheEnd(session, 9, 'OpenMetr1cs');
  expect(await markWatchedOnClose(db, session, 9)).toBe(true);
  expect(await statusOf(db, 'Pr0meTheus1')).toBe('watching');
  expect(await statusOf(db, 'OpenMetr1cs')).toBe('watched');
});

test('a talk its tab says was left at the end is watched then, and the tab closed later brings nothing more', async () => {
  const db = await libraryOf('Pr0meTheus1');
  const session = sessionArea();
  await rememberTabAtTheEnd(session, 7, 'Pr0meTheus1');
  expect(await markWatchedOnLeave(db, session, 'Pr0meTheus1', 7)).toBe(true);
  expect(await statusOf(db, 'Pr0meTheus1')).toBe('watched');
  expect(session.items.size).toBe(0);
  expect(await markWatchedOnClose(db, session, 7)).toBe(false);
});
