import type { TalklogDb } from '../db/database';
import { addNoteWithSlides, updateNoteWithSlides } from '../db/note-with-slides';
import { t } from '../i18n/t';
import { formatPlaybackTime } from '../talk/time';
import { draftSlidesOwner } from './drafts';
import type { EditTarget } from './edit-target';

/**
 * Saves the box's text as a new note, or as the edit of a note, with the slides captured while it
 * was written; returns the confirmation to announce.
 */
export async function saveNoteText(
  db: TalklogDb,
  talkId: string,
  editing: EditTarget | null,
  { id, body, atSec }: { id: string; body: string; atSec: () => Promise<number | null> },
): Promise<string> {
  if (editing) {
    const { outcome } = await updateNoteWithSlides(db, editing, body, draftSlidesOwner(talkId, 'edit'));
    return outcome === 'updated' ? t('noteUpdated') : t('noteKeptBoth');
  }
  const sec = await atSec();
  await addNoteWithSlides(db, talkId, { id, body, atSec: sec }, draftSlidesOwner(talkId, 'new'));
  return sec === null ? t('noteSaved') : t('noteSavedAt', formatPlaybackTime(sec));
}

/** What was typed in the box while `saved` was being saved: the start of the next note. */
export function typedSince(saved: string, now: string): string {
  return now.startsWith(saved) ? now.slice(saved.length).trimStart() : now;
}
