import { expect, test } from 'vitest';
import { keptWhileEdited, type RowEdit } from '../../src/options/kept-while-edited';
import { filterEntries, libraryEntries, NO_FILTER } from '../../src/options/library-filter';
import { makeTalk } from '../export/records';

const sorted = libraryEntries(
  ['Talk0000001', 'Talk0000002', 'Talk0000003', 'Talk0000004'].map((videoId, at) => makeTalk(videoId, { status: at % 2 === 0 ? 'watched' : 'to-watch' })),
  [],
);
const ids = (entries: typeof sorted) => entries.map((entry) => entry.talk.videoId);
const toWatch = filterEntries(sorted, { ...NO_FILTER, status: 'to-watch' });
const edits = (...edited: [number, RowEdit][]) => new Map(edited.map(([at, edit]) => [sorted[at].talk.id, edit]));

test('a talk edited in the list stays in its place when it stops matching', () => {
  expect(ids(toWatch)).toEqual(['Talk0000002', 'Talk0000004']);
  expect(ids(keptWhileEdited(toWatch, sorted, edits([2, 'open']), toWatch))).toEqual(['Talk0000002', 'Talk0000003', 'Talk0000004']);
});

test('the list is the one given when nothing edited is missing from it', () => {
  expect(keptWhileEdited(toWatch, sorted, new Map(), toWatch)).toBe(toWatch);
  expect(keptWhileEdited(toWatch, sorted, edits([1, 'open']), toWatch)).toBe(toWatch);
  expect(keptWhileEdited(sorted, sorted, edits([0, 'note']), sorted)).toBe(sorted);
});

test('an open row of a talk no longer in the library is not kept', () => {
  const rest = sorted.slice(1);
  expect(keptWhileEdited(rest, rest, edits([0, 'open']), sorted)).toBe(rest);
  expect(keptWhileEdited(toWatch, sorted, new Map([['gone', 'open']]), toWatch)).toBe(toWatch);
});

test('a talk deleted elsewhere while one of its notes is edited stays where it was, marked deleted, then while its row is open', () => {
  const rest = [sorted[0], sorted[2], sorted[3]];
  const kept = keptWhileEdited(rest, rest, edits([1, 'note']), sorted);
  expect(ids(kept)).toEqual(['Talk0000001', 'Talk0000002', 'Talk0000003', 'Talk0000004']);
  expect(kept.map((entry) => entry.deleted === true)).toEqual([false, true, false, false]);
  // The edit saved: the row is open still, until the library's update brings the talk back.
  const open = keptWhileEdited(rest, rest, edits([1, 'open']), kept);
  expect(open[1]).toBe(kept[1]);
  expect(keptWhileEdited(rest, rest, new Map(), open)).toBe(rest);
});
