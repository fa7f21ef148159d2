import type { TalklogDb } from '../db/database';
import { addNoteWithSlides, updateNoteWithSlides } from '../db/note-with-slides';
import { t } from '../i18n/t';
import { formatPlaybackTime } from '../talk/time';
import type { EditTarget } from './edit-target';

/**
 * Saves the box's text as a new note, or as the edit of a note, with the slides captured while it
 * was written (held by `slidesOwner`, drafts.ts); returns the confirmation to announce.
 */
export async function saveNoteText(
  db: TalklogDb,
  talkId: string,
  editing: EditTarget | null,
  { id, body, atSec }: { id: string; body: string; atSec: () => Promise<number | null> },
  slidesOwner: string,
): Promise<string> {
  if (editing) {
    const { outcome } = await updateNoteWithSlides(db, editing, body, slidesOwner);
    return outcome === 'updated' ? t('noteUpdated') : t('noteKeptBoth');
  }
  const sec = await atSec();
  await addNoteWithSlides(db, talkId, { id, body, atSec: sec }, slidesOwner);
  return sec === null ? t('noteSaved') : t('noteSavedAt', formatPlaybackTime(sec));
}
