import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { notesForTalks } from '../db/notes';
import type { Note } from '../talk/model';
import type { LibraryEntry } from './library-filter';

/** Talks whose notes are kept once read: a few screenfuls of rows, so scrolling back reads nothing. */
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

  /** Reads the entry's notes, together with those of every row asking in the same task; `done` once kept. */
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
    let notes: Note[][];
    try {
      notes = await notesForTalks(
        this.db,
        asked.map(({ entry }) => entry.talk.id),
      );
    } catch {
      // A failed read leaves those rows without their notes, as they were; the next ask tries again.
      return;
    }
    asked.forEach(({ entry }, i) => {
      this.kept.delete(entry.talk.id);
      this.kept.set(entry.talk.id, { entry, notes: notes[i] });
    });
    for (const talkId of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - KEPT))) this.kept.delete(talkId);
    for (const { done } of asked) for (const each of done) each();
  }
}

const drawnNotes = new WeakMap<TalklogDb, DrawnNotes>();

/**
 * A row's notes, read when `wanted`; undefined until first read. While a changed talk's notes are read
 * again, the row keeps showing those it had (a note being edited stays open).
 */
export function useTalkNotes(db: TalklogDb, entry: LibraryEntry, wanted: boolean): Note[] | undefined {
  let notes = drawnNotes.get(db);
  if (!notes) drawnNotes.set(db, (notes = new DrawnNotes(db)));
  const store = notes;
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
