import type { TalklogDb } from '../db/database';
import { addNoteWithSlides, updateNoteWithSlides } from '../db/note-with-slides';
import { getTalk } from '../db/talks';
import { t } from '../i18n/t';
import { formatPlaybackTime } from '../talk/time';
import type { EditTarget } from './edit-target';

/**
 * Saves the box's text as a new note, or as the edit of a note, with the slides captured while it
 * was written (held by `slidesOwner`, drafts.ts); returns the confirmation to announce. `clip`
 * puts the talk in the library first: for a new note, and for an edit whose talk was deleted
 * elsewhere since, whose words would have nowhere to go.
 */
export async function saveNoteText(
  db: TalklogDb,
  talkId: string,
  editing: EditTarget | null,
  { id, body, atSec }: { id: string; body: string; atSec: () => Promise<number | null> },
  slidesOwner: string,
  clip: () => Promise<void>,
): Promise<string> {
  if (editing) {
    const talkWasGone = !(await getTalk(db, editing.talkId));
    if (talkWasGone) await clip();
    const { outcome, noteWasGone } = await updateNoteWithSlides(db, editing, body, slidesOwner);
    if (outcome === 'updated') return t('noteUpdated');
    if (noteWasGone) return t(talkWasGone ? 'noteSavedWithTalk' : 'noteSavedAgain');
    return t('noteKeptBoth');
  }
  await clip();
  const sec = await atSec();
  await addNoteWithSlides(db, talkId, { id, body, atSec: sec }, slidesOwner);
  return sec === null ? t('noteSaved') : t('noteSavedAt', formatPlaybackTime(sec));
}
