import { t } from '../i18n/t';
import { talkIdFor, type CapturedTalk } from '../talk/model';
import type { Announcement } from '../ui/Announcer';
import { draftKey, type DraftStore } from './drafts';

/** How often a held page looks whether the note it holds was saved (or emptied, or cancelled). */
const LOOK_EVERY_MS = 250;

/** Whether the talk's note box holds words not saved yet: a new note's, or an edit's. */
function unsavedNoteOn(drafts: DraftStore, talkId: string): boolean {
  return Boolean(drafts.load(draftKey(talkId, 'new'))?.body.trim()) || drafts.load(draftKey(talkId, 'edit')) !== null;
}

/**
 * The tab moved on (YouTube played the next video) while a note on the talk shown is being written: the page keeps
 * that talk, and its note, until the note is saved, then follows the tab (`follow`); the user may follow at once.
 * Without that, the rest of the sentence went to a draft on the next talk, its start to the talk before. Returns
 * how to stop holding (the tab moved again), or null when nothing unsaved holds the page.
 */
export function holdForUnsavedNote(
  drafts: DraftStore,
  shown: CapturedTalk,
  follow: () => void,
  announce: (announcement: Announcement) => void,
): (() => void) | null {
  const talkId = talkIdFor(shown.videoId);
  if (!unsavedNoteOn(drafts, talkId)) return null;
  const timer = setInterval(() => {
    if (unsavedNoteOn(drafts, talkId)) return;
    clearInterval(timer);
    follow();
  }, LOOK_EVERY_MS);
  const stop = () => clearInterval(timer);
  announce({
    kind: 'status',
    text: t('tabMovedOn', shown.title),
    action: {
      label: t('followTheTab'),
      run: () => {
        stop();
        follow();
      },
    },
  });
  return stop;
}
