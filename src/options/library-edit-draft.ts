import type { TalklogDb } from '../db/database';
import { notesForTalk } from '../db/notes';
import { getTalk } from '../db/talks';
import { DRAFT_PREFIX, draftKey, storageDrafts, type Draft, type DraftStore } from '../popup/drafts';
import type { Note } from '../talk/model';

let store: DraftStore | null = null;

/** The popup's draft store, made when the library first needs it: an edit typed here is kept where the popup keeps its own. */
export function libraryDrafts(): DraftStore {
  return (store ??= storageDrafts(localStorage));
}

export function editDraftKey(talkId: string): string {
  return draftKey(talkId, 'edit');
}

/** An edit left with words its note does not hold, in this page or another: the note as it was when the edit began, and the words. */
export interface UnsavedEdit {
  opened: Note;
  body: string;
}

/**
 * The talk's edit draft, if it is an edit of one of these notes that holds words the note does not. A draft whose
 * note is gone, or whose words the note already holds (saved here or elsewhere), is not offered back.
 */
export function unsavedEdit(draft: Draft | null, notes: readonly Note[]): UnsavedEdit | null {
  if (!draft?.editing) return null;
  const { noteId, openedAt } = draft.editing;
  const note = notes.find((candidate) => candidate.id === noteId);
  if (!note || note.body === draft.body) return null;
  return { opened: { ...note, updatedAt: openedAt }, body: draft.body };
}

/** Whether a `storage` event is about a talk's edit draft. */
export function isEditDraftKey(key: string | null): boolean {
  return key !== null && key.startsWith(DRAFT_PREFIX) && key.endsWith(':edit');
}

/** A talk in the library with a note edit left unsaved in its draft (in any page: the library, the popup, the side panel). */
export interface TalkWithUnsavedEdit {
  talkId: string;
  title: string;
}

/** The talks in the library whose edit draft holds words its note does not, in the order storage lists them. */
export async function talksWithUnsavedEdits(db: TalklogDb, storage: Storage, drafts: DraftStore): Promise<TalkWithUnsavedEdit[]> {
  const talkIds: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (isEditDraftKey(key)) talkIds.push(key!.slice(DRAFT_PREFIX.length, -':edit'.length));
  }
  const found: TalkWithUnsavedEdit[] = [];
  for (const talkId of talkIds) {
    if (!unsavedEdit(drafts.load(editDraftKey(talkId)), await notesForTalk(db, talkId))) continue;
    const talk = await getTalk(db, talkId);
    if (talk) found.push({ talkId, title: talk.title });
  }
  return found;
}
