import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { notesForTalks } from '../db/notes';
import type { Note } from '../talk/model';
import { matchesInNotes, type LibraryEntry } from './library-filter';

/** Talks whose notes are kept once read: a few screenfuls of rows, so scrolling back or typing on reads nothing. */
const KEPT = 200;

/**
 * The notes of the rows drawn, read when a row needs them (opened, or a search to show where it
 * matched), all rows asking at once in one read, and kept for the last few hundred talks. The page
 * never holds every note of the library.
 */
class DrawnNotes {
  /** By talk, for the entry they were read for: a changed talk comes as a new entry and is read again. */
  private readonly kept = new Map<string, { entry: LibraryEntry; notes: Note[] }>();
  private asked = new Map<string, { entry: LibraryEntry; done: (() => void)[] }>();
  private readonly db: TalklogDb;

  constructor(db: TalklogDb) {
    this.db = db;
  }

  /** The entry's notes if they have been read since it last changed. */
  notesOf(entry: LibraryEntry): Note[] | undefined {
    const kept = this.kept.get(entry.talk.id);
    return kept?.entry === entry ? kept.notes : undefined;
  }

  /**
   * Reads the entry's notes, together with those of every entry asked for in the same task; `done` once
   * the read is over (the notes kept, or not when the read failed).
   */
  ask(entry: LibraryEntry, done: () => void): void {
    const asking = this.asked.get(entry.talk.id);
    if (asking?.entry === entry) {
      asking.done.push(done);
      return;
    }
    if (this.asked.size === 0) queueMicrotask(() => void this.read());
    this.asked.set(entry.talk.id, { entry, done: [done] });
  }

  private async read(): Promise<void> {
    const asked = [...this.asked.values()];
    this.asked = new Map();
    try {
      const notes = await notesForTalks(
        this.db,
        asked.map(({ entry }) => entry.talk.id),
      );
      asked.forEach(({ entry }, i) => {
        this.kept.delete(entry.talk.id);
        this.kept.set(entry.talk.id, { entry, notes: notes[i] });
      });
      for (const talkId of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - KEPT))) this.kept.delete(talkId);
    } catch {
      // A failed read leaves those rows without their notes, as they were; the next ask tries again.
    }
    for (const { done } of asked) for (const each of done) each();
  }
}

const drawnNotes = new WeakMap<TalklogDb, DrawnNotes>();

function drawnNotesOf(db: TalklogDb): DrawnNotes {
  let notes = drawnNotes.get(db);
  if (!notes) drawnNotes.set(db, (notes = new DrawnNotes(db)));
  return notes;
}

/**
 * A row's notes, read when `wanted`; undefined until first read. While a changed talk's notes are read
 * again, the row keeps showing those it had (a note being edited stays open).
 */
export function useTalkNotes(db: TalklogDb, entry: LibraryEntry, wanted: boolean): Note[] | undefined {
  const store = drawnNotesOf(db);
  const [, setRead] = useState(0);
  const shown = useRef<Note[] | undefined>(undefined);
  const fresh = store.notesOf(entry);
  // Asked for before the row is painted, so the read runs while it is.
  useLayoutEffect(() => {
    if (!wanted || fresh) return;
    let current = true;
    store.ask(entry, () => current && setRead((count) => count + 1));
    return () => {
      current = false;
    };
  }, [store, entry, wanted, fresh]);
  if (fresh) shown.current = fresh;
  return fresh ?? shown.current;
}

/** Which rows the list is about to draw: from `first`, `count` of them (where the window was a moment ago). */
export interface DrawnRows {
  first: number;
  count: number;
}

/** A list of talks to draw, with the search words to mark in them. */
export interface Listed {
  shown: LibraryEntry[];
  words: string[];
}

/**
 * What the list draws: `shown` (and its `words`) once the notes its drawn rows match in (to show
 * where) are read, and until then what it drew before. A keystroke thus changes the screen once, with
 * every row's "in a note" excerpt, instead of drawing rows and then their excerpts a frame or more
 * later; when those notes are kept from a keystroke before (typing on narrows), it draws at once. Only
 * the newest `shown` is ever waited for: a read that comes back after a later keystroke draws that
 * one, never the talks of its own.
 */
export function useListedOnceNotesRead(db: TalklogDb, shown: LibraryEntry[], words: string[], rows: DrawnRows): Listed {
  const store = drawnNotesOf(db);
  const [, setRead] = useState(0);
  const drawn = useRef<Listed | null>(null);
  /** The last `shown` whose read is over: drawn whatever came of it, so that a failed read holds nothing up. */
  const readFor = useRef<LibraryEntry[] | null>(null);
  const unread =
    words.length === 0 || drawn.current === null || readFor.current === shown
      ? []
      : shown.slice(rows.first, rows.first + rows.count).filter((entry) => !store.notesOf(entry) && matchesInNotes(entry, words));
  const waiting = unread.length > 0;
  useLayoutEffect(() => {
    if (!waiting) return;
    let current = true;
    let left = unread.length;
    const done = () => {
      if (--left > 0 || !current) return;
      readFor.current = shown;
      setRead((count) => count + 1);
    };
    for (const entry of unread) store.ask(entry, done);
    return () => {
      current = false;
    };
    // `unread` follows from `shown` and `words` (and from what is kept, which only a read changes).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [store, shown, words, waiting]);
  if (!waiting && (drawn.current?.shown !== shown || drawn.current.words !== words)) drawn.current = { shown, words };
  return drawn.current!;
}
