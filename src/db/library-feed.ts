import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { Note, Talk } from '../talk/model';
import type { TalklogDb } from './database';
import { notesForTalks } from './notes';
import type { TalkNotes } from './talk-notes';

/**
 * Talks read at a time, each with all its notes (about ten a talk): no more than two chunks of notes
 * held at once, the one the page takes in and the next, read meanwhile. The chunk adapts so that what
 * the page does with each stays within a slice of a frame on this machine: a page that takes in an
 * import of 20,000 talks stays responsive, and a quick one reads in few chunks. Never under `min`, so
 * that a busy machine, whose every task looks long, does not turn the read into thousands of round trips.
 */
const CHUNK = { first: 100, min: 50, max: 250 };
/**
 * Main-thread time the page's work on one chunk should take: half a frame, since a collection of the
 * garbage it leaves often lands in the same task, and a task twice this long on a quiet machine is
 * stretched past 50 ms while the browser still writes an import's records to disk on the same cores.
 */
const CHUNK_BUDGET_MS = 8;

/** The next chunk's size, from how long the page took over the last one of `size`. */
export function nextChunkSize(size: number, tookMs: number): number {
  const fitted = Math.round((size * CHUNK_BUDGET_MS) / Math.max(tookMs, 1));
  // Grows at most twofold at a time: one quick chunk (a talk without notes) says little of the next.
  return Math.min(CHUNK.max, 2 * size, Math.max(CHUNK.min, fitted));
}

/** Talks whose record or notes changed, read afresh; and talks that are gone. */
export interface LibraryChange {
  talks: Talk[];
  /** The notes of each talk in `talks` (same order), as written. */
  notes: Note[][];
  removedTalkIds: string[];
}

export interface LibraryFeed {
  /** The newest talks and how many notes each has (same order): the library's first screen, read before anything else (again after `reset`). */
  first: (talks: Talk[], noteCounts: number[]) => void | Promise<void>;
  /** Part of the whole library: some talks, each with all its notes; `loaded` follows the last part. May come again from the start after `reset`. */
  chunk: (talks: Talk[], notes: Note[][]) => void | Promise<void>;
  /** Everything read afresh follows, from `first` on: a change too wide to follow talk by talk (an import, a clear). */
  reset: () => void;
  loaded: () => void | Promise<void>;
  /**
   * Talks changed in this page or any other page of the extension since they were read. Many changed at once (an
   * Undo of their delete) come in parts, each in a task of its own; `more` while the rest of them follows.
   */
  changed: (change: LibraryChange, more: boolean) => void;
  error: (error: unknown) => void;
}

export interface LibraryFollowing {
  stop: () => void;
  /**
   * Resolves once the page has been handed every change written before (a write's promise resolved): the whole
   * library, the talks changed taken in (`changed` with nothing `more`), or `error`. What a page says of a write
   * waits for it, so that the list shows what the page says.
   */
  caughtUp: () => Promise<void>;
}

/**
 * Reads the library for a page that shows all of it, at a cost that does not grow with it where the
 * user waits: the newest `firstCount` talks first, then everything in chunks with the page free in
 * between; then follows every change, reading again only the talks it touched.
 */
export function followLibrary(db: TalklogDb, firstCount: number, feed: LibraryFeed): LibraryFollowing {
  let stopped = false;
  let loading = true;
  /** Talks changed while loading or not yet applied; null: none; 'all': read everything again. */
  let pending: Set<string> | 'all' | null = null;
  let flushing = false;
  /** Waiting for the page to be handed every change (`caughtUp`). */
  let waiting: (() => void)[] = [];
  const isCaughtUp = () => stopped || (pending === null && !flushing && !loading);
  const release = () => {
    const released = waiting;
    waiting = [];
    for (const resolve of released) resolve();
  };

  const prefix = `idb://${db.name}/`;
  const onMutation = (parts: ObservabilitySet) => {
    for (const [part, keys] of Object.entries(parts)) {
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split('/');
      // Both tables are keyed by talk id.
      if ((table !== 'talks' && table !== 'talkNotes') || index !== '') continue;
      // Each part is a tree of key ranges; a RangeSet over it iterates them.
      for (const range of RangeSet(keys)) {
        if (pending === 'all') break;
        // A range rather than keys: Dexie marks a bulk write of 50 or more records, or a clear, so.
        if (range.from !== range.to || typeof range.from !== 'string') pending = 'all';
        else {
          pending ??= new Set();
          pending.add(range.from);
        }
      }
    }
    if (pending !== null && !loading) void flush();
  };

  const flush = async () => {
    if (flushing || stopped) return;
    flushing = true;
    try {
      while (pending !== null && !stopped) {
        const work = pending;
        pending = null;
        if (work === 'all') {
          feed.reset();
          await loadFromFirstScreen();
        } else await followChange([...work]);
      }
    } catch (error) {
      if (!stopped) feed.error(error);
      release();
    } finally {
      flushing = false;
      if (isCaughtUp()) release();
    }
  };

  /** Reads the talks changed and hands them over in parts sized as the library's chunks are, the page's time over each sizing the next. */
  const followChange = async (ids: string[]) => {
    let size = CHUNK.first;
    for (let at = 0; at < ids.length;) {
      const part = ids.slice(at, at + size);
      at += part.length;
      const change = await readChange(db, part);
      if (stopped) return;
      // As a chunk of the library is: taken in a task after the one its records came in.
      if (ids.length > CHUNK.min) await nextTask();
      if (stopped) return;
      const start = performance.now();
      feed.changed(change, at < ids.length);
      size = nextChunkSize(size, performance.now() - start);
    }
  };

  /** Up to `size` talks after `after` (from the first when null), and their notes records. */
  const readChunk = async (after: string | null, size: number): Promise<{ talks: Talk[]; records: TalkNotes[] }> => {
    const talks: Talk[] = await (after === null ? db.talks.orderBy(':id') : db.talks.where(':id').above(after)).limit(size).toArray();
    if (talks.length === 0) return { talks, records: [] };
    // Talks come in key order, so the notes of this chunk's talks are the records keyed within its range.
    const records = await db.talkNotes
      .where(':id')
      .between(talks[0].id, talks[talks.length - 1].id, true, true)
      .toArray();
    return { talks, records };
  };

  const loadAll = async () => {
    loading = true;
    let size = CHUNK.first;
    let next = readChunk(null, size);
    for (let chunk = 0; ; chunk++) {
      const { talks, records } = await next;
      if (stopped) return;
      if (talks.length === 0) break;
      // The next chunk is read while the page takes this one in: read after it, each chunk waited 5-10 ms on
      // IndexedDB with the page idle, 0.85 s of the 3.3 s a library of 20,000 talks took to read whole. Not the
      // second chunk, though: read at once, its records came in while the first screen was drawn and put that off
      // (10-15 ms at 8,000 talks, in three runs of four).
      const readNext = () => {
        next = readChunk(talks[talks.length - 1].id, size);
        next.catch(() => undefined); // its rejection reaches the await above; unawaited only once the page has stopped
      };
      if (chunk > 0) readNext();
      const notesOf = new Map(records.map((record) => [record.talkId, record.notes]));
      // Handed over `size` talks at a time, the page's time over each sizing the next: a chunk read at the size
      // before is handed over in parts when the page has since proved slower.
      for (let at = 0; at < talks.length;) {
        // The page takes each part in a task after the one its records came in: making them objects (and the
        // garbage collection that follows) took 20-35 ms of that task at 20,000 talks, on top of the part's own
        // budget. The next chunk's read gives way to paint and input meanwhile.
        await nextTask();
        if (stopped) return;
        const part = talks.slice(at, at + size);
        at += part.length;
        const start = performance.now();
        await feed.chunk(
          part,
          part.map((talk) => notesOf.get(talk.id) ?? []),
        );
        size = nextChunkSize(size, performance.now() - start);
      }
      if (chunk === 0) readNext();
    }
    await feed.loaded();
    // Changes seen until the page has the whole library are applied after it, not lost in between.
    loading = false;
  };

  /** As on opening: the newest talks first, then all of them. */
  const loadFromFirstScreen = async () => {
    const { talks, noteCounts } = await readFirstScreen(db, firstCount);
    if (stopped) return;
    await feed.first(talks, noteCounts);
    await nextTask();
    await loadAll();
  };

  Dexie.on('storagemutated', onMutation);
  void (async () => {
    try {
      await loadFromFirstScreen();
      await flush();
    } catch (error) {
      if (!stopped) feed.error(error);
      release();
    }
  })();
  return {
    stop: () => {
      stopped = true;
      Dexie.on('storagemutated').unsubscribe(onMutation);
      release();
    },
    // Dexie reports a write's changes as its transaction completes, before the write's promise resolves: they are pending by then.
    caughtUp: () => (isCaughtUp() ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
  };
}

/** The newest talks and their note counts, in one transaction: a read of each talk's notes record, all sent at once. */
async function readFirstScreen(db: TalklogDb, count: number): Promise<{ talks: Talk[]; noteCounts: number[] }> {
  return db.transaction('r', db.talks, db.talkNotes, async () => {
    const talks = await db.talks.orderBy('createdAt').reverse().limit(count).toArray();
    const talkIds = talks.map((talk) => talk.id);
    const notes = await notesForTalks(db, talkIds);
    return { talks, noteCounts: notes.map((each) => each.length) };
  });
}

/** These talks with all their notes, read afresh; those that are gone. */
async function readChange(db: TalklogDb, ids: string[]): Promise<LibraryChange> {
  return db.transaction('r', db.talks, db.talkNotes, async () => {
    const [talks, notes] = await Promise.all([db.talks.bulkGet(ids), notesForTalks(db, ids)]);
    const change: LibraryChange = { talks: [], notes: [], removedTalkIds: [] };
    ids.forEach((id, i) => {
      const talk = talks[i];
      if (!talk) change.removedTalkIds.push(id);
      else {
        change.talks.push(talk);
        change.notes.push(notes[i]);
      }
    });
    return change;
  });
}

/** Lets the page paint and handle input between chunks. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
