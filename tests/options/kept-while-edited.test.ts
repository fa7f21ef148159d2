import { expect, test } from 'vitest';
import { keptWhileEdited } from '../../src/options/kept-while-edited';
import { filterEntries, libraryEntries, NO_FILTER } from '../../src/options/library-filter';
import { makeTalk } from '../export/records';

const sorted = libraryEntries(
  ['Talk0000001', 'Talk0000002', 'Talk0000003', 'Talk0000004'].map((videoId, at) => makeTalk(videoId, { status: at % 2 === 0 ? 'watched' : 'to-watch' })),
  [],
);
const ids = (entries: typeof sorted) => entries.map((entry) => entry.talk.videoId);
const toWatch = filterEntries(sorted, { ...NO_FILTER, status: 'to-watch' });

test('a talk edited in the list stays in its place when it stops matching', () => {
  expect(ids(toWatch)).toEqual(['Talk0000002', 'Talk0000004']);
  const edited = new Set([sorted[2].talk.id]);
  expect(ids(keptWhileEdited(toWatch, sorted, edited))).toEqual(['Talk0000002', 'Talk0000003', 'Talk0000004']);
});

test('the list is the one given when nothing edited is missing from it', () => {
  expect(keptWhileEdited(toWatch, sorted, new Set())).toBe(toWatch);
  expect(keptWhileEdited(toWatch, sorted, new Set([sorted[1].talk.id]))).toBe(toWatch);
  expect(keptWhileEdited(sorted, sorted, new Set([sorted[0].talk.id]))).toBe(sorted);
});

test('a talk no longer in the library is not kept', () => {
  expect(keptWhileEdited(toWatch, sorted, new Set(['gone']))).toBe(toWatch);
});
