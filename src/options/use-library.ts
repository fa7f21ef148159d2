import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { followLibrary, nextTask, type LibraryFollowing } from '../db/library-feed';
import { FacetTally, NO_FACETS, type LibraryFacets } from './facet-tally';
import { compareEntries, libraryEntry, sortEntries, type LibraryEntry } from './library-filter';
import { SearchVocabulary } from './search-vocabulary';
import { aSliceATask } from './idle-steps';
import { SortedRuns } from './sorted-runs';

/** How many of the newest talks the first screen shows before the whole library is read. */
const FIRST_SCREEN = 40;

/** Talks compared, or mapped, a task as a library read is taken in (`takeIn`): a few milliseconds at most. */
const TAKE_IN_SLICE = 5000;

/** The order the library is kept in: the page's first sort, so that sorting it there is one pass. */
const NEWEST_FIRST = compareEntries('newest');

export interface LibraryState {
  /** Every talk, newest first, or nearly (a talk changed since may be out of place); until `complete`, only the newest. Undefined before the first read, and for a task when talks come into an empty library (its welcome taken down first). */
  entries: LibraryEntry[] | undefined;
  /** Whether `entries` is the whole library. */
  complete: boolean;
  /** Whether `entries` are exactly newest first, as read (a talk changed since may be out of place): no look along them is needed. */
  newestFirst: boolean;
  /** The events, categories and tags in use, for the filters; none until `complete`. */
  facets: LibraryFacets;
  error: unknown;
}

export interface Library extends LibraryState {
  /** Resolves once what was written before is in `entries` (given to the page to draw), or the library could not be read. */
  caughtUp: () => Promise<void>;
}

/**
 * The library as the page shows it: its first screen at once, all of it a moment later, then kept
 * current talk by talk as it changes here or in any other page of the extension. Notes are read
 * chunk by chunk into each talk's search words and count, then let go: rows read their own. What
 * the whole library costs to order and to tally is paid chunk by chunk too, not when it is shown.
 */
export function useLibrary(db: TalklogDb): Library {
  const [state, setState] = useState<LibraryState>({ entries: undefined, complete: false, newestFirst: false, facets: NO_FACETS, error: undefined });
  const following = useRef<LibraryFollowing | null>(null);
  const caughtUp = useCallback(() => following.current?.caughtUp() ?? Promise.resolve(), []);
  // A layout effect starts reading as soon as the page is in the DOM, not a frame later.
  useLayoutEffect(() => {
    /** The library shown, newest first (changed talks keep their place, new ones come last). */
    let byTalk = new Map<string, LibraryEntry>();
    let facets = new FacetTally();
    /** The library being read, newest first. */
    let building = new SortedRuns(NEWEST_FIRST);
    let buildingFacets = new FacetTally();
    let vocabulary = new SearchVocabulary();
    let stopped = false;
    /** Whether the page shows any talk: the first screen's, or the library's. */
    let shownAny = false;
    /** Whether the page shows the library empty (its welcome). */
    let shownEmpty = false;
    /** Shows the library; `newestFirst`: as read, in `byTalk`'s order, with no change since. */
    const publish = (newestFirst: boolean) => {
      shownAny = byTalk.size > 0;
      shownEmpty = !shownAny;
      setState({ entries: [...byTalk.values()], complete: true, newestFirst, facets: facets.facets(), error: undefined });
    };
    const follow = (following.current = followLibrary(db, FIRST_SCREEN, {
      // The first screen is shown unfiltered and its notes are not read: each row has its count; its
      // notes' words (and whether one holds text, for the export) come with the whole library. Read
      // again after a reset: a page that shows no talk (a backup imported into an empty library) shows
      // the newest at once, as when it opens, rather than an empty library until all is read; a page
      // that shows talks keeps them until the whole library is read again.
      first: async (firstTalks, noteCounts) => {
        if (shownAny) return;
        if (firstTalks.length > 0 && shownEmpty) {
          // The welcome of an empty library is taken down in a task of its own, the page then saying it
          // opens the library as when it opens: drawn with the first screen, it made that task 10-15 ms
          // longer.
          setState((previous) => ({ ...previous, entries: undefined, complete: false, newestFirst: false }));
          await nextTask();
          if (stopped) return;
        }
        shownAny = firstTalks.length > 0;
        setState((previous) => ({
          ...previous,
          entries: firstTalks.map((talk, i) => ({ ...libraryEntry(talk, [], vocabulary), noteCount: noteCounts[i] })),
          complete: false,
          newestFirst: false,
        }));
      },
      chunk: (talks, notes) => {
        const entries = talks.map((talk, i) => libraryEntry(talk, notes[i], vocabulary));
        for (const talk of talks) buildingFacets.add(talk);
        building.add(sortEntries(entries, 'newest'));
      },
      reset: () => {
        building = new SortedRuns(NEWEST_FIRST);
        buildingFacets = new FacetTally();
        // Words no talk holds any more are dropped when everything is read again.
        vocabulary = new SearchVocabulary();
      },
      // Taken in over several tasks, each a few milliseconds at 20,000 talks, where the last reply of the read
      // merged them and mapped them, then drew them (25-35 ms, then 40-46): the last merges and the map of every
      // talk a slice a task; then the filters' choices; then the list.
      loaded: async () => {
        const taken = await aSliceATask(takeIn(building), () => stopped);
        if (taken === null) return;
        byTalk = taken;
        facets = buildingFacets;
        building = new SortedRuns(NEWEST_FIRST);
        buildingFacets = new FacetTally();
        // Before the list: the Export button comes with it, and a log begun then names the library's events.
        setState((previous) => ({ ...previous, facets: facets.facets() }));
        await nextTask();
        if (stopped) return;
        publish(true);
      },
      // Many talks changed at once come in parts: shown once all are taken in, as one change.
      changed: (change, more) => {
        const forget = (talkId: string) => {
          const entry = byTalk.get(talkId);
          if (entry) facets.remove(entry.talk);
        };
        for (const id of change.removedTalkIds) {
          forget(id);
          byTalk.delete(id);
        }
        change.talks.forEach((talk, i) => {
          forget(talk.id);
          facets.add(talk);
          byTalk.set(talk.id, libraryEntry(talk, change.notes[i], vocabulary));
        });
        if (!more) publish(false);
      },
      error: (error) => setState((previous) => ({ ...previous, error })),
    }));
    return () => {
      stopped = true;
      follow.stop();
    };
  }, [db]);
  return { ...state, caughtUp };
}

/** The talks read, newest first, by id: the last merges, then the map, `TAKE_IN_SLICE` talks a slice. */
function* takeIn(read: SortedRuns<LibraryEntry>): Generator<void, Map<string, LibraryEntry>> {
  const whole = yield* read.allInSlices(TAKE_IN_SLICE);
  const byTalk = new Map<string, LibraryEntry>();
  for (let at = 0; at < whole.length; at++) {
    byTalk.set(whole[at].talk.id, whole[at]);
    if ((at + 1) % TAKE_IN_SLICE === 0) yield;
  }
  return byTalk;
}
