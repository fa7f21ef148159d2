import { expect, test } from 'vitest';
import { followActiveTabBadge, type BadgeBrowser } from '../../src/background/badge';
import { addNote } from '../../src/db/notes';
import { clipTalk } from '../../src/db/talks';
import { capturedTalk, freshDb } from '../db/test-db';

const TAB = 3;

/** The toolbar button's text per tab, and the timers a worker has pending (run by hand). */
function toolbar(active: { id?: number; url?: string } = { id: TAB, url: 'https://www.youtube.com/watch?v=Pr0meTheus1' }) {
  const state = { active, text: new Map<number, string>(), timers: [] as (() => void)[], changed: [] as (() => void)[] };
  const browser: BadgeBrowser = {
    activeTab: async () => state.active,
    onActiveTabChanged: (listener) => void state.changed.push(listener),
    setBadge: async (tabId, text) => void state.text.set(tabId, text),
    after: (_ms, callback) => void state.timers.push(callback),
  };
  return { state, browser, textOf: (tabId: number) => state.text.get(tabId) };
}

async function talkWithNotes(count: number) {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  for (let i = 0; i < count; i++) await addNote(db, talk.id, `note ${i}`, i);
  return { db, talk };
}

test('shows the number of notes of the talk in the active tab, live', async () => {
  const { db, talk } = await talkWithNotes(2);
  const bar = toolbar();
  followActiveTabBadge(db, bar.browser);
  await expect.poll(() => bar.textOf(TAB)).toBe('2');
  await addNote(db, talk.id, 'one more', 30);
  await expect.poll(() => bar.textOf(TAB)).toBe('3');
});

test('a tab without a talk shows no count, and switching tabs counts for the new one', async () => {
  const { db } = await talkWithNotes(1);
  const bar = toolbar({ id: 9, url: 'https://example.org/' });
  followActiveTabBadge(db, bar.browser);
  await expect.poll(() => bar.textOf(9)).toBe('');
  bar.state.active = { id: TAB, url: 'https://www.youtube.com/watch?v=Pr0meTheus1&t=10s' };
  for (const listener of bar.state.changed) listener();
  await expect.poll(() => bar.textOf(TAB)).toBe('1');
});

test('a sign after a clip gives way to the count when its time is up', async () => {
  const { db } = await talkWithNotes(1);
  const bar = toolbar();
  const badge = followActiveTabBadge(db, bar.browser);
  await expect.poll(() => bar.textOf(TAB)).toBe('1');
  await badge.flash(TAB, 'clipped');
  expect(bar.textOf(TAB)).toBe('✓');
  for (const timer of bar.state.timers.splice(0)) timer();
  await expect.poll(() => bar.textOf(TAB)).toBe('1');
});

test('a ✓ left by a worker stopped before its timer goes when a worker runs again', async () => {
  const { db } = await talkWithNotes(1);
  const bar = toolbar();
  const stopped = followActiveTabBadge(db, bar.browser);
  await expect.poll(() => bar.textOf(TAB)).toBe('1');
  await stopped.flash(TAB, 'clipped');
  bar.state.timers.length = 0; // the worker stopped: its timer never runs
  expect(bar.textOf(TAB)).toBe('✓');

  // The page's confirmation going away wakes a new worker (a message), which counts at once.
  followActiveTabBadge(db, bar.browser);
  await expect.poll(() => bar.textOf(TAB)).toBe('1');
});
