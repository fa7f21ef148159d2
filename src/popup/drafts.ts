import { newNoteId } from '../talk/model';

/**
 * What is typed in a note box, kept on every keystroke so that closing the popup (which the
 * browser does whenever focus leaves it) loses nothing. localStorage, not IndexedDB: its write is
 * synchronous, so even the key pressed just before the popup closes is kept, and every page of
 * the extension shares it.
 */
export interface Draft {
  /** The id a new note saved from this draft gets, in whichever page it is saved: saved twice, it is still one note. */
  id: string;
  body: string;
  /** The playback second the note began at, once known. */
  atSec: number | null;
  /** For an edit: which note, and its `updatedAt` when the edit began (to notice changes made elsewhere). */
  editing: { noteId: string; openedAt: string } | null;
  /** The talk's title where it was typed, kept but not read back here: only StrandedNote reads it. */
  title?: string;
}

export interface DraftStore {
  load(key: string): Draft | null;
  /** Returns how many characters of the body were kept: fewer than it has when storage is full. */
  save(key: string, draft: Draft): number;
  clear(key: string): void;
  /** Calls back when another page (popup, side panel) changes this draft, with the draft it replaced; returns the unsubscribe. */
  onChangedElsewhere(key: string, listener: (draft: Draft | null, previous: Draft | null) => void): () => void;
}

/** Where storageDrafts keeps a draft: this, then its key (draftKey). */
export const DRAFT_PREFIX = 'talklog:draft:';

/** Each talk has one draft for a new note and one for the note being edited. */
export function draftKey(talkId: string, kind: 'new' | 'edit'): string {
  return `${talkId}:${kind}`;
}

function parseDraft(stored: string | null): Draft | null {
  try {
    const parsed: unknown = JSON.parse(stored ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { id, body, atSec, editing } = parsed as Partial<Draft>;
    if (typeof body !== 'string') return null;
    return {
      // Drafts kept before drafts had ids get one now.
      id: typeof id === 'string' && /^n_[\w-]{1,64}$/.test(id) ? id : newNoteId(),
      body,
      atSec: typeof atSec === 'number' && Number.isFinite(atSec) ? atSec : null,
      editing: typeof editing?.noteId === 'string' && typeof editing.openedAt === 'string' ? { noteId: editing.noteId, openedAt: editing.openedAt } : null,
    };
  } catch {
    return null;
  }
}

/**
 * `window` fires `storage` in every other page of the extension when one of them writes. One listener for the
 * page, added as the store is made (as the page starts, while it waits for the tab and the database): the first
 * `storage` listener of a page costs its main thread about a millisecond, which the note box's first drawing
 * paid when each box added its own.
 */
export function storageDrafts(storage: Storage, events: Pick<Window, 'addEventListener'> = window): DraftStore {
  const followers = new Set<(event: StorageEvent) => void>();
  events.addEventListener('storage', (event) => followers.forEach((follow) => follow(event)));
  /** Per draft over the quota: a length known not to fit, and the longest start of the body known to. */
  const overQuota = new Map<string, { fails: number; fits: number }>();
  const write = (key: string, draft: Draft, chars: number): boolean => {
    try {
      storage.setItem(DRAFT_PREFIX + key, JSON.stringify({ ...draft, body: draft.body.slice(0, chars) }));
      return true;
    } catch {
      return false; // over the quota (about 5 million characters in Chromium); the last draft that fitted stays
    }
  };
  return {
    load(key) {
      return parseDraft(storage.getItem(DRAFT_PREFIX + key));
    },
    save(key, draft) {
      const known = overQuota.get(key);
      if (!known || draft.body.length < known.fails) {
        if (write(key, draft, draft.body.length)) {
          overQuota.delete(key);
          return draft.body.length;
        }
      }
      // Keep the longest start of the text that fits, found once by bisection, then reused per keystroke.
      let { fits, fails } = known ?? { fits: 0, fails: draft.body.length };
      fails = Math.min(fails, draft.body.length);
      fits = Math.min(fits, fails);
      if (known && write(key, draft, fits)) return fits;
      while (fails - fits > 1024) {
        const middle = Math.floor((fits + fails) / 2);
        if (write(key, draft, middle)) fits = middle;
        else fails = middle;
      }
      overQuota.set(key, { fits, fails });
      return fits;
    },
    clear(key) {
      storage.removeItem(DRAFT_PREFIX + key);
    },
    onChangedElsewhere(key, listener) {
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea === storage && event.key === DRAFT_PREFIX + key) listener(parseDraft(event.newValue), parseDraft(event.oldValue));
      };
      followers.add(onStorage);
      return () => followers.delete(onStorage);
    },
  };
}
