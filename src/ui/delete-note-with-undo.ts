import type { TalklogDb } from '../db/database';
import type { Note } from '../talk/model';
import { t } from '../i18n/t';
import { type Announcement } from './Announcer';
import { errorMessage } from './error-message';

/** Deletes a note and offers Undo where it happened; says so when it cannot. */
export async function deleteNoteWithUndo(db: TalklogDb, note: Pick<Note, 'id' | 'talkId'>, announce: (announcement: Announcement) => void): Promise<void> {
  try {
    const { deleteNote, restoreDeleted } = await import('../db/deletion');
    const deleted = await deleteNote(db, note);
    announce({
      kind: 'status',
      text: t('noteDeleted'),
      action: deleted && {
        label: t('undo'),
        run: () =>
          void restoreDeleted(db, deleted).then(
            (talksBack) => announce({ kind: 'status', text: t(talksBack > 0 ? 'noteRestoredWithTalk' : 'noteRestored') }),
            (error: unknown) => announce({ kind: 'alert', text: t('couldNotRestore', errorMessage(error)) }),
          ),
      },
    });
  } catch (error) {
    announce({ kind: 'alert', text: t('couldNotDeleteNote', errorMessage(error)) });
  }
}
