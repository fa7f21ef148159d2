import { useLayoutEffect, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { followLibrary } from '../db/library-feed';
import type { Note, Talk } from '../talk/model';
import { groupNotesByTalk, libraryEntries, libraryEntry, type LibraryEntry } from './library-filter';

/** How many of the newest talks the first screen shows before the whole library is read. */
const FIRST_SCREEN = 40;
/** Talks turned into entries at a time between paints while the library loads. */
const BUILD_SLICE = 1000;

export interface LibraryState {
  /** Every talk with its notes; until `complete`, only the newest. Undefined before the first read. */
  entries: LibraryEntry[] | undefined;
  /** Whether `entries` is the whole library. */
  complete: boolean;
  error: unknown;
}

/**
 * The library as the page shows it: its first screen at once, all of it a moment later, then kept
 * current talk by talk as it changes here or in any other page of the extension.
 */
export function useLibrary(db: TalklogDb): LibraryState {
  const [state, setState] = useState<LibraryState>({ entries: undefined, complete: false, error: undefined });
  // A layout effect starts reading as soon as the page is in the DOM, not a frame later.
  useLayoutEffect(() => {
    let byTalk = new Map<string, LibraryEntry>();
    let talks: Talk[] = [];
    let notes: Note[] = [];
    let stopped = false;
    const publish = () => setState({ entries: [...byTalk.values()], complete: true, error: undefined });
    const stop = followLibrary(db, FIRST_SCREEN, {
      first: (firstTalks, firstNotes) => setState((previous) => ({ ...previous, entries: libraryEntries(firstTalks, firstNotes) })),
      chunk: (moreTalks, moreNotes) => {
        talks.push(...moreTalks);
        notes.push(...moreNotes);
      },
      reset: () => {
        talks = [];
        notes = [];
      },
      loaded: async () => {
        const notesByTalk = groupNotesByTalk(notes);
        const built = new Map<string, LibraryEntry>();
        for (let start = 0; start < talks.length; start += BUILD_SLICE) {
          for (const talk of talks.slice(start, start + BUILD_SLICE)) built.set(talk.id, libraryEntry(talk, notesByTalk.get(talk.id) ?? []));
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (stopped) return;
        }
        talks = [];
        notes = [];
        byTalk = built;
        publish();
      },
      changed: (change) => {
        for (const id of change.removedTalkIds) byTalk.delete(id);
        const notesByTalk = groupNotesByTalk(change.notes);
        for (const talk of change.talks) byTalk.set(talk.id, libraryEntry(talk, notesByTalk.get(talk.id) ?? []));
        publish();
      },
      talkOfNote: (noteId) => {
        for (const entry of byTalk.values()) if (entry.notes.some((note) => note.id === noteId)) return entry.talk.id;
        return undefined;
      },
      error: (error) => setState((previous) => ({ ...previous, error })),
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [db]);
  return state;
}
