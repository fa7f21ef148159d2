import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { nextTask } from '../db/library-feed';
import { inIdleSteps } from './idle-steps';
import { compareEntries, sortEntries, type LibraryEntry, type SortOrder } from './library-filter';
import { SORT_STEP, sortInSteps } from './sorted-runs';

/** Entries and the order they were put in. */
interface Ordered {
  entries: LibraryEntry[];
  sort: SortOrder;
  sorted: LibraryEntry[];
}

/**
 * `entries` in `sort`'s order at once when that is about a pass over them: few of them, the order the
 * library is kept in (newest first), or the order they were last given in with few talks new to it
 * (a live change); null when they are to be sorted in steps. Entries known to be in `sort`'s order
 * (`sortedBy`) come back as they are.
 */
export function sortedAtOnce(entries: LibraryEntry[], sort: SortOrder, last: Ordered | null, sortedBy: SortOrder | null = null): LibraryEntry[] | null {
  if (sortedBy === sort) return entries;
  if (sort === 'newest' || entries.length <= SORT_STEP) return sortEntries(entries, sort);
  if (last?.sort !== sort) return null;
  const byId = new Map(entries.map((entry) => [entry.talk.id, entry]));
  const placed: LibraryEntry[] = [];
  for (const { talk } of last.sorted) {
    const entry = byId.get(talk.id);
    if (!entry) continue;
    placed.push(entry);
    byId.delete(talk.id);
  }
  if (byId.size > SORT_STEP) return null;
  // The sort finds the runs already in order and merges the few talks new to it in.
  return [...placed, ...byId.values()].sort(compareEntries(sort));
}

/** The entries to show, and whether they are still being put in the order asked for. */
export interface SortedEntries {
  sorted: LibraryEntry[] | undefined;
  sorting: boolean;
}

/**
 * The entries in `sort`'s order. A whole library in an order it is not near (a title sort of 20,000
 * talks, a hundred milliseconds of collation) is sorted in steps between frames and keystrokes; until
 * it is, the list keeps the order it was last shown in, and says it is sorting. `sortedBy`: the order
 * `entries` are known to be in, if any (the library as read is newest first: not looked along again).
 */
export function useSortedEntries(
  entries: LibraryEntry[] | undefined,
  sort: SortOrder,
  sortedBy: SortOrder | null = null,
  schedule: (step: () => boolean) => void = inIdleSteps,
): SortedEntries {
  /** The order last given out, to place changed entries in. */
  const last = useRef<Ordered | null>(null);
  const [stepped, setStepped] = useState<Ordered | null>(null);
  const ordered = useMemo(() => {
    if (!entries) return undefined;
    if (stepped?.entries === entries && stepped.sort === sort) return stepped;
    const sorted = sortedAtOnce(entries, sort, last.current, sortedBy);
    return sorted && { entries, sort, sorted };
  }, [entries, sort, sortedBy, stepped]);
  useEffect(() => {
    if (ordered !== null || !entries) return;
    let stopped = false;
    const stop = sortInSteps(entries, compareEntries(sort), schedule, (sorted) => {
      // Drawn in a task of its own: the last merge and the drawing each take a good part of a frame.
      void nextTask().then(() => stopped || setStepped({ entries, sort, sorted }));
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [ordered, entries, sort, schedule]);
  useLayoutEffect(() => {
    if (ordered) last.current = ordered;
  }, [ordered]);
  return ordered === null ? { sorted: last.current?.sorted ?? entries, sorting: true } : { sorted: ordered?.sorted, sorting: false };
}
