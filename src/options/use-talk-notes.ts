import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { notesForTalks } from '../db/notes';
import type { Note } from '../talk/model';
import { whenIdle } from '../ui/when-idle';
import { matchesInNotes, type LibraryEntry } from './library-filter';

/**
 * Talks whose notes are kept once read, at most: those read ahead for a keystroke and those still read
 * for the keystrokes before it. Once the page is idle, only the notes the read ahead wants are kept.
 */
const KEPT = 128;
/**
 * Talks with notes, from the first drawn row on, whose notes are read ahead once a list is drawn: the
 * next keystroke's rows are among them when it keeps one talk in a few (typing on narrows).
 */
const AHEAD = 64;
/** Rows looked at for them: a keystroke that keeps fewer than one talk in ten draws its rows from further on. */
const SCANNED = 1000;
/**
 * Rows past the first drawn one looked at for the letters that may come next, and their talks: enough to
 * tell the likely letters apart, and a bound on the idle task that works them out.
 */
const NEXT_SCANNED = 256;
/**
 * A read ahead waits for idle time at most this long, then runs as a task of its own (which input still
 * goes before): in Chrome, while keystrokes came every 300 ms, no idle callback ran between them.
 */
const AHEAD_WAIT_MS = 50;
/** Talks read ahead in one read: a keystroke's own read waits behind one such read at most. */
const AHEAD_A_READ = 24;

/**
 * The notes of the rows drawn, read when a row needs them (opened, or a search to show where it
 * matched), all rows asking at once in one read, and kept for the last few hundred talks. The page
 * never holds every note of the library.
 */
class DrawnNotes {
  /** By talk, for the entry they were read for: a changed talk comes as a new entry and is read again. */
  private readonly kept = new Map<string, { entry: LibraryEntry; notes: Note[] }>();
  private asked = new Map<string, { entry: LibraryEntry; done: (() => void)[] }>();
  /** Reads under way, by talk: an entry asked for again waits for the read it is in. */
  private readonly reading = new Map<string, { entry: LibraryEntry; done: (() => void)[] }>();
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
    const asking = this.asked.get(entry.talk.id) ?? this.reading.get(entry.talk.id);
    if (asking?.entry === entry) {
      asking.done.push(done);
      return;
    }
    if (this.asked.size === 0) queueMicrotask(() => void this.read());
    this.asked.set(entry.talk.id, { entry, done: [done] });
  }

  /**
   * Reads the notes of those entries not kept yet, in one read, and keeps those already kept as if
   * just read (they are wanted again soon); resolves once the read is over.
   */
  readAhead(entries: LibraryEntry[]): Promise<void> {
    return new Promise((resolve) => {
      let left = 1;
      const done = () => --left === 0 && resolve();
      for (const entry of entries) {
        const kept = this.kept.get(entry.talk.id);
        if (kept?.entry === entry) this.keep(kept);
        else {
          left++;
          this.ask(entry, done);
        }
      }
      done();
    });
  }

  /**
   * Lets go of the notes of every talk but these: those of the rows drawn and of the rows the next
   * keystroke is likely to draw. A search reads the notes of a few screenfuls; the page keeps them only
   * while they may still be drawn, and at rest, with no search, keeps those of the rows it shows.
   */
  keepOnly(entries: readonly LibraryEntry[]): void {
    const wanted = new Set(entries.map((entry) => entry.talk.id));
    for (const talkId of this.kept.keys()) if (!wanted.has(talkId)) this.kept.delete(talkId);
  }

  /** Keeps these notes as the newest: those kept longest are let go first. */
  private keep(kept: { entry: LibraryEntry; notes: Note[] }): void {
    this.kept.delete(kept.entry.talk.id);
    this.kept.set(kept.entry.talk.id, kept);
  }

  private async read(): Promise<void> {
    const asked = [...this.asked.values()];
    this.asked = new Map();
    for (const each of asked) this.reading.set(each.entry.talk.id, each);
    try {
      const notes = await notesForTalks(
        this.db,
        asked.map(({ entry }) => entry.talk.id),
      );
      asked.forEach(({ entry }, i) => this.keep({ entry, notes: notes[i] }));
      for (const talkId of [...this.kept.keys()].slice(0, Math.max(0, this.kept.size - KEPT))) this.kept.delete(talkId);
    } catch {
      // A failed read leaves those rows without their notes, as they were; the next ask tries again.
    }
    for (const each of asked) if (this.reading.get(each.entry.talk.id) === each) this.reading.delete(each.entry.talk.id);
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

/**
 * The talks, from the first drawn row on, whose notes the next keystroke's rows are likely to need, most
 * likely first. While searching: those drawn now (a letter that keeps them draws them again, and the
 * first letter of a new word may match in any of their notes); then, for each letter that may come next
 * in the last word, likeliest first (the one that follows it in the notes of most talks), the talks a
 * screenful of rows would then show, as far as their notes tell; then the others that match in their
 * notes (a longer word matches in the notes of fewer), then those with notes (a new word may match in
 * any). With no search, those of the rows drawn only: a first word that keeps most talks draws them, and
 * a library page left at rest holds no more notes than it shows.
 */
export function likelyNext(shown: LibraryEntry[], words: string[], rows: DrawnRows): LibraryEntry[] {
  if (words.length === 0) return shown.slice(rows.first, rows.first + Math.min(AHEAD, rows.count)).filter((entry) => entry.noteWords.length > 0);
  const drawn: LibraryEntry[] = [];
  const inNotes: LibraryEntry[] = [];
  const withNotes: LibraryEntry[] = [];
  const last = Math.min(shown.length, rows.first + SCANNED);
  const nextUpTo = rows.first + NEXT_SCANNED;
  const word = words[words.length - 1];
  /** By letter that follows the last word in notes: the talks whose notes have it, and where the next list would put them. */
  const next = new Map<string, { entries: LibraryEntry[]; seen: number }>();
  const letters = new Set<string>();
  for (let row = 0; row < last && (row < nextUpTo || inNotes.length < AHEAD); row++) {
    const entry = shown[row];
    if (entry.noteWords.length === 0) continue;
    const matches = matchesInNotes(entry, words);
    if (row >= rows.first) {
      if (row < rows.first + rows.count) drawn.push(entry);
      else if (matches) inNotes.push(entry);
      else if (withNotes.length < AHEAD) withNotes.push(entry);
    }
    if (!matches || row >= nextUpTo) continue;
    letters.clear();
    entry.vocabulary.lettersAfter(entry.noteWords, word, letters);
    for (const letter of letters) {
      let talks = next.get(letter);
      if (!talks) next.set(letter, (talks = { entries: [], seen: 0 }));
      // The next list starts over from the top: its rows from `first` on are the talks that many in.
      if (talks.seen++ >= rows.first && talks.entries.length < rows.count) talks.entries.push(entry);
    }
  }
  const byLikelihood = [...next.values()].sort((a, b) => b.seen - a.seen).flatMap(({ entries }) => entries);
  return [...new Set([...drawn, ...byLikelihood, ...inNotes, ...withNotes])].slice(0, AHEAD);
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
    // `unread` follows from `shown` and `words` (and from what is kept, which a read changes, and the read ahead once idle, which keeps the rows drawn).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [store, shown, words, waiting]);
  if (!waiting && (drawn.current?.shown !== shown || drawn.current.words !== words)) drawn.current = { shown, words };
  const listed = drawn.current!;
  // Once this list is drawn, while the page is idle, the notes of the rows the next keystroke may draw
  // are read, a few at a time: it then draws at once. Stopped by the next keystroke, so that its own
  // read never waits behind more than one of these.
  useEffect(() => {
    if (listed.shown !== shown) return;
    let current = true;
    let ahead: LibraryEntry[] | null = null;
    const readFrom = (at: number): (() => void) =>
      whenIdle(() => {
        if (ahead === null) {
          ahead = likelyNext(shown, words, rows);
          store.keepOnly(ahead);
        }
        if (at < ahead.length) void store.readAhead(ahead.slice(at, at + AHEAD_A_READ)).then(() => current && (cancel = readFrom(at + AHEAD_A_READ)));
      }, AHEAD_WAIT_MS);
    let cancel = readFrom(0);
    return () => {
      current = false;
      cancel();
    };
    // `rows` is where the list is drawn now, read once the list is.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [store, listed, shown, words]);
  return listed;
}
