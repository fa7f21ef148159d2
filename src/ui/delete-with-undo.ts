import type { TalklogDb } from '../db/database';
import type { DeletedTalks } from '../db/deletion';
import type { Note } from '../talk/model';
import { t } from '../i18n/t';
import { type Announcement } from './Announcer';
import { errorMessage } from './error-message';

type Deletion = typeof import('../db/deletion');

/** What a delete says: what went, what came back on Undo, and why it failed. */
interface DeleteTexts {
  deleted: (deleted: DeletedTalks) => string;
  /** Said as Undo begins, where putting back takes long enough to need saying. */
  restoring?: (deleted: DeletedTalks) => string;
  restored: (deleted: DeletedTalks, talksBack: number) => string;
  couldNotDelete: (message: string) => string;
}

/**
 * Runs a delete (`remove`, given the deleting code, which loads on the click) and offers Undo where it happened;
 * says so when either cannot. Resolves with what went, if anything did; `onRestored` once an Undo brought it back.
 * `shown`, if given, resolves once the page shows what is stored now: what went, or came back, is said no sooner.
 */
export async function deleteWithUndo(
  db: TalklogDb,
  announce: (announcement: Announcement) => void,
  remove: (deletion: Deletion) => Promise<DeletedTalks | undefined>,
  texts: DeleteTexts,
  onRestored?: (deleted: DeletedTalks) => void,
  shown?: () => Promise<void>,
): Promise<DeletedTalks | undefined> {
  try {
    const deletion = await import('../db/deletion');
    const deleted = await remove(deletion);
    // Nothing went: gone already, as after the first click of a double click. What did go keeps its Undo.
    if (!deleted || (deleted.talks.length === 0 && deleted.notes.length === 0)) return undefined;
    await shown?.();
    announce({
      kind: 'status',
      text: texts.deleted(deleted),
      action: {
        label: t('undo'),
        run: () => {
          if (texts.restoring) announce({ kind: 'status', text: texts.restoring(deleted) });
          void deletion.restoreDeleted(db, deleted).then(
            async (talksBack) => {
              await shown?.();
              announce({ kind: 'status', text: texts.restored(deleted, talksBack) });
              onRestored?.(deleted);
            },
            (error: unknown) => announce({ kind: 'alert', text: t('couldNotRestore', errorMessage(error)) }),
          );
        },
      },
    });
    return deleted;
  } catch (error) {
    announce({ kind: 'alert', text: texts.couldNotDelete(errorMessage(error)) });
    return undefined;
  }
}

/** Deletes a note, with Undo; `onRestored` once an Undo brought it back. */
export function deleteNoteWithUndo(
  db: TalklogDb,
  note: Pick<Note, 'id' | 'talkId'>,
  announce: (announcement: Announcement) => void,
  onRestored?: () => void,
): Promise<unknown> {
  return deleteWithUndo(
    db,
    announce,
    ({ deleteNote }) => deleteNote(db, note),
    {
      deleted: () => t('noteDeleted'),
      restored: (_, talksBack) => t(talksBack > 0 ? 'noteRestoredWithTalk' : 'noteRestored'),
      couldNotDelete: (message) => t('couldNotDeleteNote', message),
    },
    onRestored,
  );
}
