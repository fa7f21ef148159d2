// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { libraryEntries, sortEntries, type LibraryEntry, type SortOrder } from '../../src/options/library-filter';
import { SORT_STEP } from '../../src/options/sorted-runs';
import { useSortedEntries } from '../../src/options/use-sorted-entries';
import { makeTalk } from '../export/records';

/** Talks newest first (as the library keeps them), whose titles are in no order of theirs. */
function library(count: number): LibraryEntry[] {
  const talks = Array.from({ length: count }, (_, i) =>
    makeTalk(`Talk${String(i).padStart(7, '0')}`, {
      title: `Talk ${(i * 7919) % count}`,
      createdAt: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    }),
  );
  return libraryEntries(talks, []);
}

/** The steps scheduled, run by the test when it says. */
function manualSteps() {
  let steps: (() => boolean)[] = [];
  return {
    schedule: (step: () => boolean) => void steps.push(step),
    count: () => steps.length,
    runAll: () => {
      const now = steps;
      steps = [];
      for (const step of now) while (!step());
    },
  };
}

afterEach(cleanup);

const ids = (entries: LibraryEntry[] | undefined) => entries?.map((entry) => entry.talk.id);

test('a whole library put in a new order is sorted in steps, and shown in its old order until then', async () => {
  const entries = library(3 * SORT_STEP);
  const steps = manualSteps();
  const { result, rerender } = renderHook(({ sort }: { sort: SortOrder }) => useSortedEntries(entries, sort, null, steps.schedule), {
    initialProps: { sort: 'newest' },
  });
  expect(ids(result.current.sorted)).toEqual(ids(entries));
  expect(result.current.sorting).toBe(false);
  expect(steps.count()).toBe(0);

  rerender({ sort: 'title' });
  // Not sorted in the task that asked for it: the list stays as it was, and says it is sorting.
  expect(ids(result.current.sorted)).toEqual(ids(entries));
  expect(result.current.sorting).toBe(true);
  expect(steps.count()).toBe(1);
  act(() => steps.runAll());
  await waitFor(() => expect(ids(result.current.sorted)).toEqual(ids(sortEntries(entries, 'title'))));
  expect(result.current.sorting).toBe(false);
});

test('a change to a library in order is placed at once, without sorting it again in steps', async () => {
  const entries = library(3 * SORT_STEP);
  const steps = manualSteps();
  const { result, rerender } = renderHook(({ list }: { list: LibraryEntry[] }) => useSortedEntries(list, 'title', null, steps.schedule), {
    initialProps: { list: entries },
  });
  act(() => steps.runAll());
  await waitFor(() => expect(ids(result.current.sorted)).toEqual(ids(sortEntries(entries, 'title'))));
  // A talk renamed elsewhere, and one deleted: a new list of entries, in the library's own order.
  const [renamed] = libraryEntries([{ ...entries[5].talk, title: 'Talk 0 first' }], []);
  const changed = [...entries.slice(0, 5), renamed, ...entries.slice(7)];
  rerender({ list: changed });
  expect(steps.count()).toBe(0);
  expect(ids(result.current.sorted)).toEqual(ids(sortEntries(changed, 'title')));
  expect(result.current.sorting).toBe(false);
});

test('a small library is sorted at once', () => {
  const entries = library(50);
  const steps = manualSteps();
  const { result } = renderHook(() => useSortedEntries(entries, 'title', null, steps.schedule));
  expect(steps.count()).toBe(0);
  expect(ids(result.current.sorted)).toEqual(ids(sortEntries(entries, 'title')));
  expect(result.current.sorting).toBe(false);
});

test('entries known to be in the order asked for are shown as they are, not looked along again', () => {
  const entries = library(50);
  // Said to be newest first, which they are not: taken at their word.
  const shuffled = [...entries].reverse();
  const known = renderHook(() => useSortedEntries(shuffled, 'newest', 'newest'));
  expect(known.result.current).toEqual({ sorted: shuffled, sorting: false });
  // Known in another order, or not known: put in order.
  expect(ids(renderHook(() => useSortedEntries(shuffled, 'newest', 'title')).result.current.sorted)).toEqual(ids(entries));
  expect(ids(renderHook(() => useSortedEntries(shuffled, 'newest')).result.current.sorted)).toEqual(ids(entries));
});
